// A Wiki on a fresh temporary data directory, removed afterwards. The render worker is this test
// program itself (see tests/worker_main.cpp).
//
// Every engine call takes the actor it acts for: the fixture hands out the console (the server's
// operator, with an admin's powers and no account), a reader (anyone not logged in), and the
// actor of an account, read fresh from the engine each time (an actor is a snapshot: after a
// block or a change of role, ask again).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/wiki.h"

namespace kidwiki::testing {

inline std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kidwiki-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// The web layer's address scheme (web::page_address), which the engine tests cannot link: the
// rendering tests check links against it.
inline std::string test_page_address(const engine::Edition& ed, const engine::Title& title,
                                     bool exists) {
  const std::string path = "/" + ed.lang + "/wiki/" + engine::title_to_url(title, ed.names);
  return exists ? path : path + "?action=edit&redlink=1";
}

inline std::string test_media_address(const engine::FileInfo& file, int width) {
  return "/media/" + file.sha256 + "/" + (width ? std::to_string(width) : std::string("full"));
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
    options.page_address = test_page_address;
    options.media_address = test_media_address;
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

  // The server's operator: every power of an admin, no account.
  static engine::Actor console() { return engine::Actor::console(); }
  // Anyone not logged in.
  static engine::Actor reader() { return engine::Actor::reader(); }
  // The account's actor as its next request would see it (role, trust, block).
  engine::Actor actor(std::int64_t user_id) {
    auto found = wiki->accounts().actor(user_id);
    if (!found) throw std::runtime_error("no actor for account " + std::to_string(user_id));
    return *found;
  }
  // An account made from the console; returns its id.
  std::int64_t make_user(const std::string& name, engine::Role role,
                         std::optional<std::int64_t> class_id = std::nullopt,
                         const std::string& password = "password-1") {
    auto made = wiki->accounts().create_user(console(), name, password, role, class_id);
    if (!made) throw std::runtime_error("create_user " + name + ": " + made.error().message_id);
    return made->id;
  }

  // A save from the console (published at once unless a filter holds it).
  engine::Result<engine::SaveOutcome> save(const engine::Edition& ed, const std::string& title,
                                           const std::string& text,
                                           std::optional<std::int64_t> base = std::nullopt,
                                           const std::string& summary = "") {
    return save_as(console(), ed, title, text, base, summary);
  }
  engine::Result<engine::SaveOutcome> save_as(const engine::Actor& who, const engine::Edition& ed,
                                              const std::string& title, const std::string& text,
                                              std::optional<std::int64_t> base = std::nullopt,
                                              const std::string& summary = "") {
    return wiki->save(who, ed, this->title(ed, title), engine::SaveRequest{text, summary, base});
  }
  // What readers see of a page: its text, or "(none)".
  std::string reader_text(const engine::Edition& ed, const std::string& title) {
    auto view = wiki->read(reader(), ed, this->title(ed, title), true);
    return view ? view->markdown : std::string("(none)");
  }
};

}  // namespace kidwiki::testing
