// The web layer keeps only HTTP (issue 9): it passes who is asking to the engine and never
// decides a rule for minors itself. These checks read the sources, so that a later "quick fix"
// that puts a decision back in web/ fails here.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Source {
  std::string path;  // relative to web/src
  std::string text;
};

std::vector<Source> web_sources() {
  const fs::path root = fs::path(KIDWIKI_SOURCE_DIR) / "web" / "src";
  std::vector<Source> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    out.push_back({fs::relative(entry.path(), root).generic_string(), buffer.str()});
  }
  return out;
}

bool in_command_line(const Source& s) { return s.path.starts_with("cli/"); }

}  // namespace

TEST_CASE("layering: the web layer finds its sources") {
  CHECK(web_sources().size() > 50);  // the checks below must not pass by reading nothing
}

TEST_CASE("layering: only the command line acts as the console") {
  for (const auto& source : web_sources()) {
    if (in_command_line(source)) continue;
    CAPTURE(source.path);
    CHECK(source.text.find("Actor::console") == std::string::npos);
  }
}

TEST_CASE("layering: no review, visibility or scope decision in web/") {
  // The names the engine's policy answers to (engine/src/policy/), and the flags and scopes the
  // engine used to take from its callers. The web asks Actor::may (the table's answer) and the
  // engine calls that act; it never computes these itself.
  const char* const decisions[] = {
      "needs_review",  "ReviewScope",      "RevisionScope", "review_scope", "revision_visibility",
      "pupils_of_teacher", "may_review_author", "audit_scope", "engine::allowed(", "who_is(",
      "teacher_id ==", "teacher_id !=",    "== engine::Role::admin", "review_state =",
  };
  for (const auto& source : web_sources()) {
    CAPTURE(source.path);
    for (const char* name : decisions) {
      CAPTURE(std::string(name));
      CHECK(source.text.find(name) == std::string::npos);
    }
  }
}

TEST_CASE("layering: SQL and the review-state strings stay in the engine's store") {
  for (const auto& source : web_sources()) {
    CAPTURE(source.path);
    CHECK(source.text.find("SELECT ") == std::string::npos);
    CHECK(source.text.find("sqlite3") == std::string::npos);
  }
}
