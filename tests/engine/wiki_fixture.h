// A Wiki on a fresh temporary data directory, removed afterwards. The render worker is this test
// program itself (see tests/worker_main.cpp).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "engine/wiki.h"

namespace kidwiki::testing {

inline std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kidwiki-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

struct WikiFixture {
  std::filesystem::path dir = make_temp_dir();
  engine::Options options;
  std::unique_ptr<engine::Wiki> wiki;
  engine::Edition fr, en;

  explicit WikiFixture(bool seed_demo = false, long max_pages = 0, bool fast_passwords = false) {
    options.data_dir = dir;
    if (fast_passwords) {  // argon2id's smallest cost: the tests check behaviour, not strength
      options.password_ops = 1;
      options.password_memory_bytes = 8192;
    }
    options.seed_demo = seed_demo;
    options.max_database_pages = max_pages;
    options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
    reopen();
  }
  ~WikiFixture() {
    wiki.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  void reopen() {
    wiki.reset();
    auto opened = engine::Wiki::open(options);
    if (!opened) throw std::runtime_error("open failed: " + opened.error().message_id);
    wiki = std::move(opened).value();
    fr = *wiki->edition("fr");
    en = *wiki->edition("en");
  }
  engine::Title title(const engine::Edition& ed, const std::string& raw) {
    return wiki->parse_title(ed, raw).value();
  }
  engine::Result<engine::SaveOutcome> save(const engine::Edition& ed, const std::string& title,
                                           const std::string& text,
                                           std::optional<std::int64_t> base = std::nullopt,
                                           const std::string& summary = "") {
    return wiki->save(ed, this->title(ed, title), engine::SaveRequest{text, summary, base});
  }
};

}  // namespace kidwiki::testing
