// Pending changes: readers and search see the last approved revision; authors and reviewers see
// the newest; approving publishes, sending back keeps the page as it was.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// A fixture with real accounts: revisions refer to their author's account.
struct ReviewFixture : WikiFixture {
  std::int64_t pupil = 0, other_pupil = 0, teacher = 0;
  ReviewFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    pupil = wiki->accounts().create_user("Léa", "password-1", Role::pupil, std::nullopt)->id;
    other_pupil = wiki->accounts().create_user("Noah", "password-2", Role::pupil, std::nullopt)->id;
    teacher = wiki->accounts().create_user("Mme Martin", "password-3", Role::teacher, std::nullopt)->id;
  }
};

Result<SaveOutcome> pupil_save(ReviewFixture& f, const std::string& title, const std::string& text,
                               std::optional<std::int64_t> base, std::int64_t pupil_id = 0) {
  if (pupil_id == 0) pupil_id = f.pupil;
  SaveRequest r{text, "pupil edit", base, "Léa"};
  r.author_id = pupil_id;
  r.needs_review = true;
  return f.wiki->save(f.fr, f.title(f.fr, title), r);
}

bool outbox_has(ReviewFixture& f, const std::string& full_title) {
  for (const auto& e : f.wiki->outbox_peek(1000)) {
    auto p = f.wiki->indexable_page(e.page_id);
    if (p && p->full_title == full_title) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a pending edit is invisible to readers until it is approved") {
  ReviewFixture f;
  auto approved = f.save(f.fr, "Chat", "Le chat dort.");
  f.wiki->outbox_ack(f.wiki->outbox_peek(1000).back().id);
  auto pending = pupil_save(f, "Chat", "Le chat dort beaucoup. Voir [[Souris]].", approved->revision_id);
  REQUIRE(pending.ok());
  CHECK(pending->review == ReviewState::pending);
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Chat"), true)->markdown == "Le chat dort.");
  CHECK(f.wiki->read_latest(f.fr, f.title(f.fr, "Chat"))->markdown ==
        "Le chat dort beaucoup. Voir [[Souris]].");
  CHECK(f.wiki->backlinks(f.fr, f.title(f.fr, "Souris")).empty());
  CHECK(f.wiki->outbox_peek(1000).empty());

  auto queue = f.wiki->review_queue(&f.fr, {}, 50);
  REQUIRE(queue.size() == 1);
  CHECK(queue[0].latest.id == pending->revision_id);
  CHECK(queue[0].approved_revision_id == approved->revision_id);
  CHECK(queue[0].author_id == f.pupil);

  REQUIRE(f.wiki->approve(f.fr, pending->revision_id, f.teacher).ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Chat"), true)->markdown ==
        "Le chat dort beaucoup. Voir [[Souris]].");
  CHECK(f.wiki->backlinks(f.fr, f.title(f.fr, "Souris")).size() == 1);
  CHECK(outbox_has(f, "Chat"));
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  auto again = f.wiki->approve(f.fr, pending->revision_id, f.teacher);
  CHECK(again.error().message_id == "error-review-not-pending");
}

TEST_CASE("a page whose first revision is pending does not exist for readers") {
  ReviewFixture f;
  auto first = pupil_save(f, "Tortue", "Une tortue.", std::nullopt);
  REQUIRE(first.ok());
  CHECK_FALSE(f.wiki->exists(f.fr, f.title(f.fr, "Tortue")));
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Tortue"), true).error().code == ErrorCode::not_found);
  CHECK(f.wiki->all_pages(f.fr, Namespace::article).empty());
  CHECK(f.wiki->read_latest(f.fr, f.title(f.fr, "Tortue")).ok());
  auto queue = f.wiki->review_queue(nullptr, {}, 50);
  REQUIRE(queue.size() == 1);
  CHECK_FALSE(queue[0].approved_revision_id.has_value());
  REQUIRE(f.wiki->approve(f.fr, first->revision_id, f.teacher).ok());
  CHECK(f.wiki->exists(f.fr, f.title(f.fr, "Tortue")));
}

TEST_CASE("edits stack on pending ones; sending back keeps the approved text") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.");
  auto one = pupil_save(f, "Lion", "Le lion rugit fort.", base->revision_id);
  auto two = pupil_save(f, "Lion", "Le lion rugit très fort.", one->revision_id);
  REQUIRE(two.ok());
  REQUIRE(f.wiki->reject(f.fr, two->revision_id, f.teacher, "Explique pourquoi il rugit.").ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Lion"), true)->markdown == "Le lion rugit.");
  auto history = f.wiki->history(f.fr, f.title(f.fr, "Lion"), 10, std::nullopt, RevisionScope::everything());
  CHECK(history->items[0].review == ReviewState::rejected);
  CHECK(history->items[1].review == ReviewState::rejected);
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  // The pupil edits again on top of the sent-back text; that waits for review once more.
  auto three = pupil_save(f, "Lion", "Le lion rugit pour marquer son territoire.", two->revision_id);
  REQUIRE(three.ok());
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).size() == 1);
  CHECK(f.wiki->reject(f.fr, three->revision_id, f.teacher, std::string(5000, 'x')).error().code ==
        ErrorCode::invalid_input);
}

TEST_CASE("the queue can be kept to a class's pupils, oldest first") {
  ReviewFixture f;
  REQUIRE(pupil_save(f, "Ours", "Un ours.", std::nullopt, f.pupil).ok());
  REQUIRE(pupil_save(f, "Loup", "Un loup.", std::nullopt, f.other_pupil).ok());
  REQUIRE(pupil_save(f, "Renard", "Un renard.", std::nullopt, f.pupil).ok());
  auto all = f.wiki->review_queue(&f.fr, {}, 50);
  REQUIRE(all.size() == 3);
  CHECK(all[0].latest.title.text == "Ours");
  CHECK(all[2].latest.title.text == "Renard");
  auto class_of_11 = f.wiki->review_queue(&f.fr, {f.pupil}, 50);
  REQUIRE(class_of_11.size() == 2);
  CHECK(class_of_11[1].latest.title.text == "Renard");
  CHECK(f.wiki->review_queue(&f.en, {}, 50).empty());
  CHECK(f.wiki->review_queue(&f.fr, {}, 1).size() == 1);
}

TEST_CASE("a trusted save on top of pending edits publishes them with it") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Aigle", "L'aigle vole.");
  auto pending = pupil_save(f, "Aigle", "L'aigle vole haut.", base->revision_id);
  SaveRequest teacher{"L'aigle vole très haut.", "précision", pending->revision_id, "Mme Martin"};
  teacher.author_id = f.teacher;
  REQUIRE(f.wiki->save(f.fr, f.title(f.fr, "Aigle"), teacher).ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Aigle"), true)->markdown == "L'aigle vole très haut.");
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  auto history = f.wiki->history(f.fr, f.title(f.fr, "Aigle"), 10, std::nullopt, RevisionScope::everything());
  CHECK(history->items[1].review == ReviewState::approved);
}

TEST_CASE("an author's edits come newest first with their review state and message") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Chat", "Le chat dort.");
  auto one = pupil_save(f, "Chat", "Le chat dort beaucoup.", base->revision_id);
  auto two = pupil_save(f, "Loup", "Un loup.", std::nullopt);
  auto other = pupil_save(f, "Ours", "Un ours.", std::nullopt, f.other_pupil);
  REQUIRE(f.wiki->reject(f.fr, one->revision_id, f.teacher, "Pourquoi dort-il ?").ok());
  REQUIRE(f.wiki->approve(f.fr, two->revision_id, f.teacher).ok());
  SaveRequest english{"A fox.", "", std::nullopt, "Léa"};
  english.author_id = f.pupil;
  english.needs_review = true;
  auto three = f.wiki->save(f.en, f.title(f.en, "Fox"), english);

  auto edits = f.wiki->edits_by({f.pupil}, 10);
  REQUIRE(edits.size() == 3);
  struct Row { std::int64_t id; ReviewState review; std::string lang, message, reviewer; };
  const Row rows[] = {
      {three->revision_id, ReviewState::pending, "en", "", ""},
      {two->revision_id, ReviewState::approved, "fr", "", "Mme Martin"},
      {one->revision_id, ReviewState::rejected, "fr", "Pourquoi dort-il ?", "Mme Martin"},
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    CAPTURE(i);
    CHECK(edits[i].info.id == rows[i].id);
    CHECK(edits[i].info.review == rows[i].review);
    CHECK(edits[i].lang == rows[i].lang);
    CHECK(edits[i].review_message == rows[i].message);
    CHECK(edits[i].reviewer == rows[i].reviewer);
    CHECK(edits[i].reviewed_at.empty() == rows[i].reviewer.empty());
    CHECK(edits[i].author_id == f.pupil);
    CHECK(edits[i].is_latest);
  }
  CHECK(edits[2].info.title.text == "Chat");
  CHECK(f.wiki->edits_by({f.pupil, f.other_pupil}, 10).size() == 4);
  CHECK(f.wiki->edits_by({f.pupil, f.other_pupil}, 2).size() == 2);
  CHECK(f.wiki->edits_by({}, 10).empty());
  CHECK(f.wiki->edits_by({f.teacher}, 10).empty());
  // A later edit of the page makes the sent-back one no longer the newest.
  REQUIRE(pupil_save(f, "Chat", "Le chat dort le jour.", one->revision_id, f.other_pupil).ok());
  CHECK_FALSE(f.wiki->edits_by({f.pupil}, 10)[2].is_latest);
  CHECK(f.wiki->edits_by({f.other_pupil}, 10)[1].info.id == other->revision_id);
}

TEST_CASE("a revision is found by its id alone, in any edition") {
  ReviewFixture f;
  auto fr = pupil_save(f, "Chat", "Le chat.", std::nullopt);
  auto en = f.save(f.en, "Cat", "The cat.");
  auto found = f.wiki->find_edit(fr->revision_id);
  REQUIRE(found.has_value());
  CHECK(found->lang == "fr");
  CHECK(found->author_id == f.pupil);
  CHECK(found->info.review == ReviewState::pending);
  CHECK(found->info.title.text == "Chat");
  CHECK(f.wiki->find_edit(en->revision_id)->lang == "en");
  CHECK_FALSE(f.wiki->find_edit(en->revision_id)->author_id.has_value());
  CHECK_FALSE(f.wiki->find_edit(999999).has_value());
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
    auto r = f.wiki->reject(f.fr, pending->revision_id, f.teacher, row.message);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::invalid_input);
    CHECK(r.error().message_id == row.error);
  }
  CHECK(f.wiki->reject(f.fr, pending->revision_id, f.teacher, std::string(500, 'x')).ok());
}

TEST_CASE("approving and sending back are in the audit log of the author's class") {
  ReviewFixture f;
  auto cls = f.wiki->classes().create_class(f.teacher, "CM1", "fr", true);
  REQUIRE(cls.ok());
  auto pupils = f.wiki->classes().add_pupils(f.teacher, cls->id, {"Jade"});
  REQUIRE(pupils.ok());
  const auto jade = pupils->front().user.id;
  auto one = pupil_save(f, "Chat", "Le chat.", std::nullopt, jade);
  auto two = pupil_save(f, "Chien", "Le chien.", std::nullopt, jade);
  REQUIRE(f.wiki->approve(f.fr, one->revision_id, f.teacher).ok());
  REQUIRE(f.wiki->reject(f.fr, two->revision_id, f.teacher, "Ajoute une phrase.").ok());
  AuditQuery query;
  query.class_id = cls->id;
  auto log = f.wiki->moderation().audit_log(query);
  std::vector<AuditEntry> reviews;
  for (const auto& e : log) {
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

// A save on what readers see merges with the newest revision that was not sent back, so the
// sent-back text never comes back by way of someone else's edit.
TEST_CASE("an edit made on what readers see does not publish a sent-back text") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.\n\nIl vit en Afrique.");
  auto sent = pupil_save(f, "Lion", "Le lion rugit très fort.\n\nIl vit en Afrique.", base->revision_id);
  REQUIRE(f.wiki->reject(f.fr, sent->revision_id, f.teacher, "Pourquoi ?").ok());
  SaveRequest teacher{"Le lion rugit.\n\nIl vit en Afrique et en Inde.", "", base->revision_id,
                      "Mme Martin"};
  teacher.author_id = f.teacher;
  REQUIRE(f.wiki->save(f.fr, f.title(f.fr, "Lion"), teacher).ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Lion"), true)->markdown ==
        "Le lion rugit.\n\nIl vit en Afrique et en Inde.");
}

TEST_CASE("an edit merged with pending text its editor never saw waits for review") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Lion", "Le lion rugit.\n\nIl vit en Afrique.");
  auto pending = pupil_save(f, "Lion", "Le lion rugit très fort.\n\nIl vit en Afrique.",
                            base->revision_id);
  SaveRequest teacher{"Le lion rugit.\n\nIl vit en Afrique et en Inde.", "", base->revision_id,
                      "Mme Martin"};
  teacher.author_id = f.teacher;
  auto saved = f.wiki->save(f.fr, f.title(f.fr, "Lion"), teacher);
  REQUIRE(saved.ok());
  CHECK(saved->status == SaveStatus::merged);
  CHECK(saved->review == ReviewState::pending);
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Lion"), true)->markdown ==
        "Le lion rugit.\n\nIl vit en Afrique.");
  REQUIRE(f.wiki->approve(f.fr, saved->revision_id, f.teacher).ok());
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Lion"), true)->markdown ==
        "Le lion rugit très fort.\n\nIl vit en Afrique et en Inde.");
}

TEST_CASE("the author of a sent-back text edits on top of it; a new page sent back starts over") {
  ReviewFixture f;
  auto first = pupil_save(f, "Zèbre", "Le zèbre a des rayures.", std::nullopt);
  REQUIRE(f.wiki->reject(f.fr, first->revision_id, f.teacher, "Combien de rayures ?").ok());
  auto fixed = pupil_save(f, "Zèbre", "Le zèbre a des rayures noires et blanches.",
                          first->revision_id);
  REQUIRE(fixed.ok());
  CHECK(fixed->status == SaveStatus::saved);
  REQUIRE(f.wiki->reject(f.fr, fixed->revision_id, f.teacher, "Encore ?").ok());
  // Someone else creates the page: nothing approved exists, so it is a creation.
  SaveRequest teacher{"Le zèbre vit en Afrique.", "", std::nullopt, "Mme Martin"};
  teacher.author_id = f.teacher;
  auto created = f.wiki->save(f.fr, f.title(f.fr, "Zèbre"), teacher);
  REQUIRE(created.ok());
  CHECK(created->review == ReviewState::approved);
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Zèbre"), true)->markdown == "Le zèbre vit en Afrique.");
}

namespace {

// Two classes with a pupil each, and their teachers: a teacher reviews their own pupils only.
struct TwoClasses {
  std::int64_t class_a = 0, class_b = 0, jade = 0, tom = 0, other_teacher = 0;
  explicit TwoClasses(ReviewFixture& f) {
    other_teacher =
        f.wiki->accounts().create_user("M. Durand", "password-4", Role::teacher, std::nullopt)->id;
    class_a = f.wiki->classes().create_class(f.teacher, "CM1", "fr", true)->id;
    class_b = f.wiki->classes().create_class(other_teacher, "CM2", "fr", true)->id;
    jade = f.wiki->classes().add_pupils(f.teacher, class_a, {"Jade"})->front().user.id;
    tom = f.wiki->classes().add_pupils(other_teacher, class_b, {"Tom"})->front().user.id;
  }
};

std::vector<AuditEntry> reviews_of_class(ReviewFixture& f, std::int64_t class_id) {
  AuditQuery query;
  query.class_id = class_id;
  std::vector<AuditEntry> out;
  for (const auto& e : f.wiki->moderation().audit_log(query)) {
    if (e.action == "approve" || e.action == "reject") out.push_back(e);
  }
  return out;
}

std::string reader_text(ReviewFixture& f, const std::string& title) {
  auto view = f.wiki->read(f.fr, f.title(f.fr, title), true);
  return view ? view->markdown : std::string("(none)");
}

}  // namespace

TEST_CASE("a hidden revision is neither approved nor sent back, and stays unpublished") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Chat", "Le chat dort.");
  auto one = pupil_save(f, "Chat", "Le chat dort. Il aime le lait.", base->revision_id);
  auto two = pupil_save(f, "Chat", "Le chat dort. Léa habite 3 rue des Lilas.", one->revision_id);
  REQUIRE(two.ok());
  REQUIRE(f.wiki->moderation().set_revision_hidden(f.teacher, f.fr, two->revision_id, true, "adresse").ok());
  for (bool approve : {true, false}) {
    CAPTURE(approve);
    auto r = approve ? f.wiki->approve(f.fr, two->revision_id, f.teacher)
                     : f.wiki->reject(f.fr, two->revision_id, f.teacher, "Non.");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::conflict);
    CHECK(r.error().message_id == "review-error-revision-hidden");
  }
  CHECK(reader_text(f, "Chat") == "Le chat dort.");
  CHECK(f.wiki->find_edit(two->revision_id)->info.review == ReviewState::pending);
  // The revision below it, not hidden, is still reviewed as usual.
  REQUIRE(f.wiki->approve(f.fr, one->revision_id, f.teacher).ok());
  CHECK(reader_text(f, "Chat") == "Le chat dort. Il aime le lait.");
}

TEST_CASE("a review decides only the pending revisions below that the reviewer may review") {
  ReviewFixture f;
  TwoClasses c(f);
  auto base = f.save(f.fr, "Ours", "Un ours.");
  auto toms = pupil_save(f, "Ours", "Un ours brun.", base->revision_id, c.tom);
  auto jades = pupil_save(f, "Ours", "Un ours brun qui dort l'hiver.", toms->revision_id, c.jade);
  REQUIRE(jades.ok());
  const ReviewScope teacher_a = std::vector<std::int64_t>{c.jade};
  struct Row { const char* what; bool approve; };
  for (const Row row : {Row{"approve", true}, Row{"send back", false}}) {
    CAPTURE(row.what);
    auto r = row.approve ? f.wiki->approve(f.fr, jades->revision_id, f.teacher, teacher_a)
                         : f.wiki->reject(f.fr, jades->revision_id, f.teacher, "Non.", teacher_a);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::conflict);
    CHECK(r.error().message_id == "review-error-other-class");
    REQUIRE(r.error().args.size() == 1);
    CHECK(std::get<std::int64_t>(r.error().args[0].second) == toms->revision_id);
  }
  CHECK(f.wiki->find_edit(toms->revision_id)->info.review == ReviewState::pending);
  CHECK(f.wiki->find_edit(jades->revision_id)->info.review == ReviewState::pending);
  CHECK(reader_text(f, "Ours") == "Un ours.");
  // Tom's teacher reviews Tom's edit; then Jade's teacher may review Jade's.
  const ReviewScope teacher_b = std::vector<std::int64_t>{c.tom};
  REQUIRE(f.wiki->approve(f.fr, toms->revision_id, c.other_teacher, teacher_b).ok());
  REQUIRE(f.wiki->approve(f.fr, jades->revision_id, f.teacher, teacher_a).ok());
  CHECK(reader_text(f, "Ours") == "Un ours brun qui dort l'hiver.");
}

TEST_CASE("a moderator's review writes one audit entry per revision, in its author's class") {
  ReviewFixture f;
  TwoClasses c(f);
  auto toms = pupil_save(f, "Ours", "Un ours.", std::nullopt, c.tom);
  auto jades = pupil_save(f, "Ours", "Un ours brun.", toms->revision_id, c.jade);
  REQUIRE(jades.ok());
  REQUIRE(f.wiki->approve(f.fr, jades->revision_id, f.teacher).ok());
  const auto in_a = reviews_of_class(f, c.class_a);
  const auto in_b = reviews_of_class(f, c.class_b);
  REQUIRE(in_a.size() == 1);
  REQUIRE(in_b.size() == 1);
  CHECK(in_a[0].target_id == jades->revision_id);
  CHECK(in_b[0].target_id == toms->revision_id);
  CHECK(in_b[0].action == "approve");
  CHECK(f.wiki->find_edit(toms->revision_id)->info.review == ReviewState::approved);
}

TEST_CASE("a revert does not publish text that was never approved, except by its author") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Loup", "Le loup hurle.");
  auto sent = pupil_save(f, "Loup", "Le loup est méchant.", base->revision_id);
  REQUIRE(f.wiki->reject(f.fr, sent->revision_id, f.teacher, "Pourquoi ?").ok());
  auto waiting = pupil_save(f, "Loup", "Le loup vit en meute.", sent->revision_id, f.other_pupil);
  REQUIRE(waiting.ok());
  const Editor trusted{"Noah", f.other_pupil, false};
  const Editor teacher{"Mme Martin", f.teacher, false};
  struct Row { const char* who; Editor editor; std::int64_t revision; };
  const Row refused[] = {{"trusted pupil, sent back", trusted, sent->revision_id},
                         {"teacher, sent back", teacher, sent->revision_id},
                         {"teacher, pending", teacher, waiting->revision_id},
                         {"anonymous, sent back", Editor{}, sent->revision_id}};
  for (const auto& row : refused) {
    CAPTURE(row.who);
    auto r = f.wiki->revert(f.fr, f.title(f.fr, "Loup"), row.revision, "", row.editor);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::forbidden);
    CHECK(r.error().message_id == "review-error-revert-not-approved");
  }
  CHECK(reader_text(f, "Loup") == "Le loup hurle.");
  // Its author takes the sent-back text up again: a new revision, reviewed as their edits are.
  auto own = f.wiki->revert(f.fr, f.title(f.fr, "Loup"), sent->revision_id, "",
                            Editor{"Léa", f.pupil, true});
  REQUIRE(own.ok());
  CHECK(own->review == ReviewState::pending);
  CHECK(reader_text(f, "Loup") == "Le loup hurle.");
  CHECK(f.wiki->revert(f.fr, f.title(f.fr, "Loup"), base->revision_id, "", teacher).ok());
}

TEST_CASE("a deleted page leaves the review queue and cannot be reviewed") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Renard", "Un renard.");
  auto pending = pupil_save(f, "Renard", "Un renard roux.", base->revision_id);
  REQUIRE(pending.ok());
  REQUIRE(f.wiki->review_queue(&f.fr, {}, 50).size() == 1);
  REQUIRE(f.wiki->moderation().delete_page(f.teacher, f.fr, f.title(f.fr, "Renard"), "doublon").ok());
  CHECK(f.wiki->review_queue(&f.fr, {}, 50).empty());
  CHECK(f.wiki->review_queue(nullptr, {f.pupil}, 50).empty());
  CHECK(f.wiki->approve(f.fr, pending->revision_id, f.teacher).error().code == ErrorCode::not_found);
  CHECK(f.wiki->reject(f.fr, pending->revision_id, f.teacher, "Non.").error().code ==
        ErrorCode::not_found);
  REQUIRE(f.wiki->moderation().restore_page(f.teacher, f.fr, f.title(f.fr, "Renard"), "").ok());
  CHECK(f.wiki->review_queue(&f.fr, {f.pupil}, 50).size() == 1);
}

TEST_CASE("the queue's limit counts only the authors asked for") {
  ReviewFixture f;
  for (const char* title : {"A", "B", "C"}) REQUIRE(pupil_save(f, title, "x", std::nullopt, f.other_pupil).ok());
  for (const char* title : {"D", "E"}) REQUIRE(pupil_save(f, title, "y", std::nullopt, f.pupil).ok());
  auto mine = f.wiki->review_queue(&f.fr, {f.pupil}, 1);
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].latest.title.text == "D");
  CHECK(f.wiki->review_queue(&f.fr, {f.pupil}, 50).size() == 2);
  CHECK(f.wiki->review_queue(&f.fr, {}, 4).size() == 4);
  CHECK(f.wiki->review_queue(&f.fr, {}, 0).empty());
}

TEST_CASE("hiding the only approved revision is refused, so the page stays published") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Hibou", "Le hibou hulule.");
  auto pending = pupil_save(f, "Hibou", "Le hibou hulule la nuit.", base->revision_id);
  REQUIRE(pending.ok());
  auto hide = f.wiki->moderation().set_revision_hidden(f.teacher, f.fr, base->revision_id, true, "x");
  REQUIRE_FALSE(hide.ok());
  CHECK(hide.error().message_id == "moderation-error-hide-only-revision");
  CHECK(reader_text(f, "Hibou") == "Le hibou hulule.");
  // The pending one may be hidden: readers still have the approved text.
  CHECK(f.wiki->moderation().set_revision_hidden(f.teacher, f.fr, pending->revision_id, true, "x").ok());
  CHECK(reader_text(f, "Hibou") == "Le hibou hulule.");
}

TEST_CASE("a save on top of another author's pending text publishes it only for its reviewers") {
  ReviewFixture f;
  auto base = f.save(f.fr, "Ours", "L'ours dort l'hiver.");
  auto pending = pupil_save(f, "Ours", "L'ours dort tout l'hiver.", base->revision_id);
  REQUIRE(pending.ok());
  // Someone who may not review that pupil (a trusted pupil of another class) saves on top of it.
  SaveRequest outsider{"L'ours dort tout l'hiver. Il mange du miel.", "", pending->revision_id,
                       "Zoé"};
  outsider.author_id = f.other_pupil;
  outsider.reviews = std::vector<std::int64_t>{};
  auto held = f.wiki->save(f.fr, f.title(f.fr, "Ours"), outsider);
  REQUIRE(held.ok());
  CHECK(held->review == ReviewState::pending);
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Ours"), true)->markdown == "L'ours dort l'hiver.");
  // The pupil's teacher may: the save publishes both.
  SaveRequest teacher{"L'ours dort tout l'hiver. Il mange du miel et des baies.", "",
                      held->revision_id, "Mme Martin"};
  teacher.author_id = f.teacher;
  teacher.reviews = std::vector<std::int64_t>{f.pupil, f.other_pupil};
  auto published = f.wiki->save(f.fr, f.title(f.fr, "Ours"), teacher);
  REQUIRE(published.ok());
  CHECK(published->review == ReviewState::approved);
  CHECK(f.wiki->read(f.fr, f.title(f.fr, "Ours"), true)->markdown ==
        "L'ours dort tout l'hiver. Il mange du miel et des baies.");
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
