// Accounts and sessions: names, passwords, look-alikes, sessions and their end, what others see of
// an account, and the admins' management of staff accounts.
#include <doctest/doctest.h>

#include <algorithm>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct AccountsFixture : WikiFixture {
  AccountsFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {}
  Accounts& accounts() { return wiki->accounts(); }
  Result<User> create(std::string_view name, std::string_view password, Role role) {
    return accounts().create_user(console(), name, password, role);
  }
};

}  // namespace

TEST_CASE("an account is created and logs in with its password only") {
  AccountsFixture f;
  auto lea = f.create("  Léa  ", "tigre-lampe-42", Role::pupil);
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

TEST_CASE("only those who manage accounts create them") {
  AccountsFixture f;
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  const auto admin = f.make_user("Admin", Role::admin);
  struct Row { const char* who; Actor actor; ErrorCode code; };
  const Row refused[] = {{"reader", f.reader(), ErrorCode::not_logged_in},
                         {"teacher", f.actor(teacher), ErrorCode::forbidden}};
  for (const auto& row : refused) {
    CAPTURE(row.who);
    auto r = f.accounts().create_user(row.actor, "Lucas", "password-1", Role::pupil);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
  }
  CHECK(f.accounts().create_user(f.actor(admin), "Lucas", "password-1", Role::pupil).ok());
  CHECK(f.accounts().user_count() == 3);
}

TEST_CASE("names that look alike or differ by case cannot both exist") {
  AccountsFixture f;
  REQUIRE(f.create("Lucas", "password-1", Role::pupil).ok());
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
    auto r = f.create(row.name, "password-2", Role::pupil);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
    CHECK(r.error().message_id == row.message);
  }
  auto weak = f.create("Emma", "short", Role::pupil);
  CHECK(weak.error().message_id == "error-password-length");
  CHECK(f.accounts().user_count() == 1);
}

TEST_CASE("sessions open with a token, carry a CSRF token and the account's actor, and end") {
  AccountsFixture f;
  auto teacher = f.create("Mme Martin", "classe-des-cm2", Role::teacher);
  auto in = f.accounts().authenticate("Mme Martin", "classe-des-cm2");
  REQUIRE(in.ok());
  auto s = f.accounts().start_session(in.value());
  REQUIRE(s.ok());
  CHECK(s->token.size() >= 40);
  CHECK(s->csrf_token != s->token);
  CHECK(s->user.id == teacher->id);
  auto info = f.accounts().session(s->token);
  REQUIRE(info.has_value());
  CHECK(info->user().name == "Mme Martin");
  CHECK(info->user().role == Role::teacher);
  CHECK(info->actor.logged_in());
  CHECK(info->actor.id() == teacher->id);
  CHECK(info->actor.who() == Who::teacher);
  CHECK(info->csrf_token == s->csrf_token);
  CHECK_FALSE(f.accounts().session("not-a-token").has_value());
  CHECK_FALSE(f.accounts().session(s->token + "x").has_value());
  f.accounts().end_session(s->token);
  CHECK_FALSE(f.accounts().session(s->token).has_value());
}

TEST_CASE("a new password ends every session and replaces the old one") {
  AccountsFixture f;
  auto pupil = f.create("Noah", "first-secret", Role::pupil);
  auto other = f.create("Emma", "emma-secret", Role::pupil);
  auto s = f.accounts().start_session(pupil.value());
  // One's own password, or an admin's doing; nobody else's.
  auto refused = f.accounts().set_password(f.actor(other->id), pupil->id, "stolen-secret");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::forbidden);
  CHECK(f.accounts().session(s->token).has_value());
  REQUIRE(f.accounts().set_password(f.actor(pupil->id), pupil->id, "second-secret").ok());
  CHECK_FALSE(f.accounts().session(s->token).has_value());
  CHECK_FALSE(f.accounts().authenticate("Noah", "first-secret").ok());
  CHECK(f.accounts().authenticate("Noah", "second-secret").ok());
  REQUIRE(f.accounts().set_password(f.console(), pupil->id, "third-secret").ok());
  CHECK(f.accounts().authenticate("Noah", "third-secret").ok());
}

TEST_CASE("accounts survive a reopen; passwords and tokens are never stored in clear") {
  AccountsFixture f;
  auto u = f.create("Chloé", "un-mot-de-passe", Role::admin);
  auto s = f.accounts().start_session(u.value());
  f.reopen();
  CHECK(f.accounts().session(s->token).has_value());
  CHECK(f.accounts().user_by_name(f.reader(), "chloé")->role == Role::admin);
  // The raw database file holds neither the password nor the session token.
  std::ifstream db(f.dir / "kidwiki.sqlite3", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(db)), std::istreambuf_iterator<char>());
  std::ifstream wal(f.dir / "kidwiki.sqlite3-wal", std::ios::binary);
  bytes.append((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
  CHECK(bytes.find("un-mot-de-passe") == std::string::npos);
  CHECK(bytes.find(s->token) == std::string::npos);
  CHECK(bytes.find("$argon2id$") != std::string::npos);
}

TEST_CASE("others see an account's name and role; the rest is for it, its teacher and staff") {
  AccountsFixture f;
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  const auto other_teacher = f.make_user("M Durand", Role::teacher);
  const auto moderator = f.make_user("Modo", Role::moderator);
  auto cls = f.wiki->classes().create_class(f.actor(teacher), "CM1", "fr", true);
  REQUIRE(cls.ok());
  const auto lea = f.make_user("Léa", Role::pupil, cls->id);
  const auto noah = f.make_user("Noah", Role::pupil, cls->id);
  REQUIRE(f.wiki->classes().set_trusted(f.actor(teacher), lea, true).ok());
  struct Row { const char* who; Actor actor; bool whole; };
  const Row rows[] = {
      {"reader", f.reader(), false},           {"another pupil", f.actor(noah), false},
      {"another teacher", f.actor(other_teacher), false},
      {"the account", f.actor(lea), true},     {"its teacher", f.actor(teacher), true},
      {"moderator", f.actor(moderator), true}, {"console", f.console(), true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.who);
    for (auto seen : {f.accounts().user(row.actor, lea), f.accounts().user_by_name(row.actor, "léa")}) {
      REQUIRE(seen.has_value());
      CHECK(seen->id == lea);
      CHECK(seen->name == "Léa");
      CHECK(seen->role == Role::pupil);
      CHECK(seen->trusted == row.whole);
      CHECK(seen->class_id.has_value() == row.whole);
    }
  }
  CHECK_FALSE(f.accounts().user(f.console(), 9999));
  CHECK_FALSE(f.accounts().user_by_name(f.console(), "Personne"));
}

TEST_CASE("an account's actor carries its role and block; a disabled account has none") {
  AccountsFixture f;
  const auto pupil = f.make_user("Léa", Role::pupil);
  const auto moderator = f.make_user("Modo", Role::moderator);
  auto lea = f.accounts().actor(pupil);
  REQUIRE(lea.has_value());
  CHECK(lea->who() == Who::pupil);
  CHECK(lea->may(Action::edit));
  CHECK_FALSE(lea->block());
  REQUIRE(f.wiki->moderation().block(f.actor(moderator), pupil, "insultes", std::nullopt).ok());
  CHECK(lea->may(Action::edit));  // a snapshot: the next one knows
  auto blocked = f.accounts().actor(pupil);
  REQUIRE(blocked.has_value());
  REQUIRE(blocked->block().has_value());
  CHECK(blocked->block()->reason == "insultes");
  CHECK(blocked->block()->blocked_by_name == "Modo");
  CHECK(blocked->block()->user_name == "Léa");
  CHECK(blocked->may(Action::read));
  CHECK(blocked->may(Action::see_own_edits));
  CHECK_FALSE(blocked->may(Action::edit));
  CHECK_FALSE(blocked->may(Action::report_page));
  CHECK_FALSE(f.accounts().actor(9999));
  CHECK(Actor::console().may(Action::manage_accounts));
  CHECK_FALSE(Actor::console().logged_in());
  CHECK_FALSE(Actor::reader().may(Action::edit));
}

TEST_CASE("a name that carries personal information or a bad word is refused") {
  AccountsFixture f;
  const char* refused[] = {"lea2014", "Lucas_06_12_34_56_78", "Tom 0612345678", "F u c k"};
  for (const char* name : refused) {
    CAPTURE(name);
    auto r = f.create(name, "password-1", Role::pupil);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::invalid_input);
    CHECK(r.error().message_id.rfind("filter-", 0) == 0);
  }
  CHECK(f.create("Léa 2", "password-1", Role::pupil).ok());
  CHECK(f.create("Zoé_06", "password-1", Role::pupil).ok());
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
  auto made = f.wiki->accounts().create_user(f.console(), "Mme Martin", "long enough", Role::teacher);
  REQUIRE(made.ok());
  auto log = f.wiki->moderation().audit_log(f.console(), AuditQuery{});
  REQUIRE(log.ok());
  REQUIRE_FALSE(log->empty());
  CHECK(log->front().action == "create-user");
  CHECK(log->front().target_label == "Mme Martin");
  CHECK_FALSE(log->front().actor_id);
  CHECK(log->front().reason == "teacher");
}

TEST_CASE("an admin creates staff accounts, with a generated password when none is given") {
  AccountsFixture f;
  const auto admin = f.make_user("Admin", Role::admin);
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  auto made = f.accounts().create_staff(f.actor(admin), "M Petit", Role::teacher, std::nullopt);
  REQUIRE(made.ok());
  CHECK(made->user.role == Role::teacher);
  CHECK(f.accounts().authenticate("M Petit", made->password).ok());
  auto chosen = f.accounts().create_staff(f.actor(admin), "Modo", Role::moderator, "a-long-password");
  REQUIRE(chosen.ok());
  CHECK(chosen->password.empty());  // the admin knows it already
  CHECK(f.accounts().authenticate("Modo", "a-long-password").ok());

  CHECK(f.accounts().create_staff(f.actor(teacher), "M Grand", Role::teacher, std::nullopt)
            .error().code == ErrorCode::forbidden);
  CHECK(f.accounts().create_staff(f.reader(), "M Grand", Role::teacher, std::nullopt)
            .error().code == ErrorCode::not_logged_in);
  CHECK(f.accounts().create_staff(f.actor(admin), "Tom", Role::pupil, std::nullopt)
            .error().message_id == "error-role-invalid");
  CHECK(f.accounts().create_staff(f.actor(admin), "m petit", Role::teacher, std::nullopt)
            .error().code == ErrorCode::exists);
  CHECK(f.accounts().create_staff(f.actor(admin), "M Court", Role::teacher, "short")
            .error().message_id == "error-password-length");
}

TEST_CASE("an admin's new staff account is in the audit log") {
  AccountsFixture f;
  const auto admin = f.make_user("Admin", Role::admin);
  auto made = f.accounts().create_staff(f.actor(admin), "M Petit", Role::teacher, std::nullopt).value();
  auto entries = f.wiki->moderation().audit_log(f.console(), AuditQuery{}).value();
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.front().action == "create-user");
  CHECK(entries.front().actor_id == admin);
  CHECK(entries.front().target_id == made.user.id);
  CHECK(entries.front().target_label == "M Petit");
  CHECK(entries.front().reason == "teacher");
  CHECK_FALSE(entries.front().class_id);
}

TEST_CASE("an admin lists, disables, re-enables, changes and resets staff accounts") {
  AccountsFixture f;
  const auto admin = f.make_user("Admin", Role::admin);
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  const auto moderator = f.make_user("Modo", Role::moderator);
  f.make_user("Léa", Role::pupil);
  auto staff = f.accounts().list_staff(f.actor(admin));
  REQUIRE(staff.ok());
  std::vector<std::string> names;
  for (const auto& u : staff.value()) names.push_back(u.name);
  CHECK(names == std::vector<std::string>{"Admin", "Mme Martin", "Modo"});
  CHECK(f.accounts().list_staff(f.actor(moderator)).error().code == ErrorCode::forbidden);

  auto in = f.accounts().authenticate("Mme Martin", "password-1");
  auto session = f.accounts().start_session(in.value()).value();
  REQUIRE(f.accounts().set_staff_disabled(f.actor(admin), teacher, true).ok());
  CHECK_FALSE(f.accounts().session(session.token));
  CHECK(f.accounts().authenticate("Mme Martin", "password-1").error().message_id ==
        "error-account-disabled");
  CHECK_FALSE(f.accounts().actor(teacher));
  REQUIRE(f.accounts().set_staff_disabled(f.actor(admin), teacher, false).ok());
  CHECK(f.accounts().authenticate("Mme Martin", "password-1").ok());

  REQUIRE(f.accounts().set_staff_role(f.actor(admin), teacher, Role::moderator).ok());
  CHECK(f.actor(teacher).who() == Who::moderator);
  CHECK(f.accounts().set_staff_role(f.actor(admin), teacher, Role::pupil).error().message_id ==
        "error-role-invalid");

  auto reset = f.accounts().reset_staff_password(f.actor(admin), moderator);
  REQUIRE(reset.ok());
  CHECK(reset->user.id == moderator);
  CHECK_FALSE(f.accounts().authenticate("Modo", "password-1").ok());
  CHECK(f.accounts().authenticate("Modo", reset->password).ok());

  std::vector<std::string> actions;
  const auto log = f.wiki->moderation().audit_log(f.console(), AuditQuery{}).value();
  for (const auto& e : log) {
    actions.push_back(e.action);
  }
  for (const char* action : {"disable", "enable", "set-role", "reset-password"}) {
    CAPTURE(action);
    CHECK(std::count(actions.begin(), actions.end(), action) >= 1);
  }
}

TEST_CASE("staff management refuses pupils, oneself and leaving no active admin") {
  AccountsFixture f;
  const auto admin = f.make_user("Admin", Role::admin);
  const auto pupil = f.make_user("Léa", Role::pupil);
  struct Row { const char* what; Status status; ErrorCode code; const char* message; };
  const Row rows[] = {
      {"disable a pupil", f.accounts().set_staff_disabled(f.actor(admin), pupil, true),
       ErrorCode::not_found, "accounts-error-no-staff"},
      {"disable oneself", f.accounts().set_staff_disabled(f.actor(admin), admin, true),
       ErrorCode::forbidden, "accounts-error-self"},
      {"demote oneself", f.accounts().set_staff_role(f.actor(admin), admin, Role::teacher),
       ErrorCode::forbidden, "accounts-error-self"},
      {"the last admin, from the console",
       f.accounts().set_staff_disabled(f.console(), admin, true), ErrorCode::conflict,
       "accounts-error-last-admin"},
      {"the last admin demoted, from the console",
       f.accounts().set_staff_role(f.console(), admin, Role::teacher), ErrorCode::conflict,
       "accounts-error-last-admin"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    REQUIRE_FALSE(row.status.ok());
    CHECK(row.status.error().code == row.code);
    CHECK(row.status.error().message_id == row.message);
  }
  CHECK(f.actor(admin).who() == Who::admin);
  // With a second admin, the first may go.
  const auto second = f.make_user("Admin Deux", Role::admin);
  CHECK(f.accounts().set_staff_disabled(f.actor(second), admin, true).ok());
}
