// Pending changes in the HTML interface: the queue with its diff and forms, the decisions posted
// with wpCsrf, the banner over a pending version for its author, the banner over the published
// version for its reviewers, the edit form that goes on from the author's own pending text, "my
// edits" and the notice of a sent-back edit.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "review_fixture.h"

namespace {

using kidwiki::web::testing::between;
using kidwiki::web::testing::FormFields;
using kidwiki::web::testing::has;
using kidwiki::web::testing::html_escaped;
using kidwiki::web::testing::page_msg;
using kidwiki::web::testing::post_form;
using kidwiki::web::testing::ReviewFixture;

std::string review_path(std::int64_t id) { return "/fr/special/review/" + std::to_string(id); }

}  // namespace

TEST_CASE("review page: the queue shows each page's diff with an approve and a send-back form") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une petite tortue.\n\nElle nage.");
  const auto lea = f.pending("Tortue verte", "Une grande tortue.\n\nElle nage.", base, f.pupil);
  f.pending("Loup gris", "Un loup.", std::nullopt, f.other_pupil);
  auto res = f.as_teacher->Get("/fr/special/review");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(has(res->body, page_msg("fr", "review-queue-heading")));
  CHECK(has(res->body, "Tortue verte"));
  CHECK_FALSE(has(res->body, "Loup gris"));
  CHECK(has(res->body, "<del>"));
  CHECK(has(res->body, "<ins>"));
  CHECK(has(res->body, "action=\"" + review_path(lea) + "\""));
  CHECK(has(res->body, "name=\"wpCsrf\" value=\"" + f.teacher.csrf_token + "\""));
  CHECK(has(res->body, "<textarea id=\"message-" + std::to_string(lea) + "\" name=\"wpMessage\" required"));
  CHECK(has(res->body, "CM1 A"));
  auto moderator = f.as_moderator->Get("/fr/special/review");
  CHECK(has(moderator->body, "Loup gris"));
  CHECK(has(moderator->body, page_msg("fr", "review-new-page")));
  auto one_class = f.as_moderator->Get(("/fr/special/review?class=" + std::to_string(f.class_id)).c_str());
  CHECK_FALSE(has(one_class->body, "Loup gris"));
}

TEST_CASE("review page: who may see it") {
  ReviewFixture f;
  CHECK(f.as_pupil->Get("/fr/special/review")->status == 403);
  auto reader = f.server.anonymous().Get("/fr/special/review");
  CHECK(reader->status == 303);
  CHECK(reader->get_header_value("Location").starts_with("/fr/special/login?returnto="));
  const std::string other = "/fr/special/review?class=" + std::to_string(f.other_class_id);
  CHECK(f.as_teacher->Get(other.c_str())->status == 403);
  CHECK(f.as_teacher->Get("/fr/special/review?class=999")->status == 404);
}

TEST_CASE("review page: approving with wpCsrf publishes and comes back with a confirmation") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue **verte**.", base, f.pupil);
  auto teacher = f.browser(f.teacher);
  CHECK(post_form(*teacher, review_path(lea), {{"action", "approve"}})->status == 403);
  CHECK_FALSE(has(f.server.anonymous().Get("/fr/wiki/Tortue_verte")->body, "<strong>verte</strong>"));
  auto res = post_form(*teacher, review_path(lea),
                       {{"wpCsrf", f.teacher.csrf_token}, {"action", "approve"},
                        {"class", std::to_string(f.class_id)}});
  REQUIRE(res);
  CHECK(res->status == 303);
  const std::string back = res->get_header_value("Location");
  CHECK(back == "/fr/special/review?class=" + std::to_string(f.class_id) +
                    "&done=approve&rev=" + std::to_string(lea));
  auto queue = teacher->Get(back.c_str());
  CHECK(has(queue->body, page_msg("fr", "review-done-approved", {{"title", "Tortue verte"}})));
  CHECK(has(queue->body, page_msg("fr", "review-queue-empty")));
  CHECK(has(f.server.anonymous().Get("/fr/wiki/Tortue_verte")->body, "<strong>verte</strong>"));
}

TEST_CASE("review page: sending back needs a message, then the pupil reads it escaped") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  auto teacher = f.browser(f.teacher);
  auto empty = post_form(*teacher, review_path(lea),
                         {{"wpCsrf", f.teacher.csrf_token}, {"action", "reject"}, {"wpMessage", " "}});
  CHECK(empty->status == 400);
  CHECK(has(empty->body, page_msg("fr", "review-error-message-missing")));
  const std::string message = "Ajoute <b>pourquoi</b> & \"comment\".";
  auto sent = post_form(*teacher, review_path(lea),
                        {{"wpCsrf", f.teacher.csrf_token}, {"action", "reject"}, {"wpMessage", message}});
  CHECK(sent->status == 303);
  CHECK(has(f.server.anonymous().Get("/fr/wiki/Tortue_verte")->body, "Une tortue."));

  auto mine = f.as_pupil->Get("/fr/special/my-edits");
  REQUIRE(mine->status == 200);
  CHECK(has(mine->body, html_escaped(message)));
  CHECK_FALSE(has(mine->body, "<b>pourquoi</b>"));
  CHECK(has(mine->body, page_msg("fr", "review-state-rejected")));
  CHECK(has(mine->body, "/fr/wiki/Tortue_verte?action=edit"));
  // The notice follows the pupil on every page until they edit that page again.
  auto elsewhere = f.as_pupil->Get("/fr/special/recent");
  CHECK(has(elsewhere->body, page_msg("fr", "review-notice-heading")));
  CHECK(has(elsewhere->body, html_escaped(message)));
  CHECK_FALSE(has(f.as_other_pupil->Get("/fr/special/recent")->body,
                  page_msg("fr", "review-notice-heading")));
  f.pending("Tortue verte", "Une tortue verte : sa carapace est verte.", lea, f.pupil);
  CHECK_FALSE(has(f.as_pupil->Get("/fr/special/recent")->body,
                  page_msg("fr", "review-notice-heading")));
  CHECK(has(f.as_pupil->Get("/fr/special/my-edits")->body, page_msg("fr", "review-state-pending")));
}

TEST_CASE("article: the author sees their pending version, reviewers a banner over the published") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  f.pending("Tortue verte", "Une tortue **verte**.", base, f.pupil);
  auto author = f.as_pupil->Get("/fr/wiki/Tortue_verte");
  CHECK(has(author->body, "<strong>verte</strong>"));
  CHECK(has(author->body, page_msg("fr", "review-banner-author")));
  // A reviewer reads what readers read, and learns that an edit waits for them.
  for (auto* reviewer : {f.as_teacher.get(), f.as_moderator.get()}) {
    auto page = reviewer->Get("/fr/wiki/Tortue_verte");
    REQUIRE(page->status == 200);
    CHECK_FALSE(has(page->body, "<strong>verte</strong>"));
    CHECK(has(page->body, "Une tortue."));
    CHECK(has(page->body, page_msg("fr", "review-banner-waiting", {{"count", std::int64_t{1}}})));
    CHECK(has(page->body, "href=\"/fr/special/review\""));
  }
  struct Row { const char* who; httplib::Client* client; };
  const Row readers[] = {{"reader", &f.server.anonymous()},
                         {"another pupil", f.as_other_pupil.get()},
                         {"another teacher", f.as_other_teacher.get()},
                         {"reader again (cache)", &f.server.anonymous()}};
  for (const auto& row : readers) {
    const std::string who = row.who;
    CAPTURE(who);
    auto res = row.client->Get("/fr/wiki/Tortue_verte");
    CHECK(res->status == 200);
    CHECK_FALSE(has(res->body, "<strong>verte</strong>"));
    CHECK_FALSE(has(res->body, "pending-banner"));
  }
}

TEST_CASE("article: a new page waiting for review exists for its author only") {
  ReviewFixture f;
  f.pending("Loup gris", "Un **loup**.", std::nullopt, f.pupil);
  auto author = f.as_pupil->Get("/fr/wiki/Loup_gris");
  CHECK(author->status == 200);
  CHECK(has(author->body, "<strong>loup</strong>"));
  CHECK(has(author->body, page_msg("fr", "review-banner-author")));
  CHECK(f.server.anonymous().Get("/fr/wiki/Loup_gris")->status == 404);
}

TEST_CASE("edit form: the author goes on from their pending text") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  const auto lea = f.pending("Tortue verte", "Une tortue verte.", base, f.pupil);
  auto author = f.as_pupil->Get("/fr/wiki/Tortue_verte?action=edit");
  REQUIRE(author->status == 200);
  CHECK(has(between(author->body, "<textarea", "</textarea>"), "Une tortue verte."));
  CHECK(has(author->body, "value=\"" + std::to_string(lea) + "\""));
  // Everyone else edits from the published text: another pupil, and Léa's own teacher too.
  for (auto* client : {f.as_other_pupil.get(), f.as_teacher.get()}) {
    auto other = client->Get("/fr/wiki/Tortue_verte?action=edit");
    REQUIRE(other->status == 200);
    const auto text = between(other->body, "<textarea", "</textarea>");
    CHECK_FALSE(has(text, "Une tortue verte."));
    CHECK(has(text, "Une tortue."));
    CHECK(has(other->body, "value=\"" + std::to_string(base) + "\""));
  }
}

TEST_CASE("header: my edits for logged-in users, the review link for reviewers") {
  ReviewFixture f;
  auto pupil = f.as_pupil->Get("/fr/special/recent");
  CHECK(has(pupil->body, "href=\"/fr/special/my-edits\""));
  CHECK_FALSE(has(pupil->body, "href=\"/fr/special/review\""));
  CHECK(has(f.as_teacher->Get("/fr/special/recent")->body, "href=\"/fr/special/review\""));
  CHECK_FALSE(has(f.server.anonymous().Get("/fr/special/recent")->body, "my-edits"));
  CHECK(f.server.anonymous().Get("/fr/special/my-edits")->status == 303);
  CHECK(has(f.as_pupil->Get("/fr/special/my-edits")->body, page_msg("fr", "review-my-edits-none")));
}

TEST_CASE("the whole way through the web: save, send back, fix on top, approve, read") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une tortue.");
  auto pupil = f.browser(f.pupil);
  auto form = pupil->Get("/fr/wiki/Tortue_verte?action=edit");
  auto saved = post_form(*pupil, "/fr/wiki/Tortue_verte",
                         {{"wpCsrf", f.pupil.csrf_token}, {"action", "submit"},
                          {"wpTextbox", "Une tortue qui nage."}, {"wpSummary", "nage"},
                          {"wpBaseRevId", std::to_string(base)}, {"wpSave", "1"}});
  REQUIRE(saved);
  CHECK(saved->status == 303);
  CHECK_FALSE(has(f.server.anonymous().Get("/fr/wiki/Tortue_verte")->body, "qui nage"));
  auto queue = nlohmann::json::parse(
      f.as_teacher->Get(("/api/v1/review?class=" + std::to_string(f.class_id)).c_str())->body);
  REQUIRE(queue["pages"].size() == 1);
  const std::int64_t first = queue["pages"][0]["revision_id"];
  auto teacher = f.browser(f.teacher);
  post_form(*teacher, review_path(first), {{"wpCsrf", f.teacher.csrf_token},
                                           {"action", "reject"}, {"wpMessage", "Où nage-t-elle ?"}});
  CHECK(has(pupil->Get("/fr/wiki/Accueil")->body, "Où nage-t-elle ?"));
  // The edit form starts from the sent-back text, with it as the base.
  form = pupil->Get("/fr/wiki/Tortue_verte?action=edit");
  CHECK(has(between(form->body, "name=\"wpTextbox\"", "</textarea>"), "Une tortue qui nage."));
  CHECK(has(form->body, "value=\"" + std::to_string(first) + "\""));
  post_form(*pupil, "/fr/wiki/Tortue_verte",
            {{"wpCsrf", f.pupil.csrf_token}, {"action", "submit"},
             {"wpTextbox", "Une tortue qui nage dans la mer."}, {"wpSummary", "où"},
             {"wpBaseRevId", std::to_string(first)}, {"wpSave", "1"}});
  queue = nlohmann::json::parse(
      f.as_teacher->Get(("/api/v1/review?class=" + std::to_string(f.class_id)).c_str())->body);
  REQUIRE(queue["pages"].size() == 1);
  const std::int64_t second = queue["pages"][0]["revision_id"];
  CHECK(second != first);
  auto approved = post_form(*teacher, review_path(second),
                            {{"wpCsrf", f.teacher.csrf_token}, {"action", "approve"}});
  CHECK(approved->status == 303);
  CHECK(has(f.server.anonymous().Get("/fr/wiki/Tortue_verte")->body, "Une tortue qui nage dans la mer."));
  CHECK_FALSE(has(pupil->Get("/fr/wiki/Accueil")->body, "Où nage-t-elle ?"));
}

TEST_CASE("a teacher sees how many edits wait, in the header of every page and beside each class") {
  ReviewFixture f;
  auto header_badge = [&](httplib::Client& client) {
    return client.Get("/fr/wiki/Accueil")->body;
  };
  CHECK_FALSE(has(header_badge(*f.as_teacher), "class=\"count-badge\""));
  f.pending("Chat compté", "Le chat miaule.", std::nullopt, f.pupil);
  f.pending("Chien compté", "Le chien aboie.", std::nullopt, f.pupil);
  f.pending("Cheval compté", "Le cheval galope.", std::nullopt, f.other_pupil);

  const std::string two = page_msg("fr", "review-waiting-count", {{"count", std::int64_t{2}}});
  const std::string teacher_page = header_badge(*f.as_teacher);
  CHECK(has(teacher_page, "<span class=\"count-badge\" aria-hidden=\"true\">2</span>"));
  CHECK(has(teacher_page, "<span class=\"visually-hidden\">(" + two + ")</span>"));
  // The other teacher counts only their own class; a moderator reviews every class.
  CHECK(has(header_badge(*f.as_other_teacher), "aria-hidden=\"true\">1</span>"));
  CHECK(has(header_badge(*f.as_moderator), "aria-hidden=\"true\">3</span>"));
  // A pupil has no review link and no count.
  CHECK_FALSE(has(header_badge(*f.as_pupil), "count-badge"));

  auto classes = f.as_teacher->Get("/fr/special/classes");
  REQUIRE(classes);
  CHECK(has(classes->body, "<a class=\"badge class-waiting\" href=\"/fr/special/review?class=" +
                               std::to_string(f.class_id) + "\">" + two + "</a>"));
}

TEST_CASE("review page: twelve edits judged at once, eight approved and four sent back with one "
          "message") {
  ReviewFixture f;
  std::vector<std::int64_t> edits;
  for (int i = 0; i < 12; ++i) {
    edits.push_back(f.pending("Animal " + std::to_string(i), "Un animal numéro " +
                                  std::to_string(i) + ".", std::nullopt, f.pupil));
  }
  auto teacher = f.browser(f.teacher);
  const FormFields csrf = {{"wpCsrf", f.teacher.csrf_token}, {"class", std::to_string(f.class_id)}};
  auto with = [&](std::initializer_list<std::pair<std::string, std::string>> more,
                  std::size_t from, std::size_t to) {
    FormFields fields = csrf;
    fields.insert(fields.end(), more.begin(), more.end());
    for (std::size_t i = from; i < to; ++i) fields.push_back({"wpRevision", std::to_string(edits[i])});
    return fields;
  };
  auto queue = teacher->Get(("/fr/special/review?class=" + std::to_string(f.class_id)).c_str());
  CHECK(has(queue->body, "form=\"bulk-form\""));
  CHECK(has(queue->body, page_msg("fr", "review-bulk-approve")));

  // Nothing ticked, or sending back without a message: nothing changes.
  auto none = post_form(*teacher, "/fr/special/review", with({{"action", "approve"}}, 0, 0));
  CHECK(none->status == 400);
  CHECK(has(none->body, page_msg("fr", "review-bulk-error-none")));
  auto silent = post_form(*teacher, "/fr/special/review", with({{"action", "reject"}}, 8, 12));
  CHECK(silent->status / 100 == 4);
  CHECK(f.server.anonymous().Get("/fr/wiki/Animal_0")->status == 404);

  // Eight approved in one action.
  auto approved = post_form(*teacher, "/fr/special/review", with({{"action", "approve"}}, 0, 8));
  REQUIRE(approved);
  CHECK(approved->status == 303);
  const std::string back = approved->get_header_value("Location");
  CHECK(back == "/fr/special/review?class=" + std::to_string(f.class_id) + "&done=approve-all&count=8");
  CHECK(has(teacher->Get(back.c_str())->body,
            page_msg("fr", "review-bulk-done-approved", {{"count", std::int64_t{8}}})));
  for (int i = 0; i < 8; ++i) {
    CHECK(f.server.anonymous().Get(("/fr/wiki/Animal_" + std::to_string(i)).c_str())->status == 200);
  }

  // The other four sent back with one message, which the pupil reads on each.
  const std::string message = "Ajoute d’où viennent tes informations.";
  auto sent_back = post_form(*teacher, "/fr/special/review",
                             with({{"action", "reject"}, {"wpMessage", message}}, 8, 12));
  REQUIRE(sent_back);
  CHECK(sent_back->status == 303);
  auto mine = f.browser(f.pupil)->Get("/fr/special/my-edits");
  REQUIRE(mine);
  const std::string quoted = "<blockquote>" + html_escaped(message) + "</blockquote>";
  std::size_t shown = 0;
  for (auto at = mine->body.find(quoted); at != std::string::npos; at = mine->body.find(quoted, at + 1)) {
    ++shown;
  }
  CHECK(shown == 4);

  // Judged already: the second reviewer is told who did it.
  auto again = post_form(*f.browser(f.moderator), "/fr/special/review",
                         FormFields{{"wpCsrf", f.moderator.csrf_token}, {"action", "approve"},
                                    {"wpRevision", std::to_string(edits[0])}});
  REQUIRE(again);
  CHECK(again->status == 409);
  CHECK(has(again->body, page_msg("fr", "review-error-already-reviewed",
                                  {{"reviewer", "Madame Martin"}})));
}

TEST_CASE("review page: each held edit says why it waits, the words marked in the diff") {
  ReviewFixture f;
  const auto base = f.server.save("fr", "Tortue verte", "Une petite tortue.\n\nElle nage.");
  auto& wiki = f.server.wiki();
  const auto ed = *wiki.edition("fr");
  const auto title = wiki.parse_title(ed, "Tortue verte").value();
  const auto lea = f.server.actor(f.pupil.user.id);
  // Two saves stacked: the first adds an address, the second a rude word in its summary.
  auto first = wiki.save(lea, ed, title,
                         {"Une petite tortue.\n\nElle nage.\n\nJ’habite au 12 rue des Lilas.",
                          "la tortue", base});
  REQUIRE(first.ok());
  auto second = wiki.save(
      lea, ed, title,
      {"Une petite tortue.\n\nElle nage.\n\nJ’habite au 12 rue des Lilas.\n\nElle mange.",
       "merde alors", first->revision_id});
  REQUIRE(second.ok());
  const auto clean = f.pending("Loup gris", "Un loup.", std::nullopt, f.pupil);
  auto res = f.as_teacher->Get("/fr/special/review");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const std::string held = between(res->body, "id=\"review-" + std::to_string(second->revision_id),
                                   "</section>");
  CHECK(has(held, page_msg("fr", "review-held-heading")));
  CHECK(has(held, page_msg("fr", "review-held-rule-address")));
  CHECK(has(held, page_msg("fr", "review-held-rule-word")));
  CHECK(has(held, page_msg("fr", "review-held-in-summary")));
  // The address is marked where it stands in the diff, inside the added words.
  CHECK(has(held, "<mark class=\"held\"><ins>12 rue des Lilas</ins></mark>"));
  // Both summaries, oldest first.
  const std::string summaries = between(held, "class=\"review-summaries\"", "</ol>");
  const auto first_summary = summaries.find("la tortue"), second_summary = summaries.find("merde alors");
  CHECK(first_summary != std::string::npos);
  CHECK(second_summary != std::string::npos);
  CHECK(first_summary < second_summary);
  // The page as readers will see it, rendered.
  CHECK(has(held, page_msg("fr", "review-show-rendered")));
  CHECK(has(held, "<p>J’habite au 12 rue des Lilas.</p>"));
  const std::string plain = between(res->body, "id=\"review-" + std::to_string(clean), "</section>");
  CHECK(has(plain, page_msg("fr", "review-held-none")));
  CHECK_FALSE(has(plain, "<mark"));
  CHECK_FALSE(has(plain, page_msg("fr", "review-held-heading")));
}
