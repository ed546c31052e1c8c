// Pending changes: readers and search see the published revision; each author works on their own
// line of unpublished revisions, which only they and their reviewers see; approving publishes a
// line (merged with what was published since it started), sending back keeps the page as it was.
#include <doctest/doctest.h>

#include <algorithm>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// A fixture with real accounts: a teacher's class (edits need review) with two pupils, and a
// moderator. Revisions refer to their author's account.
struct ReviewFixture : WikiFixture {
  std::int64_t teacher = 0, moderator = 0, class_id = 0, pupil = 0, other_pupil = 0;
  ReviewFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    teacher = make_user("Mme Martin", Role::teacher);
    moderator = make_user("Modo", Role::moderator);
    class_id = wiki->classes().create_class(actor(teacher), "CM1", "fr", true).value().id;
    pupil = make_user("Léa", Role::pupil, class_id);
    other_pupil = make_user("Noah", Role::pupil, class_id);
  }
  Result<std::vector<ReviewItem>> queue(const Actor& who, const Edition* ed = nullptr,
                                        std::optional<std::int64_t> cls = std::nullopt,
                                        int limit = 50) {
    return wiki->review_queue(who, ed, cls, limit);
  }
  Title title_fr(const std::string& raw) { return title(fr, raw); }
};

Result<SaveOutcome> pupil_save(ReviewFixture& f, const std::string& title, const std::string& text,
                               std::optional<std::int64_t> base, std::int64_t pupil_id = 0) {
  if (pupil_id == 0) pupil_id = f.pupil;
  return f.save_as(f.actor(pupil_id), f.fr, title, text, base, "pupil edit");
}

bool outbox_has(ReviewFixture& f, const std::string& full_title) {
  for (const auto& e : f.wiki->outbox_peek(1000)) {
    auto p = f.wiki->indexable_page(e.page_id);
    if (p && p->full_title == full_title) return true;
  }
  return false;
}

std::string arg_text(const Error& e, const std::string& name) {
  for (const auto& [key, value] : e.args) {
    if (key == name) return std::get<std::string>(value);
  }
  return "";
}

}  // namespace

TEST_CASE("a pending edit is invisible to readers until it is approved") {
  ReviewFixture f;
  auto approved = f.save(f.fr, "Chat", "Le chat dort.");
  f.wiki->outbox_ack(f.wiki->outbox_peek(1000).back().id);
  auto pending = pupil_save(f, "Chat", "Le chat dort beaucoup. Voir [[Souris]].", approved->revision_id);
  REQUIRE(pending.ok());
  CHECK(pending->review == ReviewState::pending);
  const auto chat = f.title_fr("Chat");
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort.");
  // Its author works on their own version; everyone else works on what readers see.
  CHECK(f.wiki->read_own(f.actor(f.pupil), f.fr, chat)->markdown ==
        "Le chat dort beaucoup. Voir [[Souris]].");
  CHECK(f.wiki->read_own(f.actor(f.other_pupil), f.fr, chat)->markdown == "Le chat dort.");
  CHECK(f.wiki->read_own(f.reader(), f.fr, chat)->markdown == "Le chat dort.");
  auto teachers = f.wiki->read_own(f.actor(f.teacher), f.fr, chat);
  REQUIRE(teachers.ok());
  CHECK(teachers->markdown == "Le chat dort.");
  CHECK(teachers->waiting_for_review == 1);
  CHECK(f.wiki->read_own(f.actor(f.pupil), f.fr, chat)->waiting_for_review == 0);
  CHECK(f.wiki->backlinks(f.fr, f.title_fr("Souris")).empty());
  CHECK(f.wiki->outbox_peek(1000).empty());

  auto queue = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(queue.ok());
  REQUIRE(queue->size() == 1);
  CHECK(queue->at(0).latest.id == pending->revision_id);
  CHECK(queue->at(0).approved_revision_id == approved->revision_id);
  CHECK(queue->at(0).author_id == f.pupil);

  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, pending->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort beaucoup. Voir [[Souris]].");
  CHECK(f.wiki->backlinks(f.fr, f.title_fr("Souris")).size() == 1);
  CHECK(outbox_has(f, "Chat"));
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->empty());
  // A second decision learns who decided first.
  auto again = f.wiki->approve(f.actor(f.moderator), f.fr, pending->revision_id);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == ErrorCode::conflict);
  CHECK(again.error().message_id == "review-error-already-reviewed");
  CHECK(arg_text(again.error(), "reviewer") == "Mme Martin");
}

TEST_CASE("a page whose first revision is pending does not exist for readers") {
  ReviewFixture f;
  auto first = pupil_save(f, "Tortue", "Une tortue.", std::nullopt);
  REQUIRE(first.ok());
  const auto tortue = f.title_fr("Tortue");
  CHECK_FALSE(f.wiki->exists(f.fr, tortue));
  CHECK(f.wiki->read(f.reader(), f.fr, tortue, true).error().code == ErrorCode::not_found);
  CHECK(f.wiki->all_pages(f.fr, Namespace::article).empty());
  CHECK(f.wiki->read_own(f.actor(f.pupil), f.fr, tortue).ok());
  CHECK(f.wiki->read_own(f.actor(f.other_pupil), f.fr, tortue).error().code == ErrorCode::not_found);
  auto queue = f.queue(f.actor(f.teacher));
  REQUIRE(queue->size() == 1);
  CHECK_FALSE(queue->at(0).approved_revision_id.has_value());
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, first->revision_id).ok());
  CHECK(f.wiki->exists(f.fr, tortue));
}

TEST_CASE("edits stack on pending ones; sending back keeps the approved text") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.");
  auto one = pupil_save(f, "Lion", "Le lion rugit fort.", base->revision_id);
  auto two = pupil_save(f, "Lion", "Le lion rugit très fort.", one->revision_id);
  REQUIRE(two.ok());
  CHECK(two->status == SaveStatus::saved);
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, two->revision_id, "Explique pourquoi il rugit.").ok());
  CHECK(f.reader_text(f.fr, "Lion") == "Le lion rugit.");
  auto history = f.wiki->history(f.actor(f.teacher), f.fr, f.title_fr("Lion"), 10, std::nullopt);
  REQUIRE(history->items.size() == 3);
  CHECK(history->items[0].review == ReviewState::rejected);
  CHECK(history->items[1].review == ReviewState::rejected);
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->empty());
  // The pupil edits again on top of the sent-back text; that waits for review once more.
  auto three = pupil_save(f, "Lion", "Le lion rugit pour marquer son territoire.", two->revision_id);
  REQUIRE(three.ok());
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->size() == 1);
  CHECK(f.wiki->reject(f.actor(f.teacher), f.fr, three->revision_id, std::string(5000, 'x'))
            .error().code == ErrorCode::invalid_input);
}

namespace {

// Two more classes with a pupil each: Jade in the fixture teacher's, Tom in another teacher's.
// A teacher reviews their own pupils only.
struct TwoClasses {
  std::int64_t class_a = 0, class_b = 0, jade = 0, tom = 0, other_teacher = 0;
  explicit TwoClasses(ReviewFixture& f) {
    other_teacher = f.make_user("M. Durand", Role::teacher);
    class_a = f.wiki->classes().create_class(f.actor(f.teacher), "CE2", "fr", true).value().id;
    class_b = f.wiki->classes().create_class(f.actor(other_teacher), "CM2", "fr", true).value().id;
    jade = f.make_user("Jade", Role::pupil, class_a);
    tom = f.make_user("Tom", Role::pupil, class_b);
  }
};

std::vector<AuditEntry> reviews_of_class(ReviewFixture& f, std::int64_t class_id) {
  AuditQuery query;
  query.class_id = class_id;
  std::vector<AuditEntry> out;
  const auto log = f.wiki->moderation().audit_log(f.console(), query).value();
  for (const auto& e : log) {
    if (e.action == "approve" || e.action == "reject") out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("the queue can be kept to a class's pupils, oldest first") {
  ReviewFixture f;
  TwoClasses c(f);
  REQUIRE(pupil_save(f, "Ours", "Un ours.", std::nullopt, c.jade).ok());
  REQUIRE(pupil_save(f, "Loup", "Un loup.", std::nullopt, c.tom).ok());
  REQUIRE(pupil_save(f, "Renard", "Un renard.", std::nullopt, c.jade).ok());
  auto all = f.queue(f.actor(f.moderator), &f.fr);
  REQUIRE(all->size() == 3);
  CHECK(all->at(0).latest.title.text == "Ours");
  CHECK(all->at(2).latest.title.text == "Renard");
  auto class_a = f.queue(f.actor(f.moderator), &f.fr, c.class_a);
  REQUIRE(class_a->size() == 2);
  CHECK(class_a->at(1).latest.title.text == "Renard");
  // A teacher's queue holds their own pupils' work; another teacher's class is not theirs.
  auto teachers = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(teachers->size() == 2);
  CHECK(teachers->at(0).author_id == c.jade);
  CHECK(f.queue(f.actor(f.teacher), &f.fr, c.class_b).error().code == ErrorCode::forbidden);
  CHECK(f.queue(f.actor(f.pupil), &f.fr).error().code == ErrorCode::forbidden);
  CHECK(f.queue(f.reader(), &f.fr).error().code == ErrorCode::not_logged_in);
  CHECK(f.queue(f.actor(f.moderator), &f.en)->empty());
  CHECK(f.queue(f.actor(f.moderator), &f.fr, std::nullopt, 1)->size() == 1);
}

// A save that needs no review publishes its author's own text only: it never publishes anyone
// else's pending edit, which waits for its reviewer and is merged when approved.
TEST_CASE("a trusted save on top of pending edits publishes only its own text") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Aigle", "L'aigle vole.\n\nIl vit dans les montagnes.");
  auto pending = pupil_save(f, "Aigle", "L'aigle vole haut.\n\nIl vit dans les montagnes.",
                            base->revision_id);
  REQUIRE(pending.ok());
  auto teacher = f.save_as(f.actor(f.teacher), f.fr, "Aigle",
                           "L'aigle vole.\n\nIl vit dans les montagnes et les falaises.",
                           base->revision_id, "précision");
  REQUIRE(teacher.ok());
  CHECK(teacher->status == SaveStatus::saved);
  CHECK(teacher->review == ReviewState::approved);
  CHECK(f.reader_text(f.fr, "Aigle") == "L'aigle vole.\n\nIl vit dans les montagnes et les falaises.");
  auto queue = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(queue->size() == 1);
  CHECK(queue->at(0).latest.id == pending->revision_id);
  CHECK(queue->at(0).approved_revision_id == teacher->revision_id);
  CHECK(f.wiki->find_edit(f.actor(f.teacher), pending->revision_id)->info.review ==
        ReviewState::pending);
  // Approving merges the pupil's line with what was published since: a new revision by the pupil.
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, pending->revision_id).ok());
  auto view = f.wiki->read(f.reader(), f.fr, f.title_fr("Aigle"), true);
  REQUIRE(view.ok());
  CHECK(view->markdown == "L'aigle vole haut.\n\nIl vit dans les montagnes et les falaises.");
  CHECK(view->revision.id != pending->revision_id);
  CHECK(view->revision.author_id == f.pupil);
  CHECK(view->revision.author == "Léa");
  CHECK(view->revision.parent_id == teacher->revision_id);
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->empty());
}

TEST_CASE("an author's edits come newest first with their review state and message") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Chat", "Le chat dort.");
  auto one = pupil_save(f, "Chat", "Le chat dort beaucoup.", base->revision_id);
  auto two = pupil_save(f, "Loup", "Un loup.", std::nullopt);
  auto other = pupil_save(f, "Ours", "Un ours.", std::nullopt, f.other_pupil);
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, one->revision_id, "Pourquoi dort-il ?").ok());
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, two->revision_id).ok());
  auto three = f.save_as(f.actor(f.pupil), f.en, "Fox", "A fox.");
  REQUIRE(three.ok());
  CHECK(three->review == ReviewState::pending);

  auto edits = f.wiki->edits_by(f.actor(f.pupil), f.pupil, 10);
  REQUIRE(edits.ok());
  REQUIRE(edits->size() == 3);
  struct Row { std::int64_t id; ReviewState review; std::string lang, message, reviewer; };
  const Row rows[] = {
      {three->revision_id, ReviewState::pending, "en", "", ""},
      {two->revision_id, ReviewState::approved, "fr", "", "Mme Martin"},
      {one->revision_id, ReviewState::rejected, "fr", "Pourquoi dort-il ?", "Mme Martin"},
  };
  for (std::size_t i = 0; i < edits->size(); ++i) {
    CAPTURE(i);
    const auto& e = edits->at(i);
    CHECK(e.info.id == rows[i].id);
    CHECK(e.info.review == rows[i].review);
    CHECK(e.lang == rows[i].lang);
    CHECK(e.review_message == rows[i].message);
    CHECK(e.reviewer == rows[i].reviewer);
    CHECK(e.reviewed_at.empty() == rows[i].reviewer.empty());
    CHECK(e.author_id == f.pupil);
    CHECK(e.is_latest);
  }
  CHECK(edits->at(2).info.title.text == "Chat");
  // Their teacher sees them, and the whole class's; nobody else does.
  CHECK(f.wiki->edits_by(f.actor(f.teacher), f.pupil, 10)->size() == 3);
  CHECK(f.wiki->class_edits(f.actor(f.teacher), f.class_id, 10)->size() == 4);
  CHECK(f.wiki->class_edits(f.actor(f.teacher), f.class_id, 2)->size() == 2);
  CHECK(f.wiki->edits_by(f.actor(f.teacher), f.teacher, 10)->empty());
  CHECK(f.wiki->edits_by(f.actor(f.other_pupil), f.pupil, 10).error().code == ErrorCode::forbidden);
  CHECK(f.wiki->class_edits(f.actor(f.other_pupil), f.class_id, 10).error().code ==
        ErrorCode::forbidden);
  // A later edit of the page by its author makes the sent-back one no longer their newest.
  REQUIRE(pupil_save(f, "Chat", "Le chat dort le jour.", one->revision_id).ok());
  auto after = f.wiki->edits_by(f.actor(f.pupil), f.pupil, 10);
  REQUIRE(after->size() == 4);
  CHECK(after->at(3).info.id == one->revision_id);
  CHECK_FALSE(after->at(3).is_latest);
  REQUIRE(pupil_save(f, "Chat", "Le chat dort la nuit.", base->revision_id, f.other_pupil).ok());
  CHECK(f.wiki->edits_by(f.actor(f.other_pupil), f.other_pupil, 10)->at(1).info.id ==
        other->revision_id);
}

TEST_CASE("a revision is found by its id alone, in any edition, by those it exists for") {
  ReviewFixture f;
  auto fr = pupil_save(f, "Chat", "Le chat.", std::nullopt);
  auto en = f.save(f.en, "Cat", "The cat.");
  auto found = f.wiki->find_edit(f.actor(f.teacher), fr->revision_id);
  REQUIRE(found.ok());
  CHECK(found->lang == "fr");
  CHECK(found->author_id == f.pupil);
  CHECK(found->info.review == ReviewState::pending);
  CHECK(found->info.title.text == "Chat");
  // Unpublished: it exists for its author and their reviewers only.
  CHECK(f.wiki->find_edit(f.actor(f.pupil), fr->revision_id).ok());
  CHECK(f.wiki->find_edit(f.actor(f.other_pupil), fr->revision_id).error().code ==
        ErrorCode::not_found);
  CHECK(f.wiki->find_edit(f.reader(), fr->revision_id).error().code == ErrorCode::not_found);
  CHECK(f.wiki->find_edit(f.reader(), en->revision_id)->lang == "en");
  CHECK_FALSE(f.wiki->find_edit(f.reader(), en->revision_id)->author_id.has_value());
  CHECK(f.wiki->find_edit(f.console(), 999999).error().code == ErrorCode::not_found);
}

TEST_CASE("sending back needs a message of at most 500 bytes") {
  ReviewFixture f;
  auto pending = pupil_save(f, "Chat", "Le chat.", std::nullopt);
  struct Row { std::string message; std::string error; };
  const Row rows[] = {
      {"", "review-error-message-missing"},
      {" \n ", "review-error-message-missing"},
      {std::string(501, 'x'), "error-review-bad-message"},
      {"\xff", "error-review-bad-message"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.message);
    auto r = f.wiki->reject(f.actor(f.teacher), f.fr, pending->revision_id, row.message);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::invalid_input);
    CHECK(r.error().message_id == row.error);
  }
  CHECK(f.wiki->reject(f.actor(f.teacher), f.fr, pending->revision_id, std::string(500, 'x')).ok());
}

TEST_CASE("approving and sending back are in the audit log of the author's class") {
  ReviewFixture f;
  auto one = pupil_save(f, "Chat", "Le chat.", std::nullopt);
  auto two = pupil_save(f, "Chien", "Le chien.", std::nullopt);
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, one->revision_id).ok());
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, two->revision_id, "Ajoute une phrase.").ok());
  AuditQuery query;
  query.class_id = f.class_id;
  auto log = f.wiki->moderation().audit_log(f.actor(f.teacher), query);
  REQUIRE(log.ok());
  std::vector<AuditEntry> reviews;
  for (const auto& e : log.value()) {
    if (e.action == "approve" || e.action == "reject") reviews.push_back(e);
  }
  REQUIRE(reviews.size() == 2);
  const auto& rejected = reviews[0].action == "reject" ? reviews[0] : reviews[1];
  const auto& approved = reviews[0].action == "approve" ? reviews[0] : reviews[1];
  CHECK(approved.target_type == "revision");
  CHECK(approved.target_id == one->revision_id);
  CHECK(approved.target_label == "fr:Chat");
  CHECK(approved.actor_id == f.teacher);
  CHECK(rejected.target_id == two->revision_id);
  CHECK(rejected.reason == "Ajoute une phrase.");
}

// A save on what readers see builds on the published text, so the sent-back text never comes
// back by way of someone else's edit.
TEST_CASE("an edit made on what readers see does not publish a sent-back text") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.\n\nIl vit en Afrique.");
  auto sent = pupil_save(f, "Lion", "Le lion rugit très fort.\n\nIl vit en Afrique.", base->revision_id);
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, sent->revision_id, "Pourquoi ?").ok());
  REQUIRE(f.save_as(f.actor(f.teacher), f.fr, "Lion", "Le lion rugit.\n\nIl vit en Afrique et en Inde.",
                    base->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Lion") == "Le lion rugit.\n\nIl vit en Afrique et en Inde.");
}

// The editor never saw the pending text, so it is no part of their save: their text is published
// alone, and the pending edit is merged with it when it is approved.
TEST_CASE("an edit made beside a pending text is published alone; approving merges the two") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.\n\nIl vit en Afrique.");
  auto pending = pupil_save(f, "Lion", "Le lion rugit très fort.\n\nIl vit en Afrique.",
                            base->revision_id);
  auto saved = f.save_as(f.actor(f.teacher), f.fr, "Lion",
                         "Le lion rugit.\n\nIl vit en Afrique et en Inde.", base->revision_id);
  REQUIRE(saved.ok());
  CHECK(saved->status == SaveStatus::saved);
  CHECK(saved->review == ReviewState::approved);
  CHECK(f.reader_text(f.fr, "Lion") == "Le lion rugit.\n\nIl vit en Afrique et en Inde.");
  // The pupil still works on their own text.
  CHECK(f.wiki->read_own(f.actor(f.pupil), f.fr, f.title_fr("Lion"))->markdown ==
        "Le lion rugit très fort.\n\nIl vit en Afrique.");
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, pending->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Lion") == "Le lion rugit très fort.\n\nIl vit en Afrique et en Inde.");
}

TEST_CASE("the author of a sent-back text edits on top of it; a new page sent back starts over") {
  ReviewFixture f;
  auto first = pupil_save(f, "Zèbre", "Le zèbre a des rayures.", std::nullopt);
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, first->revision_id, "Combien de rayures ?").ok());
  auto fixed = pupil_save(f, "Zèbre", "Le zèbre a des rayures noires et blanches.",
                          first->revision_id);
  REQUIRE(fixed.ok());
  CHECK(fixed->status == SaveStatus::saved);
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, fixed->revision_id, "Encore ?").ok());
  // Someone else creates the page: nothing approved exists, so it is a creation.
  auto created = f.save_as(f.actor(f.teacher), f.fr, "Zèbre", "Le zèbre vit en Afrique.");
  REQUIRE(created.ok());
  CHECK(created->status == SaveStatus::created);
  CHECK(created->review == ReviewState::approved);
  CHECK(f.reader_text(f.fr, "Zèbre") == "Le zèbre vit en Afrique.");
}

TEST_CASE("a hidden revision is neither approved nor sent back, and stays unpublished") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Chat", "Le chat dort.");
  auto one = pupil_save(f, "Chat", "Le chat dort. Il aime le lait.", base->revision_id);
  auto two = pupil_save(f, "Chat", "Le chat dort. Léa habite 3 rue des Lilas.", one->revision_id);
  REQUIRE(two.ok());
  REQUIRE(f.wiki->moderation()
              .set_revision_hidden(f.actor(f.moderator), f.fr, two->revision_id, true, "adresse")
              .ok());
  // A moderator is told it is hidden; a teacher may not read hidden text at all.
  struct Row { const char* who; std::int64_t reviewer; bool approve; ErrorCode code; const char* message; };
  const Row rows[] = {
      {"moderator approves", f.moderator, true, ErrorCode::conflict, "review-error-revision-hidden"},
      {"moderator sends back", f.moderator, false, ErrorCode::conflict, "review-error-revision-hidden"},
      {"teacher approves", f.teacher, true, ErrorCode::forbidden, "review-error-hidden"},
      {"teacher sends back", f.teacher, false, ErrorCode::forbidden, "review-error-hidden"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.who);
    auto r = row.approve ? f.wiki->approve(f.actor(row.reviewer), f.fr, two->revision_id)
                         : f.wiki->reject(f.actor(row.reviewer), f.fr, two->revision_id, "Non.");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
    CHECK(r.error().message_id == row.message);
  }
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort.");
  CHECK(f.wiki->find_edit(f.actor(f.moderator), two->revision_id)->info.review ==
        ReviewState::pending);
  // The revision below it, not hidden, is still reviewed as usual.
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, one->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat dort. Il aime le lait.");
}

// Each author's pending work is their own line, built on what readers see: another pupil's
// pending text is no base, and for a teacher who does not review its author it does not exist.
TEST_CASE("a review decides only the lines of authors the reviewer reviews") {
  ReviewFixture f;
  TwoClasses c(f);
  auto base = f.save(f.fr, "Ours", "Un ours.\n\nIl dort l'hiver.");
  auto toms = pupil_save(f, "Ours", "Un ours brun.\n\nIl dort l'hiver.", base->revision_id, c.tom);
  REQUIRE(toms.ok());
  auto on_toms = pupil_save(f, "Ours", "Un ours brun.\n\nIl dort tout l'hiver.", toms->revision_id, c.jade);
  REQUIRE_FALSE(on_toms.ok());
  CHECK(on_toms.error().code == ErrorCode::not_found);
  auto jades = pupil_save(f, "Ours", "Un ours.\n\nIl dort tout l'hiver.", base->revision_id, c.jade);
  REQUIRE(jades.ok());
  CHECK(jades->status == SaveStatus::saved);
  CHECK(f.wiki->read_own(f.actor(c.jade), f.fr, f.title_fr("Ours"))->markdown ==
        "Un ours.\n\nIl dort tout l'hiver.");
  struct Row { const char* what; bool approve; };
  for (const Row row : {Row{"approve", true}, Row{"send back", false}}) {
    CAPTURE(row.what);
    auto r = row.approve ? f.wiki->approve(f.actor(f.teacher), f.fr, toms->revision_id)
                         : f.wiki->reject(f.actor(f.teacher), f.fr, toms->revision_id, "Non.");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::not_found);
  }
  CHECK(f.wiki->review_detail(f.actor(f.teacher), toms->revision_id).error().code ==
        ErrorCode::not_found);
  CHECK(f.wiki->find_edit(f.actor(f.teacher), toms->revision_id).error().code == ErrorCode::not_found);
  auto queue = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(queue->size() == 1);
  CHECK(queue->at(0).latest.id == jades->revision_id);
  CHECK(f.wiki->find_edit(f.console(), toms->revision_id)->info.review == ReviewState::pending);
  CHECK(f.reader_text(f.fr, "Ours") == "Un ours.\n\nIl dort l'hiver.");
  // Each teacher reviews their own pupil's line; the second approval merges with the first.
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, jades->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Ours") == "Un ours.\n\nIl dort tout l'hiver.");
  CHECK(f.wiki->find_edit(f.console(), toms->revision_id)->info.review == ReviewState::pending);
  REQUIRE(f.wiki->approve(f.actor(c.other_teacher), f.fr, toms->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Ours") == "Un ours brun.\n\nIl dort tout l'hiver.");
}

TEST_CASE("a moderator's reviews are in the audit log of each author's class") {
  ReviewFixture f;
  TwoClasses c(f);
  auto toms = pupil_save(f, "Ours", "Un ours.", std::nullopt, c.tom);
  auto jade_one = pupil_save(f, "Loup", "Un loup.", std::nullopt, c.jade);
  auto jade_two = pupil_save(f, "Loup", "Un loup gris.", jade_one->revision_id, c.jade);
  REQUIRE(toms.ok());
  REQUIRE(jade_two.ok());
  REQUIRE(f.wiki->approve(f.actor(f.moderator), f.fr, toms->revision_id).ok());
  REQUIRE(f.wiki->approve(f.actor(f.moderator), f.fr, jade_two->revision_id).ok());
  const auto in_a = reviews_of_class(f, c.class_a);
  const auto in_b = reviews_of_class(f, c.class_b);
  REQUIRE(in_a.size() == 1);
  REQUIRE(in_b.size() == 1);
  CHECK(in_a[0].target_id == jade_two->revision_id);
  CHECK(in_a[0].actor_id == f.moderator);
  CHECK(in_b[0].target_id == toms->revision_id);
  CHECK(in_b[0].action == "approve");
  CHECK(f.wiki->find_edit(f.console(), toms->revision_id)->info.review == ReviewState::approved);
  // Sending back a line of two revisions records each.
  auto renard_one = pupil_save(f, "Renard", "Un renard.", std::nullopt, c.jade);
  auto renard_two = pupil_save(f, "Renard", "Un renard roux.", renard_one->revision_id, c.jade);
  REQUIRE(f.wiki->reject(f.actor(f.moderator), f.fr, renard_two->revision_id, "Où vit-il ?").ok());
  std::vector<std::int64_t> sent_back;
  for (const auto& e : reviews_of_class(f, c.class_a)) {
    if (e.action == "reject") sent_back.push_back(*e.target_id);
  }
  std::sort(sent_back.begin(), sent_back.end());
  CHECK(sent_back == std::vector<std::int64_t>{renard_one->revision_id, renard_two->revision_id});
}

TEST_CASE("a revert does not publish text that was never approved, except by its author") {
  ReviewFixture f;
  const auto zoe = f.make_user("Zoé", Role::pupil, f.class_id);
  REQUIRE(f.wiki->classes().set_trusted(f.actor(f.teacher), zoe, true).ok());
  auto base = f.save(f.fr, "Loup", "Le loup hurle.");
  auto sent = pupil_save(f, "Loup", "Le loup est méchant.", base->revision_id);
  REQUIRE(f.wiki->reject(f.actor(f.teacher), f.fr, sent->revision_id, "Pourquoi ?").ok());
  auto waiting = pupil_save(f, "Loup", "Le loup vit en meute.", base->revision_id, f.other_pupil);
  REQUIRE(waiting.ok());
  // Those who review the author see the text and may not publish it; for the others it does not
  // exist.
  struct Row { const char* who; Actor actor; std::int64_t revision; ErrorCode code; const char* message; };
  const Row refused[] = {
      {"trusted pupil, sent back", f.actor(zoe), sent->revision_id, ErrorCode::not_found,
       "error-revision-not-found"},
      {"teacher, sent back", f.actor(f.teacher), sent->revision_id, ErrorCode::forbidden,
       "review-error-revert-not-approved"},
      {"teacher, pending", f.actor(f.teacher), waiting->revision_id, ErrorCode::forbidden,
       "review-error-revert-not-approved"},
      {"moderator, pending", f.actor(f.moderator), waiting->revision_id, ErrorCode::forbidden,
       "review-error-revert-not-approved"},
      {"anonymous, sent back", f.reader(), sent->revision_id, ErrorCode::not_found,
       "error-revision-not-found"},
  };
  for (const auto& row : refused) {
    CAPTURE(row.who);
    auto r = f.wiki->revert(row.actor, f.fr, f.title_fr("Loup"), row.revision, "");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
    CHECK(r.error().message_id == row.message);
  }
  CHECK(f.reader_text(f.fr, "Loup") == "Le loup hurle.");
  // Its author, having moved on, takes the sent-back text up again: a new revision, reviewed as
  // their edits are.
  REQUIRE(pupil_save(f, "Loup", "Le loup est gentil.", sent->revision_id).ok());
  auto own = f.wiki->revert(f.actor(f.pupil), f.fr, f.title_fr("Loup"), sent->revision_id, "");
  REQUIRE(own.ok());
  CHECK(own->status != SaveStatus::null_edit);
  CHECK(own->review == ReviewState::pending);
  CHECK(f.wiki->read_own(f.actor(f.pupil), f.fr, f.title_fr("Loup"))->markdown ==
        "Le loup est méchant.");
  CHECK(f.reader_text(f.fr, "Loup") == "Le loup hurle.");
  CHECK(f.wiki->revert(f.actor(f.teacher), f.fr, f.title_fr("Loup"), base->revision_id, "").ok());
}

TEST_CASE("a deleted page leaves the review queue and cannot be reviewed") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Renard", "Un renard.");
  auto pending = pupil_save(f, "Renard", "Un renard roux.", base->revision_id);
  REQUIRE(pending.ok());
  REQUIRE(f.queue(f.actor(f.teacher), &f.fr)->size() == 1);
  REQUIRE(f.wiki->moderation()
              .delete_page(f.actor(f.moderator), f.fr, f.title_fr("Renard"), "doublon").ok());
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->empty());
  CHECK(f.queue(f.actor(f.teacher), nullptr, f.class_id)->empty());
  CHECK(f.queue(f.actor(f.moderator))->empty());
  CHECK(f.wiki->approve(f.actor(f.teacher), f.fr, pending->revision_id).error().code ==
        ErrorCode::not_found);
  CHECK(f.wiki->reject(f.actor(f.teacher), f.fr, pending->revision_id, "Non.").error().code ==
        ErrorCode::not_found);
  REQUIRE(f.wiki->moderation().restore_page(f.actor(f.moderator), f.fr, f.title_fr("Renard"), "").ok());
  CHECK(f.queue(f.actor(f.teacher), &f.fr, f.class_id)->size() == 1);
}

TEST_CASE("the queue's limit counts only the authors asked for") {
  ReviewFixture f;
  TwoClasses c(f);
  for (const char* title : {"A", "B", "C"}) REQUIRE(pupil_save(f, title, "x", std::nullopt, c.tom).ok());
  for (const char* title : {"D", "E"}) REQUIRE(pupil_save(f, title, "y", std::nullopt, c.jade).ok());
  auto mine = f.queue(f.actor(f.teacher), &f.fr, std::nullopt, 1);
  REQUIRE(mine->size() == 1);
  CHECK(mine->at(0).latest.title.text == "D");
  auto class_a = f.queue(f.actor(f.moderator), &f.fr, c.class_a, 1);
  REQUIRE(class_a->size() == 1);
  CHECK(class_a->at(0).latest.title.text == "D");
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->size() == 2);
  CHECK(f.queue(f.actor(f.moderator), &f.fr, std::nullopt, 4)->size() == 4);
  CHECK(f.queue(f.actor(f.moderator), &f.fr, std::nullopt, 0)->empty());
}

TEST_CASE("hiding the only approved revision is refused, so the page stays published") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Hibou", "Le hibou hulule.");
  auto pending = pupil_save(f, "Hibou", "Le hibou hulule la nuit.", base->revision_id);
  REQUIRE(pending.ok());
  auto hide = f.wiki->moderation().set_revision_hidden(f.actor(f.moderator), f.fr,
                                                       base->revision_id, true, "x");
  REQUIRE_FALSE(hide.ok());
  CHECK(hide.error().message_id == "moderation-error-hide-only-revision");
  CHECK(f.reader_text(f.fr, "Hibou") == "Le hibou hulule.");
  // The pending one may be hidden: readers still have the approved text.
  CHECK(f.wiki->moderation()
            .set_revision_hidden(f.actor(f.moderator), f.fr, pending->revision_id, true, "x")
            .ok());
  CHECK(f.reader_text(f.fr, "Hibou") == "Le hibou hulule.");
}

// Someone else's pending text is published only by approving it: not by a save on top of it,
// whoever saves.
TEST_CASE("a save on top of another author's pending text never publishes it") {
  ReviewFixture f;
  TwoClasses c(f);
  REQUIRE(f.wiki->classes().set_trusted(f.actor(c.other_teacher), c.tom, true).ok());
  auto base = f.save(f.fr, "Ours", "L'ours dort l'hiver.\n\nIl vit en forêt.");
  auto pending = pupil_save(f, "Ours", "L'ours dort tout l'hiver.\n\nIl vit en forêt.",
                            base->revision_id);
  REQUIRE(pending.ok());
  // Someone who may not review that pupil (a trusted pupil of another class): for them it does
  // not exist, so it is no base.
  auto outsider = f.save_as(f.actor(c.tom), f.fr, "Ours",
                            "L'ours dort tout l'hiver.\n\nIl vit en forêt. Il mange du miel.",
                            pending->revision_id);
  REQUIRE_FALSE(outsider.ok());
  CHECK(outsider.error().code == ErrorCode::not_found);
  CHECK(f.reader_text(f.fr, "Ours") == "L'ours dort l'hiver.\n\nIl vit en forêt.");
  // The pupil's teacher sees it and saves on top of it: only the teacher's own change is
  // published; the pupil's waits for its review.
  auto teacher = f.save_as(f.actor(f.teacher), f.fr, "Ours",
                           "L'ours dort tout l'hiver.\n\nIl vit en forêt et mange du miel.",
                           pending->revision_id);
  REQUIRE(teacher.ok());
  CHECK(teacher->review == ReviewState::approved);
  CHECK(teacher->status == SaveStatus::merged);
  CHECK(f.reader_text(f.fr, "Ours") == "L'ours dort l'hiver.\n\nIl vit en forêt et mange du miel.");
  REQUIRE(f.queue(f.actor(f.teacher), &f.fr)->size() == 1);
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, pending->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Ours") ==
        "L'ours dort tout l'hiver.\n\nIl vit en forêt et mange du miel.");
}

TEST_CASE("a null edit on a pending text says it is pending") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Loup", "Le loup hurle.");
  auto pending = pupil_save(f, "Loup", "Le loup hurle la nuit.", base->revision_id);
  auto again = pupil_save(f, "Loup", "Le loup hurle la nuit.", pending->revision_id);
  REQUIRE(again.ok());
  CHECK(again->status == SaveStatus::null_edit);
  CHECK(again->revision_id == pending->revision_id);
  CHECK(again->review == ReviewState::pending);
}

TEST_CASE("the queue holds one item per author and page; approving the newest supersedes the rest") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.\n\nIl vit en Afrique.");
  auto one = pupil_save(f, "Lion", "Le lion rugit fort.\n\nIl vit en Afrique.", base->revision_id);
  auto two = pupil_save(f, "Lion", "Le lion rugit très fort.\n\nIl vit en Afrique.", one->revision_id);
  auto noahs = pupil_save(f, "Lion", "Le lion rugit.\n\nIl vit en Afrique et en Inde.",
                          base->revision_id, f.other_pupil);
  REQUIRE(two.ok());
  REQUIRE(noahs.ok());
  auto queue = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(queue->size() == 2);
  CHECK(queue->at(0).latest.id == two->revision_id);
  CHECK(queue->at(1).latest.id == noahs->revision_id);

  auto detail = f.wiki->review_detail(f.actor(f.teacher), two->revision_id);
  REQUIRE(detail.ok());
  CHECK(detail->item.latest.id == two->revision_id);
  CHECK(detail->item.approved_revision_id == base->revision_id);
  CHECK(detail->summaries.size() == 2);
  CHECK_FALSE(detail->overlaps);
  CHECK(detail->diff.lines_added == 1);
  CHECK(detail->diff.lines_removed == 1);
  CHECK(f.wiki->review_detail(f.actor(f.pupil), two->revision_id).error().code ==
        ErrorCode::forbidden);

  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, two->revision_id).ok());
  auto view = f.wiki->read(f.reader(), f.fr, f.title_fr("Lion"), true);
  CHECK(view->markdown == "Le lion rugit très fort.\n\nIl vit en Afrique.");
  CHECK(view->revision.id == two->revision_id);
  // The revision below was reviewed with it: it leaves the queue and is never published.
  auto below = f.wiki->find_edit(f.actor(f.teacher), one->revision_id);
  REQUIRE(below.ok());
  CHECK(below->info.review == ReviewState::pending);
  CHECK(below->info.superseded);
  CHECK(f.wiki->find_edit(f.actor(f.pupil), one->revision_id).ok());
  CHECK(f.wiki->find_edit(f.actor(f.other_pupil), one->revision_id).error().code ==
        ErrorCode::not_found);
  auto rest = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(rest->size() == 1);
  CHECK(rest->at(0).latest.id == noahs->revision_id);
  CHECK_FALSE(f.wiki->approve(f.actor(f.teacher), f.fr, one->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Lion") == "Le lion rugit très fort.\n\nIl vit en Afrique.");
  // Noah's line is merged with what was published since he started.
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, noahs->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Lion") == "Le lion rugit très fort.\n\nIl vit en Afrique et en Inde.");
}

TEST_CASE("an approval that overlaps what was published since changes nothing") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Loup", "Le loup hurle.");
  auto first = pupil_save(f, "Loup", "Le loup hurle la nuit.", base->revision_id);
  auto second = pupil_save(f, "Loup", "Le loup hurle fort.", base->revision_id, f.other_pupil);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, first->revision_id).ok());
  CHECK(f.wiki->review_detail(f.actor(f.teacher), second->revision_id)->overlaps);
  auto r = f.wiki->approve(f.actor(f.teacher), f.fr, second->revision_id);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::conflict);
  CHECK(r.error().message_id == "review-error-overlap");
  CHECK(f.reader_text(f.fr, "Loup") == "Le loup hurle la nuit.");
  CHECK(f.wiki->find_edit(f.actor(f.teacher), second->revision_id)->info.review ==
        ReviewState::pending);
  CHECK(f.queue(f.actor(f.teacher), &f.fr)->size() == 1);
  // Sending it back is what is left.
  CHECK(f.wiki->reject(f.actor(f.teacher), f.fr, second->revision_id, "Relis la page.").ok());
}

TEST_CASE("a move takes the published text and leaves pending lines with their page") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Hipopotame", "L'hippopotame vit en Afrique.\n\nIl nage.");
  auto pending = pupil_save(f, "Hipopotame", "L'hippopotame vit en Afrique.\n\nIl nage très bien.",
                            base->revision_id);
  REQUIRE(pending.ok());
  REQUIRE(f.wiki->move(f.actor(f.teacher), f.fr, f.title_fr("Hipopotame"),
                       MoveRequest{"Hippopotame", true, "orthographe"}).ok());
  CHECK(f.reader_text(f.fr, "Hippopotame") == "L'hippopotame vit en Afrique.\n\nIl nage.");
  auto queue = f.queue(f.actor(f.teacher), &f.fr);
  REQUIRE(queue->size() == 1);
  CHECK(queue->at(0).latest.title.text == "Hippopotame");
  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, pending->revision_id).ok());
  CHECK(f.reader_text(f.fr, "Hippopotame") ==
        "L'hippopotame vit en Afrique.\n\nIl nage très bien.");
  CHECK(f.reader_text(f.fr, "Hipopotame") == "L'hippopotame vit en Afrique.\n\nIl nage très bien.");
}

TEST_CASE("unpublished revisions are listed and shown to their author and reviewers only") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Chat", "Le chat dort.");
  auto pending = pupil_save(f, "Chat", "Le chat dort beaucoup.", base->revision_id);
  REQUIRE(pending.ok());
  struct Row { const char* who; Actor actor; std::size_t listed; bool sees; };
  const Row rows[] = {
      {"reader", f.reader(), 1, false},
      {"another pupil", f.actor(f.other_pupil), 1, false},
      {"author", f.actor(f.pupil), 2, true},
      {"teacher", f.actor(f.teacher), 2, true},
      {"moderator", f.actor(f.moderator), 2, true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.who);
    auto history = f.wiki->history(row.actor, f.fr, f.title_fr("Chat"), 10, std::nullopt);
    REQUIRE(history.ok());
    CHECK(history->items.size() == row.listed);
    CHECK(f.wiki->recent_changes(row.actor, f.fr, 10, std::nullopt)->items.size() == row.listed);
    auto rev = f.wiki->revision(row.actor, f.fr, pending->revision_id);
    CHECK(rev.ok() == row.sees);
    if (!row.sees) CHECK(rev.error().code == ErrorCode::not_found);
    CHECK(f.wiki->read_revision(row.actor, f.fr, pending->revision_id).ok() == row.sees);
    CHECK(f.wiki->diff(row.actor, f.fr, base->revision_id, pending->revision_id).ok() == row.sees);
  }
}
