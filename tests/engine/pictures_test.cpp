// Pictures as pages (engine/files.h): an upload is a revision of a file page carrying a cleaned
// image; it waits for review like text, only those who may see its revision get its bytes, a
// description edit keeps the picture, a revert brings an old one back, and articles show the
// picture readers see with its sizes, or a red link to its upload.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(KIDWIKI_IMAGES_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct PictureFixture : WikiFixture {
  std::int64_t teacher = 0, class_id = 0, pupil = 0;
  PictureFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    teacher = make_user("Mme Martin", Role::teacher);
    class_id = wiki->classes().create_class(actor(teacher), "CM1", "fr", true).value().id;
    pupil = make_user("Léa", Role::pupil, class_id);
  }
  Result<SaveOutcome> upload(const Actor& who, const std::string& name, const std::string& bytes,
                             const std::string& description = "Un lion.") {
    UploadRequest r;
    r.bytes = bytes;
    r.content_type = "image/jpeg";
    r.description = description;
    r.confirmed_nothing_personal = true;
    return wiki->upload(who, fr, title(fr, name), r);
  }
  std::optional<FileInfo> file_readers_see(const std::string& name) {
    auto view = wiki->read(reader(), fr, title(fr, name), true);
    return view ? view->file : std::nullopt;
  }
};

bool starts_with_bytes(const std::filesystem::path& path, std::string_view magic) {
  std::ifstream in(path, std::ios::binary);
  std::string head(magic.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return head == magic;
}

}  // namespace

TEST_CASE("a picture's title lives in the File namespace, under its local and English names") {
  WikiFixture f;
  CHECK(f.title(f.fr, "Fichier:Lion.jpg") == Title{Namespace::file, "Lion.jpg"});
  CHECK(f.title(f.fr, "File:Lion.jpg") == Title{Namespace::file, "Lion.jpg"});
  CHECK(f.title(f.fr, "image:lion.jpg") == Title{Namespace::file, "Lion.jpg"});
  CHECK(full_title(Title{Namespace::file, "Lion.jpg"}, f.fr.names) == "Fichier:Lion.jpg");
  CHECK(full_title(Title{Namespace::file, "Lion.jpg"}, f.en.names) == "File:Lion.jpg");
}

TEST_CASE("an upload is refused before anything is stored when its request is wrong") {
  PictureFixture f;
  const std::string photo = fixture("phone.jpg");
  struct Case {
    const char* name;
    const char* title;
    bool confirmed;
    const char* licence;
    ErrorCode code;
    const char* message_id;
  };
  const Case cases[] = {
      {"an article's title", "Lion", true, "", ErrorCode::invalid_title, "upload-error-bad-name"},
      {"a file without a picture's ending", "Fichier:Lion.pdf", true, "", ErrorCode::invalid_title,
       "upload-error-bad-name"},
      {"no confirmation", "Fichier:Lion.jpg", false, "", ErrorCode::invalid_input,
       "upload-error-confirm"},
      {"an unknown licence", "Fichier:Lion.jpg", true, "all-rights-reserved",
       ErrorCode::invalid_input, "upload-error-licence"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    UploadRequest r;
    r.bytes = photo;
    r.content_type = "image/jpeg";
    r.confirmed_nothing_personal = c.confirmed;
    r.licence = c.licence;
    auto up = f.wiki->upload(f.console(), f.fr, f.title(f.fr, c.title), r);
    REQUIRE_FALSE(up.ok());
    CHECK(up.error().code == c.code);
    CHECK(up.error().message_id == c.message_id);
  }
  CHECK_FALSE(std::filesystem::exists(f.dir / "media"));
  SUBCASE("a reader may not upload: refused before any decoding") {
    UploadRequest r;
    r.bytes = "not a picture at all";
    r.confirmed_nothing_personal = true;
    auto up = f.wiki->upload(f.reader(), f.fr, f.title(f.fr, "Fichier:Lion.jpg"), r);
    REQUIRE_FALSE(up.ok());
    CHECK(up.error().code == ErrorCode::not_logged_in);
  }
  SUBCASE("bytes that are no picture are refused as such") {
    UploadRequest r;
    r.bytes = fixture("pdf-named.jpg");
    r.content_type = "image/jpeg";
    r.confirmed_nothing_personal = true;
    auto up = f.wiki->upload(f.console(), f.fr, f.title(f.fr, "Fichier:Lion.jpg"), r);
    REQUIRE_FALSE(up.ok());
    CHECK(up.error().code == ErrorCode::unsupported_type);
    CHECK_FALSE(f.wiki->exists(f.fr, f.title(f.fr, "Fichier:Lion.jpg")));
  }
}

TEST_CASE("a pupil's picture waits for review; only its author and teacher see its bytes") {
  PictureFixture f;
  auto up = f.upload(f.actor(f.pupil), "Fichier:Lion.jpg", fixture("phone.jpg"));
  REQUIRE(up.ok());
  CHECK(up->review == ReviewState::pending);
  CHECK_FALSE(f.file_readers_see("Fichier:Lion.jpg"));

  auto own = f.wiki->read_own(f.actor(f.pupil), f.fr, f.title(f.fr, "Fichier:Lion.jpg"));
  REQUIRE(own.ok());
  REQUIRE(own->file);
  const FileInfo file = *own->file;
  CHECK(file.format == "jpeg");
  CHECK(file.sha256.size() == 64);
  CHECK(file.licence == "cc-by-sa-4.0");
  CHECK(file.author == "Léa");  // the uploader's name unless they name someone else
  CHECK(file.width > 0);
  CHECK(file.height > 0);

  // The stored bytes are the cleaned picture, never the upload.
  auto mine = f.wiki->media(f.actor(f.pupil), file.sha256, 0);
  REQUIRE(mine.ok());
  CHECK_FALSE(mine->is_public);
  CHECK(std::filesystem::file_size(mine->path) == static_cast<std::uintmax_t>(file.bytes));
  CHECK(starts_with_bytes(mine->path, "\xFF\xD8\xFF"));
  std::ifstream stored(mine->path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(stored), std::istreambuf_iterator<char>()};
  CHECK(bytes != fixture("phone.jpg"));
  CHECK(bytes.find("Exif") == std::string::npos);

  CHECK(f.wiki->media(f.actor(f.teacher), file.sha256, 0).ok());
  auto hidden = f.wiki->media(f.reader(), file.sha256, 0);
  REQUIRE_FALSE(hidden.ok());
  CHECK(hidden.error().code == ErrorCode::not_found);

  REQUIRE(f.wiki->approve(f.actor(f.teacher), f.fr, up->revision_id).ok());
  auto seen = f.file_readers_see("Fichier:Lion.jpg");
  REQUIRE(seen);
  CHECK(seen->sha256 == file.sha256);
  auto pub = f.wiki->media(f.reader(), file.sha256, 0);
  REQUIRE(pub.ok());
  CHECK(pub->is_public);
}

TEST_CASE("resized copies are WebP, made once, never wider than the picture") {
  PictureFixture f;
  REQUIRE(f.upload(f.console(), "Fichier:Lion.jpg", fixture("phone.jpg")).ok());
  const FileInfo file = *f.file_readers_see("Fichier:Lion.jpg");
  for (const int width : kPictureWidths) {
    CAPTURE(width);
    auto copy = f.wiki->media(f.reader(), file.sha256, width);
    REQUIRE(copy.ok());
    if (width < file.width) {
      CHECK(copy->content_type == "image/webp");
      CHECK(starts_with_bytes(copy->path, "RIFF"));
      const auto made = std::filesystem::last_write_time(copy->path);
      auto again = f.wiki->media(f.reader(), file.sha256, width);
      REQUIRE(again.ok());
      CHECK(std::filesystem::last_write_time(again->path) == made);
    } else {
      CHECK(copy->content_type == "image/jpeg");  // the picture itself
    }
  }
  struct Bad {
    const char* name;
    std::string sha;
    int width;
  };
  const Bad bad[] = {{"a width not offered", file.sha256, 300},
                     {"not a hash", "../../etc/passwd", 0},
                     {"upper-case hex", std::string(64, 'A'), 0},
                     {"an unknown hash", std::string(64, 'a'), 0}};
  for (const Bad& b : bad) {
    CAPTURE(b.name);
    auto refused = f.wiki->media(f.reader(), b.sha, b.width);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::not_found);
  }
}

TEST_CASE("a description edit keeps the picture; a revert brings an old picture back") {
  PictureFixture f;
  auto first = f.upload(f.console(), "Fichier:Lion.jpg", fixture("phone.jpg"));
  REQUIRE(first.ok());
  const std::string first_sha = f.file_readers_see("Fichier:Lion.jpg")->sha256;
  auto edited = f.save(f.fr, "Fichier:Lion.jpg", "Un lion qui dort.", first->revision_id);
  REQUIRE(edited.ok());
  CHECK(f.file_readers_see("Fichier:Lion.jpg")->sha256 == first_sha);

  UploadRequest second;
  second.bytes = fixture("profile.png");
  second.content_type = "image/png";
  second.confirmed_nothing_personal = true;
  second.licence = "cc0";
  auto replaced = f.wiki->upload(f.console(), f.fr, f.title(f.fr, "Fichier:Lion.jpg"), second);
  REQUIRE(replaced.ok());
  auto now = f.file_readers_see("Fichier:Lion.jpg");
  REQUIRE(now);
  CHECK(now->sha256 != first_sha);
  CHECK(now->format == "png");
  CHECK(now->licence == "cc0");
  CHECK(f.reader_text(f.fr, "Fichier:Lion.jpg") == "Un lion qui dort.");  // the text stays

  REQUIRE(f.wiki->revert(f.console(), f.fr, f.title(f.fr, "Fichier:Lion.jpg"), edited->revision_id, "")
              .ok());
  CHECK(f.file_readers_see("Fichier:Lion.jpg")->sha256 == first_sha);
}

TEST_CASE("an article shows the picture readers see, with its sizes, or a red link to upload it") {
  PictureFixture f;
  auto saved = f.save(f.fr, "Savane", "![Un lion au repos](Fichier:Lion.jpg)\n\nTexte.");
  CAPTURE(saved.ok() ? std::string() : saved.error().message_id);
  REQUIRE(saved.ok());
  auto before = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Savane"), true);
  REQUIRE(before.ok());
  CHECK(before->html.find("class=\"new\"") != std::string::npos);
  CHECK(before->html.find("<img") == std::string::npos);
  const auto generation = f.wiki->view_generation(f.fr, f.title(f.fr, "Savane"));

  REQUIRE(f.upload(f.console(), "Fichier:Lion.jpg", fixture("phone.jpg")).ok());
  CHECK(f.wiki->view_generation(f.fr, f.title(f.fr, "Savane")) != generation);
  const FileInfo file = *f.file_readers_see("Fichier:Lion.jpg");
  auto after = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Savane"), true);
  REQUIRE(after.ok());
  const std::string& html = after->html;
  CAPTURE(html);
  CHECK(html.find("<figure class=\"picture\">") != std::string::npos);
  CHECK(html.find("<figcaption>Un lion au repos</figcaption>") != std::string::npos);
  CHECK(html.find("alt=\"Un lion au repos\"") != std::string::npos);
  CHECK(html.find("/media/" + file.sha256) != std::string::npos);
  CHECK(html.find("loading=\"lazy\"") != std::string::npos);
  CHECK(html.find("width=\"") != std::string::npos);
  CHECK(html.find("href=\"/fr/wiki/Fichier:Lion.jpg\"") != std::string::npos);
  // Where it is used: the article links to the file page.
  bool listed = false;
  for (const auto& entry : f.wiki->backlinks(f.fr, f.title(f.fr, "Fichier:Lion.jpg"))) {
    listed = listed || entry.title.text == "Savane";
  }
  CHECK(listed);
}

TEST_CASE("a picture moves only to another picture's name") {
  PictureFixture f;
  REQUIRE(f.upload(f.console(), "Fichier:Lion.jpg", fixture("phone.jpg")).ok());
  const std::string sha = f.file_readers_see("Fichier:Lion.jpg")->sha256;
  auto out = f.wiki->move(f.console(), f.fr, f.title(f.fr, "Fichier:Lion.jpg"), MoveRequest{"Lion", true, ""});
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().message_id == "move-error-file-name");
  REQUIRE(f.wiki->move(f.console(), f.fr, f.title(f.fr, "Fichier:Lion.jpg"),
                       MoveRequest{"Fichier:Lion d'Afrique.jpg", true, ""})
              .ok());
  auto moved = f.file_readers_see("Fichier:Lion d'Afrique.jpg");
  REQUIRE(moved);
  CHECK(moved->sha256 == sha);
}

TEST_CASE("a picture's Markdown becomes a placeholder, a figure when it stands alone") {
  WikiFixture f;
  const RenderContext context = f.wiki->render_context(f.fr);
  struct Case {
    const char* name;
    const char* markdown;
    const char* html;
  };
  const Case cases[] = {
      {"alone: a figure with its caption", "![Un lion](Fichier:Lion.jpg)",
       "<figure class=\"picture\"><img data-wf=\"Lion.jpg\" alt=\"Un lion\"><figcaption>Un lion</figcaption></figure>\n"},
      {"among words: inline, no caption", "Voici ![un lion](File:Lion.jpg) qui dort.",
       "<p>Voici <img data-wf=\"Lion.jpg\" alt=\"un lion\"> qui dort.</p>\n"},
      {"spaces in brackets", "![A](<File:Lion au repos.jpg>)",
       "<figure class=\"picture\"><img data-wf=\"Lion au repos.jpg\" alt=\"A\"><figcaption>A</figcaption></figure>\n"},
      {"underscores and percent signs", "![A](File:Lion_au%20repos.jpg)",
       "<figure class=\"picture\"><img data-wf=\"Lion au repos.jpg\" alt=\"A\"><figcaption>A</figcaption></figure>\n"},
      {"no caption", "![](Image:Lion.jpg)",
       "<figure class=\"picture\"><img data-wf=\"Lion.jpg\" alt=\"\"></figure>\n"},
      {"a caption's markup is read as text", "![Un *grand* `lion` <b>](Fichier:Lion.jpg)",
       "<figure class=\"picture\"><img data-wf=\"Lion.jpg\" alt=\"Un grand lion \"><figcaption>Un grand lion </figcaption></figure>\n"},
      {"a caption cannot close the attribute", "![\"><script>x</script>](Fichier:Lion.jpg)",
       "<figure class=\"picture\"><img data-wf=\"Lion.jpg\" alt=\"&quot;&gt;x\"><figcaption>&quot;&gt;x</figcaption></figure>\n"},
      {"a link inside the caption goes with it", "![voir [Lion](/fr/wiki/Lion)](Fichier:Lion.jpg)",
       "<figure class=\"picture\"><img data-wf=\"Lion.jpg\" alt=\"voir Lion\"><figcaption>voir Lion</figcaption></figure>\n"},
      {"an article's title is no picture", "![x](Lion)", "<p>x</p>\n"},
      {"a refused title is no picture", "![x](File:Li<on.jpg)", "<p>x</p>\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto rendered = render_markdown(c.markdown, context);
    REQUIRE(rendered.ok());
    CHECK(rendered->html == c.html);
  }
  auto rendered = render_markdown("![a](Fichier:Lion.jpg) ![b](File:Lion.jpg)", context);
  REQUIRE(rendered.ok());
  REQUIRE(rendered->links.size() == 1);
  CHECK(rendered->links[0] == Title{Namespace::file, "Lion.jpg"});
}
