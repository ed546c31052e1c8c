// The policy, against the engine directly: every role × every action of the permissions table
// (docs/moderation.md), each through the engine call that does it, then again with the account
// blocked; which revisions exist for whom (pending, sent back, superseded, hidden); which pages
// each role may change (protected, deleted); archived classes. tests/web/permissions_test.cpp
// checks the same table through the HTTP routes.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <string>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// Two classes of one edition, a pupil in each, a trusted pupil, their teachers, a moderator and an
// admin, and the pages the table acts on.
struct School : WikiFixture {
  std::map<Who, std::int64_t> ids;  // every column but the reader
  std::int64_t other_teacher = 0, other_pupil = 0;
  SchoolClass own_class, other_class;
  Title open_page, trusted_page, mods_page, deleted_page;
  std::int64_t published_rev = 0, other_pending = 0;

  School() : WikiFixture(/*seed_demo=*/false, 0, /*fast_passwords=*/true) {
    const Actor console = Actor::console();
    auto staff = [&](const char* name, Role role) {
      return wiki->accounts().create_user(console, name, "password-1", role).value().id;
    };
    ids[Who::teacher] = staff("Mme Martin", Role::teacher);
    other_teacher = staff("M Durand", Role::teacher);
    ids[Who::moderator] = staff("Modo", Role::moderator);
    ids[Who::admin] = staff("Admin", Role::admin);
    own_class = wiki->classes().create_class(actor(ids[Who::teacher]), "CM1", "fr", true).value();
    other_class = wiki->classes().create_class(actor(other_teacher), "CM2", "fr", true).value();
    ids[Who::pupil] = pupil("Léa", own_class.id);
    ids[Who::trusted_pupil] = pupil("Tom", own_class.id);
    REQUIRE(wiki->classes().set_trusted(console, ids[Who::trusted_pupil], true));
    other_pupil = pupil("Zoé", other_class.id);
    make_pages(console);
  }

  std::int64_t pupil(const char* name, std::int64_t class_id) {
    return wiki->accounts()
        .create_user(Actor::console(), name, "password-1", Role::pupil, class_id)
        .value()
        .id;
  }

  void make_pages(const Actor& console) {
    open_page = title(fr, "Libre");
    trusted_page = title(fr, "Protégée confiance");
    mods_page = title(fr, "Protégée modérateurs");
    deleted_page = title(fr, "Supprimée");
    published_rev = wiki->save(console, fr, open_page, {"Un texte.", "", {}})->revision_id;
    for (const auto& t : {trusted_page, mods_page, deleted_page}) {
      REQUIRE(wiki->save(console, fr, t, {"Un texte.", "", {}}));
    }
    REQUIRE(wiki->moderation().protect(console, fr, trusted_page, Protection::trusted, "r"));
    REQUIRE(wiki->moderation().protect(console, fr, mods_page, Protection::moderators, "r"));
    REQUIRE(wiki->moderation().delete_page(console, fr, deleted_page, "r"));
    // A pending edit by a pupil of the other class: only reviewers of everything reach it.
    other_pending = wiki->save(actor(other_pupil), fr, open_page,
                               {"Un texte.\n\nUne ligne de Zoé.", "", published_rev})
                        ->revision_id;
  }

  Actor actor(std::int64_t id) { return wiki->accounts().actor(id).value(); }
  Actor as(Who who) { return who == Who::reader ? Actor::reader() : actor(ids.at(who)); }
};

using Attempt = std::function<bool(School&, const Actor&)>;

// One engine call per row of the table, within the scope a teacher has (their own class).
const std::map<Action, Attempt>& attempts() {
  static const std::map<Action, Attempt> all = {
      {Action::read, [](School& s, const Actor& a) { return s.wiki->read(a, s.fr, s.open_page, true).ok(); }},
      {Action::report_page,
       [](School& s, const Actor& a) { return s.wiki->moderation().report(a, s.fr, s.open_page, "r").ok(); }},
      {Action::edit, [](School& s, const Actor& a) { return s.wiki->may_edit(a, s.fr, s.open_page).ok(); }},
      {Action::edit_protected_trusted,
       [](School& s, const Actor& a) { return s.wiki->may_edit(a, s.fr, s.trusted_page).ok(); }},
      {Action::edit_protected_mods,
       [](School& s, const Actor& a) { return s.wiki->may_edit(a, s.fr, s.mods_page).ok(); }},
      {Action::move_page,
       [](School& s, const Actor& a) { return s.wiki->may_edit(a, s.fr, s.open_page, true).ok(); }},
      {Action::see_own_edits,
       [](School& s, const Actor& a) { return s.wiki->edits_by(a, a.id().value_or(0), 10).ok(); }},
      {Action::manage_class,
       [](School& s, const Actor& a) { return s.wiki->classes().set_archived(a, s.own_class.id, false).ok(); }},
      {Action::review_class,
       [](School& s, const Actor& a) { return s.wiki->review_queue(a, &s.fr, s.own_class.id, 10).ok(); }},
      {Action::review_all,
       [](School& s, const Actor& a) { return s.wiki->review_detail(a, s.other_pending).ok(); }},
      {Action::view_audit_class,
       [](School& s, const Actor& a) { return s.wiki->moderation().audit_log(a, {s.own_class.id, {}, 10}).ok(); }},
      {Action::view_audit_all,
       [](School& s, const Actor& a) { return s.wiki->moderation().audit_log(a, {{}, {}, 10}).ok(); }},
      {Action::handle_reports,
       [](School& s, const Actor& a) { return s.wiki->moderation().open_reports(a, 10).ok(); }},
      {Action::block_user, [](School& s, const Actor& a) { return s.wiki->moderation().active_blocks(a).ok(); }},
      {Action::protect_page,
       [](School& s, const Actor& a) {
         return s.wiki->moderation().protect(a, s.fr, s.open_page, Protection::none, "r").ok();
       }},
      {Action::hide_revision,
       [](School& s, const Actor& a) {
         return s.wiki->moderation().set_revision_hidden(a, s.fr, s.published_rev, false, "").ok();
       }},
      {Action::delete_page, [](School& s, const Actor& a) { return s.wiki->moderation().deleted_pages(a, s.fr).ok(); }},
      {Action::edit_filters, [](School& s, const Actor& a) { return s.wiki->moderation().filter_list(a, s.fr).ok(); }},
      {Action::manage_accounts, [](School& s, const Actor& a) { return s.wiki->accounts().list_staff(a).ok(); }},
      {Action::configure_edition,
       [](School& s, const Actor& a) { return s.wiki->set_anonymous_editing(a, s.fr, false).ok(); }},
  };
  return all;
}

}  // namespace

TEST_CASE("policy: every role × every action, through the engine, as the table says") {
  School s;
  REQUIRE(attempts().size() == std::size(kAllActions));
  for (Who who : kAllWho) {
    const Actor actor = s.as(who);
    for (Action action : kAllActions) {
      CAPTURE(who_name(who));
      CAPTURE(action_name(action));
      CHECK(attempts().at(action)(s, actor) == allowed(who, action));
    }
  }
}

TEST_CASE("policy: a blocked account keeps reading and its own edits, and nothing else") {
  School s;
  // A moderator blocks everyone but admins (who cannot be blocked) and themselves; the admin
  // blocks the moderator.
  const Actor moderator = s.as(Who::moderator);
  for (Who who : {Who::pupil, Who::trusted_pupil, Who::teacher}) {
    REQUIRE(s.wiki->moderation().block(moderator, s.ids.at(who), "test", std::nullopt));
  }
  REQUIRE(s.wiki->moderation().block(s.as(Who::admin), s.ids.at(Who::moderator), "test", std::nullopt));
  for (Who who : {Who::pupil, Who::trusted_pupil, Who::teacher, Who::moderator}) {
    const Actor blocked = s.as(who);
    REQUIRE(blocked.block());
    for (Action action : kAllActions) {
      CAPTURE(who_name(who));
      CAPTURE(action_name(action));
      const bool expected = allowed(who, action) && allowed_while_blocked(action);
      CHECK(attempts().at(action)(s, blocked) == expected);
    }
  }
}

TEST_CASE("policy: a blocked moderator cannot delete, block, review or lift their own block") {
  School s;
  const std::int64_t modo = s.ids.at(Who::moderator);
  REQUIRE(s.wiki->moderation().block(s.as(Who::admin), modo, "stolen account", std::nullopt));
  const Actor blocked = s.as(Who::moderator);
  auto deleted = s.wiki->moderation().delete_page(blocked, s.fr, s.open_page, "r");
  REQUIRE_FALSE(deleted);
  CHECK(deleted.error().code == ErrorCode::forbidden);
  CHECK(deleted.error().message_id == "edit-error-blocked");
  auto block = s.wiki->moderation().block(blocked, s.ids.at(Who::teacher), "r", std::nullopt);
  REQUIRE_FALSE(block);
  CHECK(block.error().code == ErrorCode::forbidden);
  auto queue = s.wiki->review_queue(blocked, &s.fr, std::nullopt, 10);
  REQUIRE_FALSE(queue);
  CHECK(queue.error().code == ErrorCode::forbidden);
  auto approve = s.wiki->approve(blocked, s.fr, s.other_pending);
  REQUIRE_FALSE(approve);
  CHECK(approve.error().code == ErrorCode::forbidden);
  CHECK(s.wiki->moderation().unblock(blocked, modo, "").error().message_id ==
        "moderation-error-unblock-self");
  CHECK(s.wiki->read(blocked, s.fr, s.open_page, true).ok());
}

namespace {

enum class Kind { approved, pending, sent_back, superseded, hidden };

// The visibility of one revision of the pupil Léa (own class) to each column.
struct VisibilityRow {
  Kind kind;
  const char* name;
  // reader, pupil (the author), trusted pupil (same class), teacher (hers), moderator, admin
  ErrorCode expected[6];
  bool ok[6];
};

// The revision of `kind` by the pupil on a page of its own.
std::int64_t revision_of(School& s, Kind kind) {
  const Actor console = Actor::console();
  const Actor lea = s.as(Who::pupil);
  const Title t = s.title(s.fr, "Page de Léa");
  const auto base = s.wiki->save(console, s.fr, t, {"Début.", "", {}})->revision_id;
  const auto first = s.wiki->save(lea, s.fr, t, {"Début.\n\nUn.", "", base})->revision_id;
  switch (kind) {
    case Kind::approved: REQUIRE(s.wiki->approve(console, s.fr, first)); return first;
    case Kind::pending: return first;
    case Kind::sent_back: REQUIRE(s.wiki->reject(console, s.fr, first, "Relis.")); return first;
    case Kind::superseded: {
      const auto second = s.wiki->save(lea, s.fr, t, {"Début.\n\nUn.\n\nDeux.", "", first});
      REQUIRE(s.wiki->approve(console, s.fr, second->revision_id));
      return first;
    }
    case Kind::hidden:
      REQUIRE(s.wiki->approve(console, s.fr, first));
      REQUIRE(s.wiki->save(console, s.fr, t, {"Début.\n\nUn.\n\nTrois.", "", first}));
      REQUIRE(s.wiki->moderation().set_revision_hidden(console, s.fr, first, true, "adresse"));
      return first;
  }
  return 0;
}

}  // namespace

TEST_CASE("policy: which revisions exist for whom") {
  constexpr auto ok = ErrorCode::storage;  // unused when `ok` is true
  constexpr auto nf = ErrorCode::not_found;
  constexpr auto fb = ErrorCode::forbidden;
  const VisibilityRow rows[] = {
      {Kind::approved, "approved", {ok, ok, ok, ok, ok, ok}, {true, true, true, true, true, true}},
      {Kind::pending, "pending", {nf, ok, nf, ok, ok, ok}, {false, true, false, true, true, true}},
      {Kind::sent_back, "sent back", {nf, ok, nf, ok, ok, ok}, {false, true, false, true, true, true}},
      {Kind::superseded, "superseded", {nf, ok, nf, ok, ok, ok}, {false, true, false, true, true, true}},
      {Kind::hidden, "hidden", {fb, fb, fb, fb, ok, ok}, {false, false, false, false, true, true}},
  };
  const Who columns[] = {Who::reader, Who::pupil, Who::trusted_pupil, Who::teacher, Who::moderator, Who::admin};
  for (const auto& row : rows) {
    School s;
    const std::int64_t id = revision_of(s, row.kind);
    for (std::size_t c = 0; c < std::size(columns); ++c) {
      CAPTURE(row.name);
      CAPTURE(who_name(columns[c]));
      const Actor actor = s.as(columns[c]);
      auto revision = s.wiki->revision(actor, s.fr, id);
      auto view = s.wiki->read_revision(actor, s.fr, id);
      auto edit = s.wiki->find_edit(actor, id);
      CHECK(revision.ok() == row.ok[c]);
      CHECK(view.ok() == row.ok[c]);
      CHECK(edit.ok() == row.ok[c]);
      if (!row.ok[c]) {
        CHECK(revision.error().code == row.expected[c]);
      }
    }
    // The other class's teacher and pupil are readers of Léa's work.
    for (const std::int64_t outsider : {s.other_teacher, s.other_pupil}) {
      auto seen = s.wiki->revision(s.actor(outsider), s.fr, id);
      CHECK(seen.ok() == (row.kind == Kind::approved));
    }
  }
}

TEST_CASE("policy: history and recent changes list what each actor may see") {
  School s;
  const Actor console = Actor::console();
  // Zoé's pending edit of "Libre" (the other class): her teacher and moderators see it listed.
  auto listed = [&](const Actor& actor) {
    auto page = s.wiki->history(actor, s.fr, s.open_page, 50, std::nullopt);
    REQUIRE(page);
    for (const auto& info : page->items) {
      if (info.id == s.other_pending) return true;
    }
    return false;
  };
  CHECK_FALSE(listed(Actor::reader()));
  CHECK_FALSE(listed(s.as(Who::teacher)));  // not her teacher
  CHECK_FALSE(listed(s.as(Who::pupil)));
  CHECK(listed(s.actor(s.other_pupil)));
  CHECK(listed(s.actor(s.other_teacher)));
  CHECK(listed(s.as(Who::moderator)));
  CHECK(listed(console));
}

TEST_CASE("policy: who may change which page") {
  School s;
  struct Row {
    const char* page;
    bool allowed[6];  // reader, pupil, trusted pupil, teacher, moderator, admin
  };
  const Row rows[] = {
      {"Libre", {false, true, true, true, true, true}},
      {"Protégée confiance", {false, false, true, true, true, true}},
      {"Protégée modérateurs", {false, false, false, false, true, true}},
      // A deleted page is restored with its history, never written over, by anyone.
      {"Supprimée", {false, false, false, false, false, false}},
  };
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < std::size(kAllWho); ++c) {
      CAPTURE(row.page);
      CAPTURE(who_name(kAllWho[c]));
      CHECK(s.wiki->may_edit(s.as(kAllWho[c]), s.fr, s.title(s.fr, row.page)).ok() == row.allowed[c]);
    }
  }
  // Anonymous editing on: readers may edit open pages, never move them, and always wait.
  REQUIRE(s.wiki->set_anonymous_editing(Actor::console(), s.fr, true));
  const Edition fr = *s.wiki->edition("fr");
  CHECK(s.wiki->may_edit(Actor::reader(), fr, s.open_page));
  CHECK_FALSE(s.wiki->may_edit(Actor::reader(), fr, s.open_page, /*move=*/true));
  CHECK_FALSE(s.wiki->may_edit(Actor::reader(), fr, s.mods_page));
  auto saved = s.wiki->save(Actor::reader(), fr, s.title(fr, "Nouvelle"), {"Texte.", "", {}});
  REQUIRE(saved);
  CHECK(saved->review == ReviewState::pending);
}

TEST_CASE("policy: whose saves wait for review") {
  School s;
  struct Row {
    Who who;
    ReviewState expected;
  };
  const Row rows[] = {{Who::pupil, ReviewState::pending},
                      {Who::trusted_pupil, ReviewState::approved},
                      {Who::teacher, ReviewState::approved},
                      {Who::moderator, ReviewState::approved},
                      {Who::admin, ReviewState::approved}};
  int n = 0;
  for (const auto& row : rows) {
    CAPTURE(who_name(row.who));
    auto saved = s.wiki->save(s.as(row.who), s.fr, s.title(s.fr, "Page " + std::to_string(++n)),
                              {"Texte.", "", {}});
    REQUIRE(saved);
    CHECK(saved->review == row.expected);
  }
  // A class that does not ask for review: its pupils publish at once.
  auto free_class = s.wiki->classes().create_class(s.actor(s.other_teacher), "Libre", "fr", false);
  const auto pupil = s.pupil("Noé", free_class->id);
  auto saved = s.wiki->save(s.actor(pupil), s.fr, s.title(s.fr, "Page de Noé"), {"Texte.", "", {}});
  REQUIRE(saved);
  CHECK(saved->review == ReviewState::approved);
}

TEST_CASE("policy: a class archived, its pupils have no actor and no session") {
  School s;
  const std::int64_t lea = s.ids.at(Who::pupil);
  REQUIRE(s.wiki->accounts().actor(lea));
  REQUIRE(s.wiki->classes().set_archived(s.as(Who::teacher), s.own_class.id, true));
  CHECK_FALSE(s.wiki->accounts().actor(lea));
  CHECK(s.wiki->accounts().authenticate("Léa", "password-1").error().message_id ==
        "error-class-archived");
  // Its teacher still sees it and may bring it back.
  CHECK(s.wiki->classes().get(s.as(Who::teacher), s.own_class.id));
  CHECK(s.wiki->classes().set_archived(s.as(Who::teacher), s.own_class.id, false));
  CHECK(s.wiki->accounts().actor(lea));
}

TEST_CASE("policy: a teacher reaches their own classes only") {
  School s;
  const Actor teacher = s.as(Who::teacher);
  CHECK(s.wiki->classes().get(teacher, s.own_class.id));
  CHECK(s.wiki->classes().get(teacher, s.other_class.id).error().code == ErrorCode::forbidden);
  CHECK(s.wiki->classes().reset_password(teacher, s.other_pupil).error().code == ErrorCode::forbidden);
  CHECK(s.wiki->class_edits(teacher, s.other_class.id, 10).error().code == ErrorCode::forbidden);
  CHECK(s.wiki->edits_by(teacher, s.other_pupil, 10).error().code == ErrorCode::forbidden);
  CHECK(s.wiki->moderation().audit_log(teacher, {s.other_class.id, {}, 10}).error().code ==
        ErrorCode::forbidden);
  CHECK(s.wiki->review_queue(teacher, &s.fr, s.other_class.id, 10).error().code ==
        ErrorCode::forbidden);
  CHECK(s.wiki->approve(teacher, s.fr, s.other_pending).error().code == ErrorCode::not_found);
  const auto classes = s.wiki->classes().list(teacher);
  REQUIRE(classes.size() == 1);
  CHECK(classes.front().id == s.own_class.id);
  CHECK(s.wiki->classes().list(s.as(Who::moderator)).size() == 2);
  CHECK(s.wiki->classes().list(s.as(Who::pupil)).empty());
}
