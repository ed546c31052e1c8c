// Discussions kept in a talk page's Markdown: parsing topics and signed comments, adding a topic
// or a reply in the right place, finding the replies a new version adds; and Wiki::add_comment.
#include "talk/talk_thread.h"

#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

const std::string kSigLea = talk_signature("Léa", "6 décembre 2026 à 20:30");
const std::string kSigTom = talk_signature("Tom_b", "6 décembre 2026 à 20:35");
const std::string kSigZoe = talk_signature("Zoé", "6 décembre 2026 à 20:40");

std::string shape(std::string_view text) {
  std::string out;
  for (const auto& topic : parse_talk(text)) {
    out += "[" + topic.title + "]";
    for (const auto& c : topic.comments) out += " " + c.author + "@" + std::to_string(c.depth);
  }
  return out;
}

}  // namespace

TEST_CASE("talk pages parse into topics and signed comments with their depth") {
  struct Case {
    const char* name;
    std::string text;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"empty", "", ""},
      {"text without signatures is no comment", "Bonjour.\n\n## Sujet\n\nRien.\n", "[Sujet]"},
      {"an opening comment and nested replies",
       "## Les volcans\n\nOù est l’Etna ?" + kSigLea + "\n\n- En Sicile." + kSigTom +
           "\n  - Merci !" + kSigLea + "\n- Et le Vésuve ?" + kSigZoe + "\n",
       "[Les volcans] Léa@0 Tom_b@1 Léa@2 Zoé@1"},
      {"a comment of two paragraphs", "## A\n\nUn.\n\nDeux." + kSigLea + "\n", "[A] Léa@0"},
      {"text before the first heading is a topic of its own", "Salut" + kSigZoe + "\n\n## B\n",
       "[] Zoé@0[B]"},
      {"a line that ends like a signature is read as one, as MediaWiki reads a typed one",
       "## C\n\nLe chat — **noir**, vraiment.\n", "[C] noir@0"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(shape(c.text) == c.expected);
  }
}

TEST_CASE("a signature escapes Markdown in the name and reads back the same") {
  CHECK(kSigTom == " — **Tom\\_b**, 6 décembre 2026 à 20:35");
  auto topics = parse_talk("## X\n\nSalut" + kSigTom + "\n");
  REQUIRE(topics.size() == 1);
  REQUIRE(topics[0].comments.size() == 1);
  CHECK(topics[0].comments[0].author == "Tom_b");
  CHECK(topics[0].comments[0].signed_at == "6 décembre 2026 à 20:35");
}

TEST_CASE("a new topic goes at the end; its text cannot open a heading or a list") {
  const std::string text = with_topic("Intro.\n\n\n", "Les volcans", "# Titre\n- point\n\n\n2. deux\nfin", kSigLea);
  CHECK(text == "Intro.\n\n## Les volcans\n\n\\# Titre\n\\- point\n\n2\\. deux\nfin" + kSigLea + "\n");
  CHECK(shape(text) == "[Les volcans] Léa@0");
  CHECK(with_topic("", "S", "Bonjour", kSigZoe) == "## S\n\nBonjour" + kSigZoe + "\n");
  CHECK(with_topic("", "S", "Bonjour ~~~~\n", kSigZoe) == "## S\n\nBonjour" + kSigZoe + "\n");
}

TEST_CASE("a reply goes under what it answers, after the replies already there") {
  std::string text = with_topic("", "Les volcans", "Où est l’Etna ?", kSigLea);
  const std::string opener = "Léa\n6 décembre 2026 à 20:30";
  auto first = with_reply(text, opener, "En Sicile.", kSigTom);
  REQUIRE(first);
  CHECK(*first == "## Les volcans\n\nOù est l’Etna ?" + kSigLea + "\n\n- En Sicile." + kSigTom + "\n");
  auto nested = with_reply(*first, "Tom_b\n6 décembre 2026 à 20:35", "Merci !\n\nVraiment.", kSigLea);
  REQUIRE(nested);
  auto second = with_reply(*nested, opener, "Et le Vésuve ?", kSigZoe);
  REQUIRE(second);
  CHECK(*second == "## Les volcans\n\nOù est l’Etna ?" + kSigLea + "\n\n- En Sicile." + kSigTom +
                       "\n  - Merci !\n\n    Vraiment." + kSigLea + "\n- Et le Vésuve ?" + kSigZoe +
                       "\n");
  CHECK(shape(*second) == "[Les volcans] Léa@0 Tom_b@1 Léa@2 Zoé@1");
  CHECK_FALSE(with_reply(*second, "Personne\nhier", "?", kSigZoe));
  // Text written after the thread by editing the page stays out of the reply.
  auto before_text = with_reply(text + "Une note.\n", opener, "Oui.", kSigTom);
  REQUIRE(before_text);
  CHECK(shape(*before_text) == "[Les volcans] Léa@0 Tom_b@1");
  CHECK(before_text->find("- Oui." + kSigTom + "\n\nUne note.") != std::string::npos);
}

TEST_CASE("new_replies names who was answered by whom") {
  const std::string text = with_topic("", "T", "Question", kSigLea);
  const std::string one = *with_reply(text, "Léa\n6 décembre 2026 à 20:30", "Réponse", kSigTom);
  auto replies = new_replies(text, one);
  REQUIRE(replies.size() == 1);
  CHECK(replies[0].to == "Léa");
  CHECK(replies[0].by == "Tom_b");
  CHECK(new_replies(one, one).empty());
  CHECK(new_replies("", text).empty());  // a new topic answers nobody
}

TEST_CASE("parsing a long or hostile talk page stays linear and never fails") {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "## T" + std::to_string(i) + "\n\n" + std::string(i % 7, ' ') + "- x — **" +
            std::string(i % 5, '*') + "**, \n" + "Texte" + kSigLea + "\n";
  }
  const auto topics = parse_talk(text);
  CHECK(topics.size() == 2000);
  CHECK(new_replies(text, text).empty());
}

TEST_CASE("add_comment signs, places and saves like any edit, and tells who was answered") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  const auto cls = f.wiki->classes().create_class(f.actor(teacher), "CM1", "fr", true).value().id;
  const auto lea = f.make_user("Léa", Role::pupil, cls);
  const auto tom = f.make_user("Tom", Role::pupil, cls);
  f.save(f.fr, "Volcan", "Un volcan.");
  const auto talk = f.title(f.fr, "Discussion:Volcan");
  auto topic = f.wiki->add_comment(f.actor(lea), f.fr, talk, {"L’Etna", "", "Où est l’Etna ?"});
  REQUIRE(topic.ok());
  CHECK(topic->review == ReviewState::pending);
  REQUIRE(f.wiki->approve(f.actor(teacher), f.fr, topic->revision_id).ok());
  auto page = f.wiki->read(WikiFixture::reader(), f.fr, talk, false);
  REQUIRE(page.ok());
  auto topics = parse_talk(page->markdown);
  REQUIRE(topics.size() == 1);
  CHECK(topics[0].title == "L’Etna");
  REQUIRE(topics[0].comments.size() == 1);
  CHECK(topics[0].comments[0].author == "Léa");
  CHECK(page->revision.summary.find("L’Etna") != std::string::npos);
  // As a browser sends it: the line break of the id as "\r\n".
  std::string id = topics[0].comments[0].id();
  id.replace(id.find('\n'), 1, "\r\n");
  auto reply = f.wiki->add_comment(f.actor(tom), f.fr, talk, {"", id, "En Sicile !"});
  REQUIRE(reply.ok());
  // Léa hears of the reply only once it is published.
  auto told = [&] {
    int n = 0;
    for (const auto& x : f.wiki->notifications().list(f.actor(lea), 50, std::nullopt).value()) {
      if (x.kind == NotificationKind::talk_reply) ++n;
    }
    return n;
  };
  CHECK(told() == 0);
  REQUIRE(f.wiki->approve(f.actor(teacher), f.fr, reply->revision_id).ok());
  CHECK(told() == 1);
  // The refusals.
  CHECK(f.wiki->add_comment(WikiFixture::reader(), f.fr, talk, {"S", "", "x"}).error().code ==
        ErrorCode::not_logged_in);
  CHECK(f.wiki->add_comment(f.actor(lea), f.fr, f.title(f.fr, "Volcan"), {"S", "", "x"})
            .error().message_id == "talk-error-not-talk-page");
  CHECK(f.wiki->add_comment(f.actor(lea), f.fr, talk, {"S", "", "  \n"}).error().message_id ==
        "talk-error-empty");
  CHECK(f.wiki->add_comment(f.actor(lea), f.fr, talk, {"", "", "x"}).error().message_id ==
        "talk-error-subject");
  CHECK(f.wiki->add_comment(f.actor(lea), f.fr, talk, {"a\nb", "", "x"}).error().message_id ==
        "talk-error-subject");
  auto gone = f.wiki->add_comment(f.actor(lea), f.fr, talk, {"", "Personne\nhier", "x"});
  CHECK(gone.error().code == ErrorCode::conflict);
  CHECK(gone.error().message_id == "talk-error-comment-gone");
  // The filters apply to comments as to any text.
  auto phone = f.wiki->add_comment(f.actor(lea), f.fr, talk, {"Tel", "", "Appelle le 06 12 34 56 78"});
  CHECK(phone.error().code == ErrorCode::unprocessable);
}
