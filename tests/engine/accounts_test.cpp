// Accounts and sessions: names, passwords, look-alikes, sessions and their end.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct AccountsFixture : WikiFixture {
  AccountsFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {}
  Accounts& accounts() { return wiki->accounts(); }
};

}  // namespace

TEST_CASE("an account is created and logs in with its password only") {
  AccountsFixture f;
  auto lea = f.accounts().create_user("  Léa  ", "tigre-lampe-42", Role::pupil, std::nullopt);
  REQUIRE(lea.ok());
  CHECK(lea->name == "Léa");
  CHECK(lea->role == Role::pupil);
  auto in = f.accounts().authenticate("LÉA", "tigre-lampe-42");
  REQUIRE(in.ok());
  CHECK(in->id == lea->id);
  auto wrong = f.accounts().authenticate("Léa", "tigre-lampe-43");
  REQUIRE_FALSE(wrong.ok());
  auto nobody = f.accounts().authenticate("Nobody", "tigre-lampe-42");
  REQUIRE_FALSE(nobody.ok());
  // The same answer for a wrong password and an unknown name: names cannot be probed.
  CHECK(wrong.error().message_id == nobody.error().message_id);
  CHECK(f.accounts().user_count() == 1);
}

TEST_CASE("names that look alike or differ by case cannot both exist") {
  AccountsFixture f;
  REQUIRE(f.accounts().create_user("Lucas", "password-1", Role::pupil, std::nullopt).ok());
  struct Row {
    const char* name;
    ErrorCode code;
    const char* message;
  };
  const Row rows[] = {
      {"lucas", ErrorCode::exists, "error-username-taken"},
      {"LUCAS", ErrorCode::exists, "error-username-taken"},
      {"L\xD1\x83" "cas", ErrorCode::invalid_input, "error-username-mixed-scripts"},
      {"Lu\xD1\x81" "as", ErrorCode::invalid_input, "error-username-mixed-scripts"},
      {"Lu\xE2\x80\x8B" "cas", ErrorCode::invalid_input, "error-username-invisible"},
      {"x", ErrorCode::invalid_input, "error-username-length"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto r = f.accounts().create_user(row.name, "password-2", Role::pupil, std::nullopt);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
    CHECK(r.error().message_id == row.message);
  }
  auto weak = f.accounts().create_user("Emma", "short", Role::pupil, std::nullopt);
  CHECK(weak.error().message_id == "error-password-length");
  CHECK(f.accounts().user_count() == 1);
}

TEST_CASE("sessions open with a token, carry a CSRF token, and end") {
  AccountsFixture f;
  auto teacher = f.accounts().create_user("Mme Martin", "classe-des-cm2", Role::teacher, std::nullopt);
  auto s = f.accounts().start_session(teacher->id);
  REQUIRE(s.ok());
  CHECK(s->token.size() >= 40);
  CHECK(s->csrf_token != s->token);
  auto info = f.accounts().session(s->token);
  REQUIRE(info.has_value());
  CHECK(info->user.name == "Mme Martin");
  CHECK(info->user.role == Role::teacher);
  CHECK(info->csrf_token == s->csrf_token);
  CHECK_FALSE(f.accounts().session("not-a-token").has_value());
  CHECK_FALSE(f.accounts().session(s->token + "x").has_value());
  f.accounts().end_session(s->token);
  CHECK_FALSE(f.accounts().session(s->token).has_value());
}

TEST_CASE("a new password ends every session and replaces the old one") {
  AccountsFixture f;
  auto pupil = f.accounts().create_user("Noah", "first-secret", Role::pupil, std::nullopt);
  auto s = f.accounts().start_session(pupil->id);
  REQUIRE(f.accounts().set_password(pupil->id, "second-secret").ok());
  CHECK_FALSE(f.accounts().session(s->token).has_value());
  CHECK_FALSE(f.accounts().authenticate("Noah", "first-secret").ok());
  CHECK(f.accounts().authenticate("Noah", "second-secret").ok());
}

TEST_CASE("accounts survive a reopen; passwords and tokens are never stored in clear") {
  AccountsFixture f;
  auto u = f.accounts().create_user("Chloé", "un-mot-de-passe", Role::admin, std::nullopt);
  auto s = f.accounts().start_session(u->id);
  f.reopen();
  CHECK(f.accounts().session(s->token).has_value());
  CHECK(f.accounts().user_by_name("chloé")->role == Role::admin);
  // The raw database file holds neither the password nor the session token.
  std::ifstream db(f.dir / "kidwiki.sqlite3", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(db)), std::istreambuf_iterator<char>());
  std::ifstream wal(f.dir / "kidwiki.sqlite3-wal", std::ios::binary);
  bytes.append((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
  CHECK(bytes.find("un-mot-de-passe") == std::string::npos);
  CHECK(bytes.find(s->token) == std::string::npos);
  CHECK(bytes.find("$argon2id$") != std::string::npos);
}

TEST_CASE("a name that carries personal information or a bad word is refused") {
  AccountsFixture f;
  const char* refused[] = {"lea2014", "Lucas_06_12_34_56_78", "Tom 0612345678", "F u c k"};
  for (const char* name : refused) {
    CAPTURE(name);
    auto r = f.accounts().create_user(name, "password-1", Role::pupil, std::nullopt);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::invalid_input);
    CHECK(r.error().message_id.rfind("filter-", 0) == 0);
  }
  CHECK(f.accounts().create_user("Léa 2", "password-1", Role::pupil, std::nullopt).ok());
  CHECK(f.accounts().create_user("Zoé_06", "password-1", Role::pupil, std::nullopt).ok());
  CHECK(f.accounts().user_count() == 2);
}

TEST_CASE("role names round-trip") {
  for (Role r : {Role::pupil, Role::teacher, Role::moderator, Role::admin}) {
    CHECK(role_from_name(role_name(r)) == r);
  }
  CHECK_FALSE(role_from_name("reader").has_value());
}

TEST_CASE("an account made from the command line is in the audit log, with no actor") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  auto made = f.wiki->accounts().create_user("Mme Martin", "long enough", Role::teacher, {});
  REQUIRE(made.ok());
  auto log = f.wiki->moderation().audit_log(AuditQuery{});
  REQUIRE_FALSE(log.empty());
  CHECK(log.front().action == "create-user");
  CHECK(log.front().target_label == "Mme Martin");
  CHECK_FALSE(log.front().actor_id);
  CHECK(log.front().reason == "teacher");
}
