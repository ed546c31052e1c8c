// The names of pages and pictures inside an offline copy, and the relative links between them
// (offline/src/plan/copy_paths.h): one row per case.
#include <doctest/doctest.h>

#include <string>

#include "plan/copy_paths.h"

using kidwiki::engine::FileInfo;
using kidwiki::engine::Namespace;
using kidwiki::engine::Title;
namespace offline = kidwiki::offline;

TEST_CASE("a page's path in a ZIM file and its file name in a folder") {
  struct Row {
    const char* title;
    const char* zim;
    const char* file;
  };
  const Row rows[] = {
      {"Lion", "Lion", "Lion.html"},
      {"Lion d'Afrique", "Lion_d'Afrique", "Lion_d'Afrique.html"},
      {"Éléphant", "Éléphant", "Éléphant.html"},
      {"AC/DC", "AC/DC", "AC_DC.html"},                         // a folder would split it
      {"Star Wars: épisode I", "Star_Wars:_épisode_I", "Star_Wars__épisode_I.html"},
      {"Pourquoi ? Comment !", "Pourquoi_?_Comment_!", "Pourquoi___Comment_!.html"},
      {"a\"b<c>d|e*f\\g", "a\"b<c>d|e*f\\g", "a_b_c_d_e_f_g.html"},  // what FAT refuses
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.title));
    const Title title{Namespace::article, row.title};
    CHECK(offline::zim_page_path(title) == row.zim);
    CHECK(offline::folder_page_name(title) == row.file);
  }
}

TEST_CASE("links inside a copy are relative to the page they are on") {
  struct Row {
    const char* from;
    const char* to;
    const char* href;
  };
  const Row rows[] = {
      {"Lion", "Zèbre", "./Z%C3%A8bre"},
      // "./" keeps a colon in the first segment from reading as a URL scheme.
      {"Lion", "Star_Wars:_épisode_I", "./Star_Wars:_%C3%A9pisode_I"},
      {"AC/DC", "Lion", "../Lion"},
      {"a/b/c", "_media/x-0.png", "../../_media/x-0.png"},
      {"wiki/Lion.html", "wiki/Lion_d'Afrique.html", "../wiki/Lion_d%27Afrique.html"},
      {"index.html", "wiki/Lion.html", "./wiki/Lion.html"},
      {"Lion", "a?b#c d", "./a%3Fb%23c%20d"},  // never a query, a fragment or a space
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.from) + " -> " + row.to);
    CHECK(offline::relative_href(row.from, row.to) == row.href);
  }
  CHECK(offline::root_of("Lion") == "./");
  CHECK(offline::root_of("wiki/Lion.html") == "../");
}

TEST_CASE("a picture's path names its bytes and its width") {
  FileInfo file;
  file.sha256 = std::string(64, 'a');
  file.format = "jpeg";
  CHECK(offline::picture_path("_media/", file, 220) == "_media/" + std::string(64, 'a') + "-220.jpg");
  file.format = "webp";
  CHECK(offline::picture_path("media/", file, 0) == "media/" + std::string(64, 'a') + "-0.webp");
}
