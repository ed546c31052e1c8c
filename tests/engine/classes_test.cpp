// Classes: creating a class, pupils in bulk (first names, taken names, refused names, generated
// pseudonyms), password resets, trust, disable, archive, the scope of a teacher. (Staff accounts:
// accounts_test.cpp.)
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "accounts/pseudonyms.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct ClassesFixture : WikiFixture {
  std::int64_t teacher = 0, other_teacher = 0, admin = 0;
  SchoolClass cm1;
  explicit ClassesFixture(bool fast_passwords = true) : WikiFixture(false, 0, fast_passwords) {
    teacher = make_user("Mme Martin", Role::teacher);
    other_teacher = make_user("M Durand", Role::teacher);
    admin = make_user("Admin", Role::admin);
    cm1 = classes().create_class(actor(teacher), "CM1 B", "fr", true).value();
  }
  Classes& classes() { return wiki->classes(); }
  std::vector<std::string> names_of(const std::vector<Credentials>& created) {
    std::vector<std::string> out;
    for (const auto& c : created) out.push_back(c.user.name);
    return out;
  }
};

std::string arg_text(const Error& e, const std::string& name) {
  for (const auto& [key, value] : e.args) {
    if (key == name) return std::get<std::string>(value);
  }
  return "";
}

}  // namespace

TEST_CASE("a teacher creates a class in an edition") {
  ClassesFixture f;
  CHECK(f.cm1.name == "CM1 B");
  CHECK(f.cm1.lang == "fr");
  CHECK(f.cm1.teacher_id == f.teacher);
  CHECK(f.cm1.review_required);
  CHECK_FALSE(f.cm1.archived);
  auto got = f.classes().get(f.actor(f.teacher), f.cm1.id);
  REQUIRE(got);
  CHECK(got->name == "CM1 B");
  CHECK(f.classes().get(f.actor(f.teacher), f.cm1.id + 100).error().code == ErrorCode::not_found);
  CHECK(f.classes().get(f.actor(f.other_teacher), f.cm1.id).error().code == ErrorCode::forbidden);
  CHECK(f.classes().get(f.actor(f.admin), f.cm1.id).ok());
  auto pupil = f.actor(f.make_user("Emma", Role::pupil));
  auto moderator = f.actor(f.make_user("Modo", Role::moderator));
  auto teacher = f.actor(f.teacher);
  struct Row {
    Actor teacher;
    std::string name, lang;
    ErrorCode code;
    const char* message;
  };
  const Row rows[] = {
      {teacher, "   ", "fr", ErrorCode::invalid_input, "error-class-name"},
      {teacher, std::string(81, 'x'), "fr", ErrorCode::invalid_input, "error-class-name"},
      {teacher, "\xFF\xFE", "fr", ErrorCode::invalid_input, "error-class-name"},
      {teacher, "CE2", "xx", ErrorCode::not_found, "error-class-edition"},
      {pupil, "CE2", "fr", ErrorCode::forbidden, "error-class-forbidden"},
      {moderator, "CE2", "fr", ErrorCode::forbidden, "error-class-forbidden"},
      // The class's teacher is the actor: the console, who has no account, teaches none.
      {f.console(), "CE2", "fr", ErrorCode::forbidden, "error-class-forbidden"},
      {f.reader(), "CE2", "fr", ErrorCode::not_logged_in, "access-error-login"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CAPTURE(row.message);
    auto r = f.classes().create_class(row.teacher, row.name, row.lang, false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
    CHECK(r.error().message_id == row.message);
  }
}

TEST_CASE("a teacher lists their own classes, an admin every class, archived last") {
  ClassesFixture f;
  auto ce2 = f.classes().create_class(f.actor(f.teacher), "CE2", "en", false).value();
  auto other = f.classes().create_class(f.actor(f.other_teacher), "6e A", "fr", true).value();
  REQUIRE(f.classes().set_archived(f.actor(f.teacher), f.cm1.id, true).ok());
  auto mine = f.classes().list(f.actor(f.teacher));
  REQUIRE(mine.size() == 2);
  CHECK(mine[0].id == ce2.id);
  CHECK(mine[1].id == f.cm1.id);
  CHECK(mine[1].archived);
  CHECK(f.classes().list(f.console()).size() == 3);
  CHECK(f.classes().list(f.actor(f.admin)).size() == 3);
  CHECK(f.classes().list(f.actor(f.make_user("Modo", Role::moderator))).size() == 3);
  CHECK(f.classes().list(f.actor(f.make_user("Emma", Role::pupil))).empty());
  CHECK(f.classes().list(f.reader()).empty());
  CHECK(f.classes().list(f.actor(f.other_teacher)).front().id == other.id);
}

TEST_CASE("pupils are created from first names with passwords that log in") {
  ClassesFixture f;
  auto created = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {" Léa ", "Tom", "Inès"});
  REQUIRE(created.ok());
  CHECK(f.names_of(created.value()) == std::vector<std::string>{"Léa", "Tom", "Inès"});
  for (const auto& c : created.value()) {
    CAPTURE(c.user.name);
    CHECK(c.user.role == Role::pupil);
    CHECK(c.user.class_id == f.cm1.id);
    CHECK(c.password.size() >= kMinPasswordLength);
    auto in = f.wiki->accounts().authenticate(c.user.name, c.password);
    REQUIRE(in.ok());
    CHECK(in->id == c.user.id);
  }
  CHECK(f.classes().pupils(f.actor(f.teacher), f.cm1.id)->size() == 3);
}

TEST_CASE("a first name already taken, or twice in the list, gets a number") {
  ClassesFixture f;
  f.make_user("Léa", Role::pupil);
  f.make_user("Léa 2", Role::pupil);
  auto created = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa", "Tom", "tom", "LÉA"});
  REQUIRE(created.ok());
  CHECK(f.names_of(created.value()) ==
        std::vector<std::string>{"Léa 3", "Tom", "tom 2", "LÉA 4"});
}

TEST_CASE("one refused name fails the whole list, naming it") {
  ClassesFixture f;
  struct Row {
    const char* name;
    const char* message;
  };
  const Row rows[] = {
      {"Léa@ecole", "error-username-characters"},
      {"x", "error-username-length"},
      {"Tom 06 12 34 56 78", nullptr},  // a phone number: the filter's own message
      {"fuck", nullptr},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto r = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa", "Tom", row.name, "Inès"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::invalid_input);
    if (row.message) CHECK(r.error().message_id == row.message);
    CHECK(arg_text(r.error(), "name") == row.name);
  }
  CHECK(f.classes().pupils(f.actor(f.teacher), f.cm1.id)->empty());
  CHECK_FALSE(f.wiki->accounts().user_by_name(f.console(), "Léa"));
}

TEST_CASE("the number of pupils per request is bounded") {
  ClassesFixture f;
  for (int count : {0, -1, kMaxPupilsPerRequest + 1}) {
    CAPTURE(count);
    auto r = f.classes().add_generated_pupils(f.actor(f.teacher), f.cm1.id, count);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message_id == "error-pupil-count");
  }
  std::vector<std::string> too_many(kMaxPupilsPerRequest + 1, "Léa");
  CHECK(f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, too_many).error().message_id ==
        "error-pupil-count");
  CHECK(f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {}).error().message_id == "error-pupil-count");
}

TEST_CASE("generated pseudonyms are unique and in the class's language") {
  ClassesFixture f;
  auto en_class = f.classes().create_class(f.actor(f.teacher), "Year 5", "en", true).value();
  std::set<std::string> seen;
  for (auto cls : {f.cm1.id, en_class.id, f.cm1.id}) {
    auto created = f.classes().add_generated_pupils(f.actor(f.teacher), cls, kMaxPupilsPerRequest);
    REQUIRE(created.ok());
    for (const auto& c : created.value()) {
      CHECK(seen.insert(c.user.name).second);
      CHECK(f.wiki->accounts().authenticate(c.user.name, c.password).ok());
      // Typed from a card on any keyboard: ASCII letters, digits and spaces only.
      for (unsigned char ch : c.user.name) CHECK((std::isalnum(ch) || ch == ' '));
    }
  }
  CHECK(seen.size() == 3 * kMaxPupilsPerRequest);
}

TEST_CASE("a class of a new Arabic or Spanish edition gets names and passwords in its language") {
  ClassesFixture f;
  for (const char* lang : {"es", "ar"}) {
    CAPTURE(std::string(lang));
    REQUIRE(f.wiki->create_edition(Actor::console(), NewEdition{lang}).ok());
    auto made = f.classes().create_class(f.actor(f.teacher), std::string("Clase ") + lang, lang, true);
    REQUIRE(made.ok());
    auto created = f.classes().add_generated_pupils(f.actor(f.teacher), made->id, 10);
    REQUIRE(created.ok());
    const auto pairs = pseudonym_pairs(lang);
    const auto words = password_words(lang);
    for (const auto& c : created.value()) {
      CAPTURE(c.user.name);
      const std::string pair = c.user.name.substr(0, c.user.name.rfind(' '));
      CHECK(std::find(pairs.begin(), pairs.end(), pair) != pairs.end());
      const std::string first_word = c.password.substr(0, c.password.find('-'));
      CHECK(std::find(words.begin(), words.end(), first_word) != words.end());
      CHECK(f.wiki->accounts().authenticate(c.user.name, c.password).ok());
    }
  }
}

TEST_CASE("a reset password replaces the old one and ends the pupil's sessions") {
  ClassesFixture f;
  auto lea = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa"}).value().front();
  auto session = f.wiki->accounts().start_session(lea.user).value();
  auto reset = f.classes().reset_password(f.actor(f.teacher), lea.user.id);
  REQUIRE(reset.ok());
  CHECK(reset->user.name == "Léa");
  CHECK(reset->password != lea.password);
  CHECK_FALSE(f.wiki->accounts().authenticate("Léa", lea.password).ok());
  CHECK(f.wiki->accounts().authenticate("Léa", reset->password).ok());
  CHECK_FALSE(f.wiki->accounts().session(session.token));
}

TEST_CASE("trusted and disabled pupils") {
  ClassesFixture f;
  auto lea = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa"}).value().front();
  auto session = f.wiki->accounts().start_session(lea.user).value();
  REQUIRE(f.classes().set_trusted(f.actor(f.teacher), lea.user.id, true).ok());
  CHECK(f.wiki->accounts().user(f.actor(f.teacher), lea.user.id)->trusted);
  REQUIRE(f.classes().set_trusted(f.actor(f.teacher), lea.user.id, false).ok());
  CHECK_FALSE(f.wiki->accounts().user(f.actor(f.teacher), lea.user.id)->trusted);

  REQUIRE(f.classes().set_disabled(f.actor(f.teacher), lea.user.id, true).ok());
  CHECK(f.wiki->accounts().user(f.actor(f.teacher), lea.user.id)->disabled);
  CHECK(f.wiki->accounts().authenticate("Léa", lea.password).error().message_id ==
        "error-account-disabled");
  CHECK_FALSE(f.wiki->accounts().session(session.token));
  REQUIRE(f.classes().set_disabled(f.actor(f.teacher), lea.user.id, false).ok());
  CHECK(f.wiki->accounts().authenticate("Léa", lea.password).ok());
}

TEST_CASE("pupils of an archived class cannot log in until it is brought back") {
  ClassesFixture f;
  auto lea = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa"}).value().front();
  auto session = f.wiki->accounts().start_session(lea.user).value();
  REQUIRE(f.classes().set_archived(f.actor(f.teacher), f.cm1.id, true).ok());
  CHECK(f.classes().get(f.actor(f.teacher), f.cm1.id)->archived);
  auto refused = f.wiki->accounts().authenticate("Léa", lea.password);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message_id == "error-class-archived");
  CHECK_FALSE(f.wiki->accounts().session(session.token));
  // The teacher, who belongs to no class, still logs in.
  CHECK(f.wiki->accounts().authenticate("Mme Martin", "password-1").ok());
  REQUIRE(f.classes().set_archived(f.actor(f.teacher), f.cm1.id, false).ok());
  CHECK(f.wiki->accounts().authenticate("Léa", lea.password).ok());
  CHECK(f.wiki->accounts().session(session.token));
}

TEST_CASE("a teacher acts only on their own classes; an admin on every class") {
  ClassesFixture f;
  auto lea = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa"}).value().front();
  auto staff = f.make_user("Modo", Role::moderator);
  for (auto id : {f.other_teacher, staff, lea.user.id}) {
    CAPTURE(id);
    const Actor actor = f.actor(id);
    CHECK(f.classes().add_pupils(actor, f.cm1.id, {"Tom"}).error().code == ErrorCode::forbidden);
    CHECK(f.classes().add_generated_pupils(actor, f.cm1.id, 2).error().code ==
          ErrorCode::forbidden);
    CHECK(f.classes().reset_password(actor, lea.user.id).error().code == ErrorCode::forbidden);
    CHECK(f.classes().set_trusted(actor, lea.user.id, true).error().code == ErrorCode::forbidden);
    CHECK(f.classes().set_disabled(actor, lea.user.id, true).error().code == ErrorCode::forbidden);
    CHECK(f.classes().set_archived(actor, f.cm1.id, true).error().code == ErrorCode::forbidden);
  }
  CHECK(f.classes().pupils(f.actor(f.teacher), f.cm1.id)->size() == 1);
  CHECK(f.classes().pupils(f.actor(f.other_teacher), f.cm1.id).error().code == ErrorCode::forbidden);
  CHECK(f.classes().pupils(f.actor(staff), f.cm1.id)->size() == 1);  // moderators see every class
  CHECK(f.classes().set_trusted(f.actor(f.admin), lea.user.id, true).ok());
  CHECK(f.classes().add_pupils(f.actor(f.admin), f.cm1.id, {"Tom"}).ok());
  // Unknown ids, and accounts that are not pupils of a class.
  CHECK(f.classes().set_archived(f.actor(f.teacher), 9999, true).error().code == ErrorCode::not_found);
  CHECK(f.classes().add_pupils(f.actor(f.teacher), 9999, {"Tom"}).error().code == ErrorCode::not_found);
  // A pupil outside any class is an admin's to change.
  auto loner = f.make_user("Solo", Role::pupil);
  CHECK(f.classes().set_trusted(f.actor(f.teacher), loner, true).error().code == ErrorCode::forbidden);
  CHECK(f.classes().set_trusted(f.actor(f.admin), loner, true).ok());
  for (auto id : {std::int64_t{9999}, f.other_teacher}) {
    CHECK(f.classes().reset_password(f.actor(f.teacher), id).error().code == ErrorCode::not_found);
    CHECK(f.classes().set_disabled(f.actor(f.admin), id, true).error().code == ErrorCode::not_found);
  }
}

// How long this takes at the production password cost is a benchmark (bench/class_bench.cpp,
// docs/performance.md), not a test: a busy machine would fail a timed test.
TEST_CASE("a class of 25 is created in one go") {
  ClassesFixture f;
  std::vector<std::string> names;
  for (int i = 0; i < 25; ++i) names.push_back("Élève " + std::string(1, char('A' + i)));
  auto created = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, names);
  REQUIRE(created.ok());
  CHECK(created->size() == 25);
  CHECK(f.classes().pupils(f.actor(f.teacher), f.cm1.id)->size() == 25);
  auto generated = f.classes().add_generated_pupils(f.actor(f.teacher), f.cm1.id, 25);
  REQUIRE(generated.ok());
  CHECK(f.classes().pupils(f.actor(f.teacher), f.cm1.id)->size() == 50);
  for (const auto& pupil : generated.value()) {
    CHECK(f.wiki->accounts().authenticate(pupil.user.name, pupil.password).ok());
  }
}

TEST_CASE("every change to a class is in the audit log, with its class") {
  ClassesFixture f;
  auto pupils = f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Léa", "Tom"}).value();
  auto lea = pupils.front().user.id;
  REQUIRE(f.classes().reset_password(f.actor(f.teacher), lea).ok());
  REQUIRE(f.classes().set_trusted(f.actor(f.teacher), lea, true).ok());
  REQUIRE(f.classes().set_trusted(f.actor(f.teacher), lea, false).ok());
  REQUIRE(f.classes().set_disabled(f.actor(f.teacher), lea, true).ok());
  REQUIRE(f.classes().set_disabled(f.actor(f.teacher), lea, false).ok());
  REQUIRE(f.classes().set_archived(f.actor(f.teacher), f.cm1.id, true).ok());
  REQUIRE(f.classes().set_archived(f.actor(f.admin), f.cm1.id, false).ok());
  // A refused request writes nothing.
  REQUIRE_FALSE(f.classes().add_pupils(f.actor(f.teacher), f.cm1.id, {"Inès", "x"}).ok());
  REQUIRE_FALSE(f.classes().set_trusted(f.actor(f.other_teacher), lea, true).ok());

  AuditQuery query;
  query.class_id = f.cm1.id;
  auto entries = f.wiki->moderation().audit_log(f.actor(f.teacher), query).value();
  std::reverse(entries.begin(), entries.end());  // oldest first
  struct Row {
    const char* action;
    const char* target_type;
    const char* label;
    std::int64_t actor;  // the account that acted
  };
  const Row rows[] = {
      {"create-class", "class", "CM1 B", f.teacher},  {"create-pupils", "class", "CM1 B", f.teacher},
      {"reset-password", "user", "Léa", f.teacher},   {"trust", "user", "Léa", f.teacher},
      {"untrust", "user", "Léa", f.teacher},          {"disable", "user", "Léa", f.teacher},
      {"enable", "user", "Léa", f.teacher},           {"archive-class", "class", "CM1 B", f.teacher},
      {"unarchive-class", "class", "CM1 B", f.admin},
  };
  REQUIRE(entries.size() == std::size(rows));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CAPTURE(i);
    CHECK(entries[i].action == rows[i].action);
    CHECK(entries[i].target_type == rows[i].target_type);
    CHECK(entries[i].target_label == rows[i].label);
    CHECK(entries[i].actor_id == rows[i].actor);
    CHECK(entries[i].class_id == f.cm1.id);
  }
  CHECK(entries[1].reason == "Léa, Tom");
  CHECK(entries[2].target_id == lea);
}
