// The safety tools: blocks, protection, hidden revisions, deleted pages, reports, word lists and
// the audit trail each of them leaves.
#include "engine/moderation.h"

#include <ctime>

#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct ModerationFixture : WikiFixture {
  std::int64_t admin = 0, moderator = 0, pupil = 0;
  ModerationFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    admin = make_user("Admin", Role::admin);
    moderator = make_user("Modo", Role::moderator);
    pupil = make_user("Léa", Role::pupil);
  }
  Moderation& mod() { return wiki->moderation(); }
  Actor modo() { return actor(moderator); }
  AuditEntry last_audit() { return mod().audit_log(console(), {}).value().at(0); }
  bool outbox_has_page(const std::string& title) {
    auto page = wiki->read(reader(), fr, this->title(fr, title), false);
    for (const auto& e : wiki->outbox_peek(1000)) {
      if (page && e.page_id == page->revision.page_id) return true;
    }
    return false;
  }
  void drain_outbox() {
    auto all = wiki->outbox_peek(1000);
    if (!all.empty()) wiki->outbox_ack(all.back().id);
  }
};

}  // namespace

TEST_CASE("a block holds until lifted, expires on its own, and is audited") {
  ModerationFixture f;
  const auto noah = f.make_user("Noah", Role::pupil);
  CHECK_FALSE(f.mod().active_block(f.modo(), f.pupil));
  auto b = f.mod().block(f.modo(), f.pupil, "insultes répétées", std::nullopt);
  REQUIRE(b.ok());
  CHECK(b->blocked_by_name == "Modo");
  CHECK(b->user_name == "Léa");
  auto active = f.mod().active_block(f.modo(), f.pupil);
  REQUIRE(active);
  CHECK(active->reason == "insultes répétées");
  CHECK_FALSE(active->expires_at);
  // The account itself sees its block; another account does not.
  CHECK(f.mod().active_block(f.actor(f.pupil), f.pupil));
  CHECK_FALSE(f.mod().active_block(f.actor(noah), f.pupil));
  CHECK(f.mod().active_blocks(f.modo())->size() == 1);
  CHECK(f.mod().active_blocks(f.actor(f.pupil)).error().code == ErrorCode::forbidden);
  auto entry = f.last_audit();
  CHECK(entry.action == "block");
  CHECK(entry.actor_name == "Modo");
  CHECK(entry.target_label == "Léa");
  CHECK(entry.reason == "insultes répétées");

  REQUIRE(f.mod().unblock(f.modo(), f.pupil, "excuses").ok());
  CHECK_FALSE(f.mod().active_block(f.modo(), f.pupil));
  CHECK(f.last_audit().action == "unblock");
  CHECK(f.mod().unblock(f.modo(), f.pupil, "").error().code == ErrorCode::not_found);
}

TEST_CASE("a block with an end date ends by itself") {
  ModerationFixture f;
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const std::string next_year = std::to_string(utc.tm_year + 1901) + "-01-01T00:00:00Z";
  REQUIRE(f.mod().block(f.modo(), f.pupil, "une heure", next_year).ok());
  CHECK(f.mod().active_block(f.modo(), f.pupil)->expires_at == next_year);
  // Written as if it had been given an hour long that is now over.
  REQUIRE(f.mod().unblock(f.modo(), f.pupil, "").ok());
  CHECK(f.mod().block(f.modo(), f.pupil, "passé", "2000-01-01T00:00:00Z").error().message_id ==
        "moderation-error-block-expiry");
  CHECK_FALSE(f.mod().active_block(f.modo(), f.pupil));
}

TEST_CASE("blocks refuse admins, oneself, unknown users and bad input") {
  ModerationFixture f;
  struct Row {
    Actor actor;
    std::int64_t target;
    std::string reason;
    std::optional<std::string> expires;
    ErrorCode code;
  };
  const Row rows[] = {
      {f.modo(), f.admin, "non", std::nullopt, ErrorCode::forbidden},
      {f.modo(), f.moderator, "moi", std::nullopt, ErrorCode::forbidden},
      {f.modo(), 9999, "qui ?", std::nullopt, ErrorCode::not_found},
      {f.modo(), f.pupil, "", std::nullopt, ErrorCode::invalid_input},
      {f.modo(), f.pupil, "   ", std::nullopt, ErrorCode::invalid_input},
      {f.modo(), f.pupil, std::string(Moderation::kMaxReasonBytes + 1, 'x'), std::nullopt,
       ErrorCode::invalid_input},
      {f.modo(), f.pupil, "mauvaise date", "demain", ErrorCode::invalid_input},
      {f.actor(f.pupil), f.moderator, "pas un modérateur", std::nullopt, ErrorCode::forbidden},
      {f.reader(), f.pupil, "pas connecté", std::nullopt, ErrorCode::not_logged_in},
  };
  for (const auto& row : rows) {
    CAPTURE(row.reason);
    auto r = f.mod().block(row.actor, row.target, row.reason, row.expires);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
  }
  // Only the fixture's accounts are logged (create-user): no refused action left a trace.
  const auto log = f.mod().audit_log(f.console(), {}).value();
  for (const auto& entry : log) {
    CHECK(entry.action == "create-user");
  }
}

TEST_CASE("protection levels are stored per page and audited") {
  ModerationFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Le chat.").ok());
  auto chat = f.title(f.fr, "Chat");
  CHECK(f.mod().protection(f.fr, chat) == Protection::none);
  for (auto level : {Protection::trusted, Protection::moderators, Protection::none}) {
    REQUIRE(f.mod().protect(f.modo(), f.fr, chat, level, "vandalisme").ok());
    CHECK(f.mod().protection(f.fr, chat) == level);
  }
  CHECK(f.last_audit().action == "protect");
  CHECK(f.last_audit().target_label == "fr:Chat");
  CHECK(f.mod()
            .protect(f.modo(), f.fr, f.title(f.fr, "Rien"), Protection::trusted, "x")
            .error()
            .code == ErrorCode::not_found);
  CHECK(f.mod().protection(f.fr, f.title(f.fr, "Rien")) == Protection::none);
  CHECK(f.mod().protect(f.actor(f.pupil), f.fr, chat, Protection::trusted, "x").error().code ==
        ErrorCode::forbidden);
  CHECK(protection_from_name("moderators") == Protection::moderators);
  CHECK_FALSE(protection_from_name("everyone"));
}

TEST_CASE("a hidden revision disappears from what readers see and comes back when shown") {
  ModerationFixture f;
  auto first = f.save(f.fr, "Chat", "Le chat dort.", std::nullopt, "first");
  auto second = f.save(f.fr, "Chat", "Le chat dort. Mon numéro est secret.", first->revision_id,
                       "secret");
  auto chat = f.title(f.fr, "Chat");
  f.drain_outbox();
  CHECK(f.mod().set_revision_hidden(f.actor(f.pupil), f.fr, second->revision_id, true, "numéro")
            .error().code == ErrorCode::forbidden);
  REQUIRE(f.mod().set_revision_hidden(f.modo(), f.fr, second->revision_id, true, "numéro").ok());
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort.");
  CHECK(f.outbox_has_page("Chat"));
  // Readers see that it exists, not what it says.
  auto history = f.wiki->history(f.reader(), f.fr, chat, 10, std::nullopt);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[0].hidden);
  CHECK(history->items[0].summary.empty());
  CHECK_FALSE(history->items[1].hidden);
  CHECK(history->items[1].summary == "first");
  CHECK(f.wiki->history(f.modo(), f.fr, chat, 10, std::nullopt)->items[0].summary == "secret");
  CHECK(f.wiki->revision(f.modo(), f.fr, second->revision_id)->info.hidden);
  auto refused = f.wiki->revision(f.reader(), f.fr, second->revision_id);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::forbidden);
  CHECK(f.wiki->read_revision(f.actor(f.pupil), f.fr, second->revision_id).error().code ==
        ErrorCode::forbidden);
  CHECK(f.last_audit().action == "hide-revision");
  CHECK(f.last_audit().target_id == second->revision_id);

  // The next save builds on the text readers see, so the hidden text cannot come back by merging.
  auto third = f.save(f.fr, "Chat", "Le chat dort beaucoup.", first->revision_id);
  REQUIRE(third.ok());
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort beaucoup.");

  // Nobody brings it back by a revert: those who may not read it are refused its text, and a
  // moderator who may is refused the revert.
  auto by_pupil = f.wiki->revert(f.actor(f.pupil), f.fr, chat, second->revision_id, "");
  REQUIRE_FALSE(by_pupil.ok());
  CHECK(by_pupil.error().code == ErrorCode::forbidden);
  CHECK(by_pupil.error().message_id == "moderation-revision-hidden");
  auto by_moderator = f.wiki->revert(f.modo(), f.fr, chat, second->revision_id, "");
  REQUIRE_FALSE(by_moderator.ok());
  CHECK(by_moderator.error().code == ErrorCode::forbidden);
  CHECK(by_moderator.error().message_id == "moderation-error-revert-hidden");

  REQUIRE(f.mod().set_revision_hidden(f.modo(), f.fr, second->revision_id, false, "").ok());
  CHECK(f.last_audit().action == "unhide-revision");
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort beaucoup.");
}

TEST_CASE("hiding refuses the only revision, a revision of another edition and a missing reason") {
  ModerationFixture f;
  auto only = f.save(f.fr, "Chat", "Le chat dort.");
  CHECK(f.mod()
            .set_revision_hidden(f.modo(), f.fr, only->revision_id, true, "x")
            .error()
            .message_id == "moderation-error-hide-only-revision");
  CHECK(f.mod().set_revision_hidden(f.modo(), f.en, only->revision_id, true, "x").error().code ==
        ErrorCode::not_found);
  CHECK(f.mod().set_revision_hidden(f.modo(), f.fr, only->revision_id, true, "").error().code ==
        ErrorCode::invalid_input);
}

TEST_CASE("a deleted page does not exist for readers, and restoring brings it back whole") {
  ModerationFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Le chat. [[Catégorie:Animaux]]").ok());
  REQUIRE(f.save(f.fr, "Souris", "La souris a peur du [[Chat]].").ok());
  auto chat = f.title(f.fr, "Chat");
  auto page_id = f.wiki->read(f.reader(), f.fr, chat, false)->revision.page_id;
  f.drain_outbox();
  CHECK(f.mod().delete_page(f.actor(f.pupil), f.fr, chat, "non").error().code == ErrorCode::forbidden);
  REQUIRE(f.mod().delete_page(f.modo(), f.fr, chat, "copie d'un autre site").ok());
  CHECK(f.wiki->read(f.reader(), f.fr, chat, true).error().code == ErrorCode::not_found);
  CHECK_FALSE(f.wiki->exists(f.fr, chat));
  CHECK(f.mod().deleted_pages(f.modo(), f.fr).value() == std::vector<Title>{chat});
  CHECK(f.mod().deleted_pages(f.actor(f.pupil), f.fr).error().code == ErrorCode::forbidden);
  // Nobody writes over it unseen: a moderator restores it with its history.
  auto over = f.save(f.fr, "Chat", "Un autre chat.");
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().message_id == "moderation-error-page-deleted");
  CHECK(f.wiki->all_pages(f.fr, Namespace::article).size() == 1);
  CHECK(f.wiki->category_members(f.fr, "Animaux").empty());
  CHECK(f.wiki->random_page(f.fr)->text == "Souris");
  CHECK(f.wiki->history(f.modo(), f.fr, chat, 10, std::nullopt).error().code == ErrorCode::not_found);
  CHECK(f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Souris"), false)->html.find("action=edit") !=
        std::string::npos);  // a red link now
  CHECK_FALSE(f.wiki->indexable_page(page_id));
  bool queued = false;
  for (const auto& e : f.wiki->outbox_peek(100)) queued = queued || e.page_id == page_id;
  CHECK(queued);
  CHECK(f.last_audit().action == "delete-page");

  REQUIRE(f.mod().restore_page(f.modo(), f.fr, chat, "erreur").ok());
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat. [[Catégorie:Animaux]]");
  CHECK(f.wiki->category_members(f.fr, "Animaux").size() == 1);
  CHECK(f.wiki->indexable_page(page_id));
  CHECK(f.last_audit().action == "restore-page");
  CHECK(f.mod().deleted_pages(f.modo(), f.fr)->empty());
  CHECK(f.mod().restore_page(f.modo(), f.fr, chat, "").error().code == ErrorCode::not_found);
}

TEST_CASE("reports: anyone reports a visible page with a reason; moderators resolve them") {
  ModerationFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Le chat.").ok());
  auto chat = f.title(f.fr, "Chat");
  auto anonymous = f.mod().report(f.reader(), f.fr, chat, "un gros mot");
  REQUIRE(anonymous.ok());
  CHECK(anonymous->revision_id);
  CHECK_FALSE(anonymous->reporter_id);
  REQUIRE(f.mod().report(f.actor(f.pupil), f.fr, chat, "pas vrai").ok());
  CHECK(f.mod().open_reports(f.actor(f.pupil), 50).error().code == ErrorCode::forbidden);
  auto open = f.mod().open_reports(f.modo(), 50).value();
  REQUIRE(open.size() == 2);
  CHECK(open[0].reason == "un gros mot");
  CHECK(open[0].lang == "fr");
  CHECK(open[0].title.text == "Chat");
  CHECK(open[1].reporter_id == f.pupil);
  CHECK(open[1].reporter_name == "Léa");

  CHECK(f.mod().resolve_report(f.actor(f.pupil), open[0].id, "").error().code == ErrorCode::forbidden);
  REQUIRE(f.mod().resolve_report(f.modo(), open[0].id, "corrigé").ok());
  CHECK(f.mod().open_reports(f.modo(), 50)->size() == 1);
  CHECK(f.last_audit().action == "resolve-report");
  CHECK(f.last_audit().reason == "corrigé");
  CHECK(f.mod().resolve_report(f.modo(), open[0].id, "").error().code == ErrorCode::not_found);
  CHECK(f.mod().find_report(f.modo(), open[0].id).ok());
  CHECK(f.mod().find_report(f.modo(), 9999).error().code == ErrorCode::not_found);
}

TEST_CASE("report validation") {
  ModerationFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Le chat.").ok());
  auto chat = f.title(f.fr, "Chat");
  CHECK(f.mod().report(f.reader(), f.fr, chat, "").error().code == ErrorCode::invalid_input);
  CHECK(f.mod().report(f.reader(), f.fr, chat, std::string(600, 'a')).error().code ==
        ErrorCode::invalid_input);
  CHECK(f.mod().report(f.reader(), f.fr, f.title(f.fr, "Rien"), "x").error().code ==
        ErrorCode::not_found);
  REQUIRE(f.mod().block(f.modo(), f.pupil, "flood", std::nullopt).ok());
  CHECK(f.mod().report(f.actor(f.pupil), f.fr, chat, "encore").error().code == ErrorCode::forbidden);
}

TEST_CASE("an admin's word list replaces the built-in one") {
  ModerationFixture f;
  const Actor admin = f.actor(f.admin);
  CHECK(f.mod().filter_list(admin, f.fr)->find("connard") != std::string::npos);
  CHECK(f.mod().filter_list(f.modo(), f.fr).error().code == ErrorCode::forbidden);
  CHECK(f.mod().set_filter_list(f.modo(), f.fr, "x refuse\n").error().code == ErrorCode::forbidden);
  auto before = f.mod().content_filter(f.fr);
  CHECK(before->check_text("quel connard").refused());
  CHECK(f.mod().content_filter(f.fr) == before);  // parsed once

  REQUIRE(f.mod().set_filter_list(admin, f.fr, "# notre liste\nbrocoli refuse\n").ok());
  CHECK(f.mod().filter_list(admin, f.fr).value() == "# notre liste\nbrocoli refuse\n");
  auto after = f.mod().content_filter(f.fr);
  CHECK(after->check_text("un brocoli").refused());
  CHECK_FALSE(after->check_text("quel connard").refused());
  CHECK(before->check_text("quel connard").refused());  // a save in flight keeps its filter
  CHECK(f.last_audit().action == "edit-filter");
  CHECK(f.last_audit().target_label == "fr");
  CHECK(f.mod().filter_list(admin, f.en)->find("brocoli") == std::string::npos);

  f.reopen();  // the list is stored, not only cached
  CHECK(f.mod().content_filter(f.fr)->check_text("un brocoli").refused());
  CHECK(f.mod()
            .set_filter_list(f.actor(f.admin), f.fr,
                             std::string(Moderation::kMaxFilterListBytes + 1, 'a'))
            .error()
            .code == ErrorCode::too_large);
}

TEST_CASE("the audit log pages newest first and filters by class") {
  ModerationFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Le chat.").ok());
  for (int i = 0; i < 5; ++i) {
    REQUIRE(f.mod()
                .protect(f.modo(), f.fr, f.title(f.fr, "Chat"), Protection::trusted,
                         "raison " + std::to_string(i))
                .ok());
  }
  auto first = f.mod().audit_log(f.modo(), {std::nullopt, std::nullopt, 2}).value();
  REQUIRE(first.size() == 2);
  CHECK(first[0].reason == "trusted: raison 4");
  auto next = f.mod().audit_log(f.modo(), {std::nullopt, first[1].id, 10}).value();
  REQUIRE(next.size() >= 3);  // then the fixture's create-user entries
  CHECK(next[0].reason == "trusted: raison 2");
  CHECK(f.mod().audit_log(f.modo(), {std::int64_t{42}, std::nullopt, 10})->empty());
  // The whole log is not a pupil's, nor a teacher's (who names one of their classes).
  CHECK(f.mod().audit_log(f.actor(f.pupil), {}).error().code == ErrorCode::forbidden);
  auto teacher = f.mod().audit_log(f.actor(f.make_user("Mme Martin", Role::teacher)), {});
  REQUIRE_FALSE(teacher.ok());
  CHECK(teacher.error().message_id == "moderation-error-audit-class");
  CHECK(f.mod().audit_log(f.reader(), {}).error().code == ErrorCode::not_logged_in);
}
