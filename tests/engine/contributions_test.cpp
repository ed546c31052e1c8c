// Contributions: who wrote the words of a page (a blame through the diff engine, table-driven),
// an account's revisions as each actor may see them, and a class's summary for its teacher.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "contributions/word_attribution.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

struct BlameCase {
  const char* name;
  std::vector<std::pair<std::int64_t, std::string>> versions;  // author, plain text; oldest first
  std::map<std::int64_t, std::int64_t> expected;                // author -> words left
  bool first_is_origin = true;
};

const BlameCase kBlameCases[] = {
    {"the first version is all its author's", {{1, "One two three."}}, {{1, 3}}},
    {"added words are their writer's",
     {{1, "The cat sleeps."}, {2, "The cat sleeps all day long."}},
     {{1, 3}, {2, 3}}},
    {"deleted words count for nobody",
     {{1, "Lions hunt at night in groups."}, {2, "Lions hunt in groups."}},
     {{1, 4}}},
    {"a replaced word is the replacer's",
     {{1, "The elephant is grey and big."}, {2, "The elephant is black and big."}},
     {{1, 5}, {2, 1}}},
    {"a moved sentence stays its writer's",
     {{1, "Owls fly at night. They eat mice and insects."},
      {2, "They eat mice and insects. Owls fly at night."}},
     {{1, 9}}},
    {"a single moved word is the mover's (shorter than a moved run)",
     {{1, "red green blue"}, {2, "green blue red"}},
     {{1, 2}, {2, 1}}},
    {"a revert gives the words back to their writers",
     {{1, "Cats purr softly."},
      {2, "Cats purr softly when they are happy."},
      {3, "Nothing here."},
      {4, "Cats purr softly when they are happy."}},
     {{1, 3}, {2, 4}}},
    {"words written again after a deletion are the new writer's",
     {{1, "Bees make honey."}, {2, "Bees honey."}, {3, "Bees make honey and wax."}},
     {{1, 2}, {3, 3}}},
    {"a page with several authors",
     {{1, "Paris is a city."},
      {2, "Paris is a big city in France."},
      {3, "Paris is a huge city in France with many museums."},
      {1, "Paris is a huge city in France with many museums. It has a tower."}},
     {{1, 8}, {2, 2}, {3, 4}}},
    {"punctuation and markup are no words",
     {{1, "Hello world."}, {2, "Hello, world!!! * — (…)"}},
     {{1, 2}}},
    {"numbers are words",
     {{1, "The tower is tall."}, {2, "The tower is 330 metres tall."}},
     {{1, 4}, {2, 2}}},
    {"text older than the walk is nobody's",
     {{1, "one two"}, {2, "one two three"}},
     {{kNoAuthor, 2}, {2, 1}},
     false},
    {"an anonymous writer's words are nobody's",
     {{kNoAuthor, "Dogs bark."}, {5, "Dogs bark loudly."}},
     {{kNoAuthor, 2}, {5, 1}}},
    {"a blanked page has no words", {{1, "Some text."}, {2, ""}}, {}},
};

}  // namespace

TEST_CASE("attribute_words: who wrote the words of the last version") {
  for (const BlameCase& c : kBlameCases) {
    const std::string name = c.name;
    CAPTURE(name);
    std::vector<AttributedVersion> versions;
    for (const auto& [author, text] : c.versions) versions.push_back({author, text});
    const WordAttribution got = attribute_words(versions, "en", c.first_is_origin);
    std::map<std::int64_t, std::int64_t> by_author(got.words_by_author.begin(),
                                                   got.words_by_author.end());
    CHECK(by_author == c.expected);
    std::int64_t total = 0;
    for (const auto& [author, words] : c.expected) total += words;
    CHECK(got.total_words == total);
  }
}

TEST_CASE("attribute_words: nothing to walk, and ICU words in French") {
  CHECK(attribute_words({}, "fr").total_words == 0);
  // "l'éléphant" is one word for ICU in French; "d'Afrique" too.
  std::vector<AttributedVersion> versions = {{1, "Voici l'éléphant."},
                                             {2, "Voici l'éléphant d'Afrique."}};
  const WordAttribution got = attribute_words(versions, "fr");
  CHECK(got.total_words == 3);
  CHECK(got.words_by_author.at(1) == 2);
  CHECK(got.words_by_author.at(2) == 1);
}

TEST_CASE("attribute_words: a long history stays cheap and exact") {
  // 200 versions, each adding one sentence of its author's: every author keeps their five words.
  std::vector<std::string> texts;
  std::string text;
  for (int v = 0; v < 200; ++v) {
    text += "Sentence number " + std::to_string(v) + " by writer" + std::to_string(v % 7) + ". ";
    texts.push_back(text);
  }
  std::vector<AttributedVersion> versions;
  for (int v = 0; v < 200; ++v) versions.push_back({v % 7 + 1, texts[v]});
  const WordAttribution got = attribute_words(versions, "en");
  CHECK(got.total_words == 1000);
  std::int64_t sum = 0;
  for (const auto& [author, words] : got.words_by_author) {
    CHECK(author >= 1);
    CHECK(author <= 7);
    sum += words;
  }
  CHECK(sum == 1000);
  // Authors 1 and 2 wrote versions 0, 7, 14... and 1, 8, 15...: 29 sentences each.
  CHECK(got.words_by_author.at(1) == 29 * 5);
  CHECK(got.words_by_author.at(2) == 29 * 5);
}

namespace {

// A teacher's class (edits need review) with two pupils, another teacher's class with one pupil,
// and a moderator.
struct ContribFixture : WikiFixture {
  std::int64_t teacher = 0, other_teacher = 0, moderator = 0, class_id = 0, other_class = 0;
  std::int64_t lea = 0, noah = 0, zoe = 0;
  ContribFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    teacher = make_user("Mme Martin", Role::teacher);
    other_teacher = make_user("M Durand", Role::teacher);
    moderator = make_user("Modo", Role::moderator);
    class_id = wiki->classes().create_class(actor(teacher), "CM1", "fr", true).value().id;
    other_class = wiki->classes().create_class(actor(other_teacher), "CM2", "fr", true).value().id;
    lea = make_user("Léa", Role::pupil, class_id);
    noah = make_user("Noah", Role::pupil, class_id);
    zoe = make_user("Zoé", Role::pupil, other_class);
  }
  // A pupil's save, then the teacher's approval when `approve`.
  std::int64_t pupil_writes(std::int64_t pupil, const std::string& title, const std::string& text,
                            bool approve = true) {
    auto current = wiki->read_own(actor(pupil), fr, this->title(fr, title));
    std::optional<std::int64_t> base;
    if (current) base = current->revision.id;
    auto saved = save_as(actor(pupil), fr, title, text, base, "travail de groupe");
    REQUIRE(saved.ok());
    REQUIRE(saved->review == ReviewState::pending);
    if (approve) REQUIRE(wiki->approve(actor(teacher), fr, saved->revision_id).ok());
    return saved->revision_id;
  }
  std::vector<std::int64_t> listed(const Actor& who, std::int64_t account, int limit = 50) {
    auto page = wiki->contributions(who, account, limit, std::nullopt);
    REQUIRE(page.ok());
    std::vector<std::int64_t> ids;
    for (const auto& item : page->items) ids.push_back(item.info.id);
    return ids;
  }
};

PupilContributions pupil_in(const ClassContributions& c, std::int64_t id) {
  for (const auto& p : c.pupils) {
    if (p.pupil_id == id) return p;
  }
  FAIL("pupil not in the summary");
  return {};
}

}  // namespace

TEST_CASE("contributions: a pupil's pending edit exists only for them and their reviewers") {
  ContribFixture f;
  const auto published = f.pupil_writes(f.lea, "Chat", "Le chat dort.");
  const auto pending = f.pupil_writes(f.lea, "Chat", "Le chat dort beaucoup.", /*approve=*/false);

  CHECK(f.listed(f.reader(), f.lea) == std::vector<std::int64_t>{published});
  CHECK(f.listed(f.actor(f.noah), f.lea) == std::vector<std::int64_t>{published});
  CHECK(f.listed(f.actor(f.other_teacher), f.lea) == std::vector<std::int64_t>{published});
  const std::vector<std::int64_t> both = {pending, published};
  CHECK(f.listed(f.actor(f.lea), f.lea) == both);
  CHECK(f.listed(f.actor(f.teacher), f.lea) == both);
  CHECK(f.listed(f.actor(f.moderator), f.lea) == both);

  auto mine = f.wiki->contributions(f.actor(f.lea), f.lea, 50, std::nullopt);
  REQUIRE(mine.ok());
  REQUIRE(mine->items.size() == 2);
  CHECK(mine->items[0].info.review == ReviewState::pending);
  CHECK_FALSE(mine->items[0].is_current);
  CHECK(mine->items[1].is_current);
  CHECK(mine->items[1].lang == "fr");
  CHECK(mine->items[1].info.title.text == "Chat");
  CHECK(mine->items[1].info.summary == "travail de groupe");

  auto missing = f.wiki->contributions(f.reader(), 9999, 50, std::nullopt);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
}

TEST_CASE("contributions: pages of results, newest first") {
  ContribFixture f;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.insert(ids.begin(), f.pupil_writes(f.noah, "Page " + std::to_string(i), "Texte."));
  }
  auto first = f.wiki->contributions(f.reader(), f.noah, 2, std::nullopt);
  REQUIRE(first.ok());
  REQUIRE(first->items.size() == 2);
  CHECK(first->items[0].info.id == ids[0]);
  REQUIRE(first->next_before);
  auto second = f.wiki->contributions(f.reader(), f.noah, 2, first->next_before);
  REQUIRE(second.ok());
  CHECK(second->items[0].info.id == ids[2]);
  auto last = f.wiki->contributions(f.reader(), f.noah, 2, second->next_before);
  REQUIRE(last.ok());
  CHECK(last->items.size() == 1);
  CHECK_FALSE(last->next_before);
  // The limit is bounded rather than refused.
  CHECK(f.wiki->contributions(f.reader(), f.noah, 0, std::nullopt)->items.size() == 1);
}

TEST_CASE("contributions: hidden revisions and deleted pages are for moderators") {
  ContribFixture f;
  const auto kept = f.pupil_writes(f.lea, "Lion", "Le lion rugit.");
  const auto hidden = f.pupil_writes(f.lea, "Lion", "Le lion rugit fort.");
  const auto gone = f.pupil_writes(f.lea, "Tigre", "Le tigre nage.");
  REQUIRE(f.wiki->moderation().set_revision_hidden(f.actor(f.moderator), f.fr, hidden, true,
                                                   "numéro").ok());
  REQUIRE(f.wiki->moderation().delete_page(f.actor(f.moderator), f.fr, f.title(f.fr, "Tigre"),
                                           "doublon").ok());
  CHECK(f.listed(f.reader(), f.lea) == std::vector<std::int64_t>{kept});
  CHECK(f.listed(f.actor(f.teacher), f.lea) == std::vector<std::int64_t>{kept});
  CHECK(f.listed(f.actor(f.lea), f.lea) == std::vector<std::int64_t>{kept});
  const std::vector<std::int64_t> all = {gone, hidden, kept};
  CHECK(f.listed(f.actor(f.moderator), f.lea) == all);
  auto mods = f.wiki->contributions(f.actor(f.moderator), f.lea, 50, std::nullopt);
  CHECK(mods->items[0].page_deleted);
  CHECK(mods->items[1].info.hidden);
  CHECK_FALSE(mods->items[2].page_deleted);
  // The revision readers see now is the one before the hidden one.
  CHECK(mods->items[2].is_current);
}

TEST_CASE("class contributions: pages, edits and surviving words per pupil and per page") {
  ContribFixture f;
  f.pupil_writes(f.lea, "Chat", "Le chat dort sur le canapé.");        // 6 words
  f.pupil_writes(f.noah, "Chat", "Le chat dort sur le canapé. Il ronronne.");  // +2
  f.pupil_writes(f.lea, "Chien", "Le chien aboie.");                   // 3 words
  f.pupil_writes(f.noah, "Chien", "Le chien aboie fort.", /*approve=*/false);  // pending: no words
  f.save(f.fr, "Chat", "Le chat dort sur le canapé. Il ronronne. Un adulte ajoute ceci.",
         f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Chat"), false)->revision.id);

  auto summary = f.wiki->class_contributions(f.actor(f.teacher), f.class_id);
  REQUIRE(summary.ok());
  CHECK(summary->school_class.name == "CM1");
  CHECK_FALSE(summary->pages_left_out);
  REQUIRE(summary->pupils.size() == 2);
  CHECK(summary->pupils[0].name == "Léa");  // by name
  const auto lea = pupil_in(summary.value(), f.lea);
  CHECK(lea.edits == 2);
  CHECK(lea.pages.size() == 2);
  CHECK(lea.words == 9);
  const auto noah = pupil_in(summary.value(), f.noah);
  CHECK(noah.edits == 2);
  CHECK(noah.pages.size() == 2);
  CHECK(noah.words == 2);

  REQUIRE(summary->pages.size() == 2);
  const GroupPage& chien = summary->pages[0];  // edited last
  CHECK(chien.title.text == "Chien");
  CHECK(chien.total_words == 3);
  const GroupPage& chat = summary->pages[1];
  CHECK(chat.title.text == "Chat");
  CHECK(chat.total_words == 12);
  CHECK(chat.other_words == 4);  // the adult's words
  CHECK(chat.complete);
  REQUIRE(chat.pupils.size() == 2);
  CHECK(chat.pupils[0].pupil_id == f.lea);  // most words first
  CHECK(chat.pupils[0].words == 6);
  CHECK(chat.pupils[1].words == 2);

  // Moderators and admins see it too.
  CHECK(f.wiki->class_contributions(f.actor(f.moderator), f.class_id).ok());
  CHECK(f.wiki->class_contributions(f.console(), f.class_id).ok());
}

TEST_CASE("class contributions: only for those who may see the class") {
  ContribFixture f;
  f.pupil_writes(f.lea, "Chat", "Le chat dort.");
  auto other = f.wiki->class_contributions(f.actor(f.other_teacher), f.class_id);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == ErrorCode::forbidden);
  CHECK(other.error().message_id == "error-class-forbidden");
  auto pupil = f.wiki->class_contributions(f.actor(f.lea), f.class_id);
  REQUIRE_FALSE(pupil.ok());
  CHECK(pupil.error().code == ErrorCode::forbidden);
  auto reader = f.wiki->class_contributions(f.reader(), f.class_id);
  REQUIRE_FALSE(reader.ok());
  auto missing = f.wiki->class_contributions(f.actor(f.teacher), 9999);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
  // A class with no pupil has an empty summary.
  auto empty_class = f.wiki->classes().create_class(f.actor(f.teacher), "CP", "fr", true);
  auto empty = f.wiki->class_contributions(f.actor(f.teacher), empty_class->id);
  REQUIRE(empty.ok());
  CHECK(empty->pupils.empty());
  CHECK(empty->pages.empty());
}

TEST_CASE("class contributions: a page edited after the summary is attributed again") {
  ContribFixture f;
  f.pupil_writes(f.lea, "Ours", "L'ours dort l'hiver.");
  auto before = f.wiki->class_contributions(f.actor(f.teacher), f.class_id);
  CHECK(pupil_in(before.value(), f.noah).words == 0);
  f.pupil_writes(f.noah, "Ours", "L'ours dort l'hiver dans sa grotte.");
  auto after = f.wiki->class_contributions(f.actor(f.teacher), f.class_id);
  CHECK(pupil_in(after.value(), f.noah).words == 3);
  CHECK(pupil_in(after.value(), f.lea).words == 3);
  // A deleted page counts for nobody.
  REQUIRE(f.wiki->moderation().delete_page(f.actor(f.moderator), f.fr, f.title(f.fr, "Ours"),
                                           "essai").ok());
  auto deleted = f.wiki->class_contributions(f.actor(f.teacher), f.class_id);
  CHECK(deleted->pages.empty());
  CHECK(pupil_in(deleted.value(), f.lea).edits == 0);
}

TEST_CASE("class contributions: a long history is read from its last versions only") {
  ContribFixture f;
  f.pupil_writes(f.lea, "Long", "Alpha beta gamma.");
  std::string text = "Alpha beta gamma.";
  // kMaxAttributionVersions adult versions after Léa's: hers is older than the walk.
  for (int i = 0; i < kMaxAttributionVersions; ++i) {
    text += " mot" + std::to_string(i);
    auto current = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Long"), false);
    REQUIRE(f.save(f.fr, "Long", text, current->revision.id).ok());
  }
  f.pupil_writes(f.noah, "Long", text + " delta");
  auto summary = f.wiki->class_contributions(f.actor(f.teacher), f.class_id);
  REQUIRE(summary.ok());
  REQUIRE(summary->pages.size() == 1);
  const GroupPage& page = summary->pages[0];
  CHECK_FALSE(page.complete);
  CHECK(page.total_words == 3 + kMaxAttributionVersions + 1);
  CHECK(page.other_words == page.total_words - 1);
  CHECK(pupil_in(summary.value(), f.lea).words == 0);  // older than the walk: "older text"
  CHECK(pupil_in(summary.value(), f.lea).edits == 1);
  CHECK(pupil_in(summary.value(), f.noah).words == 1);
}
