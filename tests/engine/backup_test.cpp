// Backups and restores (engine/backup.h): a backup taken while pages are saved is one moment of
// the wiki; a damaged, truncated or foreign archive is refused before the data folder is touched;
// a backup that cannot be written, or is stopped, leaves no file under its name; SQLite 3.40's
// false integrity report does not fool the check, and a real problem still does not pass it.
#include "engine/backup.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include "backup/backup_manifest.h"
#include "backup/sha256_stream.h"
#include "backup/tar_archive.h"
#include "disk/durable_writes.h"
#include "store/database.h"
#include "store/database_check.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::make_temp_dir;
using kidwiki::testing::WikiFixture;
namespace fs = std::filesystem;

namespace {

constexpr const char* kVersion = "test-1";

// Enough pages that the copy takes several steps of 256 database pages: a table of filler
// written while the wiki is closed (the wiki keeps one writer while it is open).
void add_filler(WikiFixture& f, int megabytes) {
  f.wiki.reset();
  {
    db::Connection c(f.dir / "kidwiki.sqlite3", db::Connection::Mode::read_write);
    c.exec("CREATE TABLE test_filler (b BLOB)");
    for (int i = 0; i < megabytes; ++i)
      c.exec("INSERT INTO test_filler VALUES (zeroblob(1048576))");
  }
  f.reopen();
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A wiki opened on a restored folder, with the fixture's settings.
std::unique_ptr<Wiki> open_restored(const WikiFixture& f, const fs::path& dir) {
  Options options = f.options;
  options.data_dir = dir;
  auto opened = Wiki::open(options);
  REQUIRE(opened.ok());
  return std::move(opened).value();
}

std::string text_of(Wiki& wiki, const Edition& ed, const std::string& raw) {
  auto view = wiki.read(Actor::reader(), ed, wiki.parse_title(ed, raw).value(), true);
  return view ? view->markdown : std::string("(none)");
}

// The members of an archive, in order, with their bytes.
std::vector<std::pair<std::string, std::string>> members(const fs::path& archive) {
  std::vector<std::pair<std::string, std::string>> all;
  TarReader reader(archive);
  while (auto entry = reader.next()) {
    std::string bytes;
    reader.read([&](std::string_view b) {
      bytes.append(b);
      return true;
    });
    all.emplace_back(entry->name, std::move(bytes));
  }
  return all;
}

void write_members(const fs::path& archive,
                   const std::vector<std::pair<std::string, std::string>>& all) {
  disk::OwnedFd file{disk::create_new(archive)};
  {
    TarWriter writer(file.fd, "none");
    for (const auto& [name, bytes] : all) writer.add_bytes(name, bytes);
    writer.finish();
  }
  disk::sync_and_close(file.release(), archive);
}

std::string sha256_of(std::string_view bytes) {
  Sha256Stream s;
  s.update(bytes);
  return s.hex();
}

// A manifest rewritten to match `all` (so that only what the case changes is wrong).
std::string manifest_for(const std::vector<std::pair<std::string, std::string>>& all,
                         const Manifest& base) {
  Manifest m = base;
  m.files.clear();
  for (const auto& [name, bytes] : all) {
    if (name != kManifestName) m.files.push_back({name, bytes.size(), sha256_of(bytes)});
  }
  return manifest_json(m);
}

}  // namespace

TEST_CASE("a backup taken while another thread saves pages restores one moment of the wiki" *
          doctest::timeout(180)) {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Le [[lion]] est un [[félin]].").ok());
  add_filler(f, 4);  // about 1,000 database pages: four steps or more

  std::atomic<int> committed{0};
  std::atomic<bool> done{false};
  std::thread saver([&] {
    for (int i = 1; !done.load(); ++i) {
      if (!f.save(f.fr, "Compteur " + std::to_string(i), "Texte " + std::to_string(i)).ok()) {
        FAIL_CHECK("save " << i << " failed");  // REQUIRE would throw out of the thread
        return;
      }
      committed.store(i);
    }
  });
  // Each step of the copy waits for a save to commit, so writes land between the steps.
  int seen = 0;
  int first_seen = -1;
  BackupProgress progress;
  progress.step = [&](std::string_view phase, std::uint64_t, std::uint64_t) {
    if (phase != "database") return;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (committed.load() == seen && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    seen = committed.load();
    if (first_seen < 0) first_seen = seen;
  };
  // The copy's moment comes after a first save, so that it holds some of the saver's pages.
  while (committed.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const fs::path out_dir = make_temp_dir();
  const fs::path out = out_dir / "wiki.tar.gz";
  auto backup = write_backup(f.dir, out, kVersion, progress);
  done = true;
  saver.join();
  REQUIRE(backup.ok());
  CHECK(seen > first_seen);  // saves did commit while the copy went on

  const fs::path restored = out_dir / "restored";
  auto restore = restore_backup(out, restored, false);
  REQUIRE(restore.ok());
  auto wiki = open_restored(f, restored);
  const Edition fr = *wiki->edition("fr");
  // One moment: the pages saved before it, each with its text, and none saved after it.
  int k = 0;
  while (text_of(*wiki, fr, "Compteur " + std::to_string(k + 1)) ==
         "Texte " + std::to_string(k + 1)) {
    ++k;
  }
  CHECK(k >= 1);
  CHECK(k <= first_seen);  // taken before the first step ended
  for (int i = k + 1; i <= committed.load(); ++i) {
    CHECK(text_of(*wiki, fr, "Compteur " + std::to_string(i)) == "(none)");
  }
  CHECK(text_of(*wiki, fr, "Lion") == "Le [[lion]] est un [[félin]].");
  CHECK(restore->pages == backup->pages);
  CHECK(restore->revisions == backup->revisions);
  CHECK(static_cast<int>(wiki->page_ids(fr).size()) == k + 1);
  CHECK(backup->kidwiki_version == kVersion);
  CHECK(names_in(out_dir) == std::vector<std::string>{"restored", "wiki.tar.gz"});
  fs::remove_all(out_dir);
}

TEST_CASE("a backup holds the database, the pictures' originals and a manifest, not the index") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Un lion.").ok());
  const fs::path original = f.dir / "media" / "originals" / "ab" / (std::string(64, 'a') + ".jpg");
  fs::create_directories(original.parent_path());
  write_file(original, "picture bytes");
  write_file(original.string() + ".tmp-XYZ", "half a picture");  // being written: not yet a file
  fs::create_directories(f.dir / "media" / "variants" / "ab");
  write_file(f.dir / "media" / "variants" / "ab" / "x-320.webp", "a resized copy");
  fs::create_directories(f.dir / "search" / "fr");
  write_file(f.dir / "search" / "fr" / "index", "xapian");

  const fs::path out_dir = make_temp_dir();
  auto backup = write_backup(f.dir, out_dir / "b.tar", kVersion);
  REQUIRE(backup.ok());
  std::vector<std::string> names;
  for (const auto& [name, bytes] : members(out_dir / "b.tar")) names.push_back(name);
  CHECK(names == std::vector<std::string>{"kidwiki.sqlite3",
                                          "media/originals/ab/" + std::string(64, 'a') + ".jpg",
                                          "manifest.json"});
  auto manifest = parse_manifest(members(out_dir / "b.tar").back().second);
  REQUIRE(manifest);
  CHECK(manifest->kidwiki_version == kVersion);
  CHECK(manifest->pages == backup->pages);
  CHECK(manifest->files.size() == 2);
  CHECK(manifest->files[1].sha256 == sha256_of("picture bytes"));
  CHECK(manifest->files[1].size == 13);

  const fs::path restored = out_dir / "restored";
  REQUIRE(restore_backup(out_dir / "b.tar", restored, false).ok());
  CHECK(read_file(restored / "media" / "originals" / "ab" / (std::string(64, 'a') + ".jpg")) ==
        "picture bytes");
  CHECK_FALSE(fs::exists(restored / "search"));
  fs::remove_all(out_dir);
}

TEST_CASE("a damaged, truncated or foreign archive is refused and nothing is written") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Un lion.").ok());
  const fs::path dir = make_temp_dir();
  REQUIRE(write_backup(f.dir, dir / "good.tar", kVersion).ok());
  const auto good = members(dir / "good.tar");
  const Manifest base = *parse_manifest(good.back().second);
  const std::string good_bytes = read_file(dir / "good.tar");

  using Members = std::vector<std::pair<std::string, std::string>>;
  auto without = [&](const std::string& name) {
    Members m;
    for (const auto& member : good) {
      if (member.first != name) m.push_back(member);
    }
    return m;
  };
  auto with_extra = [&](const std::string& name) {
    Members m = without("manifest.json");
    m.emplace_back(name, "extra");
    m.emplace_back("manifest.json", manifest_for(m, base));
    return m;
  };
  auto damaged_database = [&] {
    Members m = good;
    m[0].second[m[0].second.size() / 2] ^= 0x5a;  // the manifest still has the old checksum
    return m;
  };
  auto garbage_database = [&] {
    Members m = without("manifest.json");
    m[0].second = std::string(8192, 'x');
    m.emplace_back("manifest.json", manifest_for(m, base));
    return m;
  };
  auto other_counts = [&] {
    Manifest m = base;
    m.pages += 1;
    Members all = without("manifest.json");
    all.emplace_back("manifest.json", "");
    all.back().second = manifest_for(all, m);
    return all;
  };

  auto newer_schema = [&] {
    Manifest m = base;
    m.schema_version = 999;
    Members all = without("manifest.json");
    all.emplace_back("manifest.json", manifest_for(all, m));
    return all;
  };

  struct Case {
    const char* name;
    std::function<void(const fs::path&)> make;
    const char* message_id;
  };
  const std::vector<Case> cases = {
      {"no manifest", [&](const fs::path& p) { write_members(p, without("manifest.json")); },
       "backup-error-no-manifest"},
      {"a manifest that is not ours",
       [&](const fs::path& p) {
         Members m = without("manifest.json");
         m.emplace_back("manifest.json", R"({"format": "something-else"})");
         write_members(p, m);
       },
       "backup-error-bad-manifest"},
      {"a byte changed in the database",
       [&](const fs::path& p) { write_members(p, damaged_database()); }, "backup-error-checksum"},
      {"a listed file missing",
       [&](const fs::path& p) {
         Members m = without("kidwiki.sqlite3");
         write_members(p, m);
       },
       "backup-error-missing-file"},
      {"a file the manifest does not list",
       [&](const fs::path& p) {
         Members m = good;
         m.insert(m.begin() + 1, {"media/originals/zz/extra.jpg", "x"});
         write_members(p, m);
       },
       "backup-error-unexpected-file"},
      {"a path outside the data folder",
       [&](const fs::path& p) { write_members(p, with_extra("media/originals/../../evil")); },
       "backup-error-unexpected-file"},
      {"a file outside the backup's folders",
       [&](const fs::path& p) { write_members(p, with_extra("search/fr/iamchert.glass")); },
       "backup-error-unexpected-file"},
      {"a database that is not one, listed with its checksum",
       [&](const fs::path& p) { write_members(p, garbage_database()); },
       "backup-error-damaged-database"},
      {"counts that are not the database's",
       [&](const fs::path& p) { write_members(p, other_counts()); }, "backup-error-counts"},
      {"a backup from a newer kidwiki",
       [&](const fs::path& p) { write_members(p, newer_schema()); }, "backup-error-newer-schema"},
      {"the archive cut in half",
       [&](const fs::path& p) { write_file(p, good_bytes.substr(0, good_bytes.size() / 2)); },
       "backup-error-unreadable"},
      {"not an archive", [&](const fs::path& p) { write_file(p, "Hello, this is a letter.\n"); },
       "backup-error-unreadable"},
      {"an empty file", [&](const fs::path& p) { write_file(p, ""); }, "backup-error-unreadable"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.name));
    const fs::path archive = dir / "case.tar";
    fs::remove(archive);
    c.make(archive);
    const fs::path target = dir / "target";
    auto restored = restore_backup(archive, target, false);
    REQUIRE_FALSE(restored.ok());
    CHECK(restored.error().message_id == std::string(c.message_id));
    CHECK_FALSE(fs::exists(target));
    CHECK(names_in(dir) == std::vector<std::string>{"case.tar", "good.tar"});
  }
  fs::remove_all(dir);
}

TEST_CASE("a restore into a folder that holds something needs --force, which keeps the old one") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Un lion.").ok());
  const fs::path dir = make_temp_dir();
  REQUIRE(write_backup(f.dir, dir / "b.tar.xz", kVersion).ok());
  const fs::path target = dir / "wiki";
  fs::create_directories(target);
  write_file(target / "kidwiki.sqlite3", "the old wiki");

  auto refused = restore_backup(dir / "b.tar.xz", target, false);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::exists);
  CHECK(read_file(target / "kidwiki.sqlite3") == "the old wiki");

  REQUIRE(restore_backup(dir / "b.tar.xz", target, true).ok());
  auto names = names_in(dir);
  REQUIRE(names.size() == 3);
  CHECK(names[0] == "b.tar.xz");
  CHECK(names[1] == "wiki");
  CHECK(names[2].rfind("wiki.before-restore-", 0) == 0);
  CHECK(read_file(dir / names[2] / "kidwiki.sqlite3") == "the old wiki");
  auto wiki = open_restored(f, target);
  CHECK(text_of(*wiki, *wiki->edition("fr"), "Lion") == "Un lion.");

  SUBCASE("an empty folder is no wiki: restored into without --force") {
    const fs::path empty = dir / "empty";
    fs::create_directories(empty);
    CHECK(restore_backup(dir / "b.tar.xz", empty, false).ok());
    CHECK(fs::exists(empty / "kidwiki.sqlite3"));
  }
  fs::remove_all(dir);
}

TEST_CASE("a backup that cannot be written or is stopped leaves no file under its name") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Un lion.").ok());
  add_filler(f, 2);
  const fs::path dir = make_temp_dir();

  SUBCASE("a folder that does not exist") {
    auto backup = write_backup(f.dir, dir / "missing" / "b.tar", kVersion);
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().code == ErrorCode::storage);
    CHECK(backup.error().message_id == "backup-error-write");
  }
  SUBCASE("a 'folder' that is a file") {
    write_file(dir / "plain", "x");
    auto backup = write_backup(f.dir, dir / "plain" / "b.tar", kVersion);
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().message_id == "backup-error-write");
    fs::remove(dir / "plain");
  }
  SUBCASE("a full disk, during the database's copy and during the archive") {
    // A picture of 1 MiB makes the archive that much larger than the database's copy, so that a
    // limit between the two fails the archive after the copy succeeded.
    const fs::path picture = f.dir / "media" / "originals" / "cd" / "picture.jpg";
    fs::create_directories(picture.parent_path());
    write_file(picture, std::string(1024 * 1024, 'p'));
    REQUIRE(write_backup(f.dir, dir / "sizes.tar", kVersion).ok());
    const auto copy_size = parse_manifest(members(dir / "sizes.tar").back().second)->files[0].size;
    fs::remove(dir / "sizes.tar");
    // The process's file size limit stands for a full disk: writes past it fail with EFBIG.
    for (rlim_t limit : {rlim_t{256 * 1024}, rlim_t{copy_size + 512 * 1024}}) {
      CAPTURE(limit);
      rlimit old{};
      REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
      auto* previous = signal(SIGXFSZ, SIG_IGN);
      rlimit small = old;
      small.rlim_cur = limit;
      REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
      auto backup = write_backup(f.dir, dir / "b.tar", kVersion);
      setrlimit(RLIMIT_FSIZE, &old);
      signal(SIGXFSZ, previous);
      REQUIRE_FALSE(backup.ok());
      CHECK(backup.error().message_id == "backup-error-write");
      CHECK(names_in(dir).empty());
    }
  }
  SUBCASE("stopped (Ctrl-C) after the first step") {
    BackupProgress progress;
    int steps = 0;
    progress.step = [&](std::string_view, std::uint64_t, std::uint64_t) { ++steps; };
    progress.stop = [&] { return steps > 0; };
    auto backup = write_backup(f.dir, dir / "b.tar", kVersion, progress);
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().message_id == "backup-error-interrupted");
  }
  SUBCASE("a name that says no archive format") {
    auto backup = write_backup(f.dir, dir / "b.zip", kVersion);
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().code == ErrorCode::invalid_input);
  }
  SUBCASE("no wiki to back up") {
    auto backup = write_backup(dir, dir / "b.tar", kVersion);
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().code == ErrorCode::not_found);
  }
  CHECK(names_in(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("an existing backup is replaced only by a complete one") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Un lion.").ok());
  const fs::path dir = make_temp_dir();
  write_file(dir / "b.tar", "last night's backup");
  BackupProgress stop_at_once;
  stop_at_once.stop = [] { return true; };
  REQUIRE_FALSE(write_backup(f.dir, dir / "b.tar", kVersion, stop_at_once).ok());
  CHECK(read_file(dir / "b.tar") == "last night's backup");
  REQUIRE(write_backup(f.dir, dir / "b.tar", kVersion).ok());
  CHECK(members(dir / "b.tar").back().first == "manifest.json");
  CHECK(names_in(dir) == std::vector<std::string>{"b.tar"});
  fs::remove_all(dir);
}

TEST_CASE("the integrity check is not fooled by SQLite 3.40's false NULL report") {
  WikiFixture f;
  // Links fill page_link, the WITHOUT ROWID table of the report.
  REQUIRE(f.save(f.fr, "Lion", "Le [[lion]] est un [[félin]] de la [[savane]].").ok());
  f.wiki.reset();
  db::Connection c(f.dir / "kidwiki.sqlite3", db::Connection::Mode::read_write);
  int false_reports = 0;
  {
    auto raw = c.prepare("PRAGMA integrity_check");
    while (raw.step()) false_reports += raw.text(0) == "NULL value in page_link.edition_id";
  }
  MESSAGE("raw integrity_check lines about page_link.edition_id: " << false_reports);
  CHECK(db::database_problems(c).empty());

  SUBCASE("a NULL that is really there is still a problem") {
    // A NOT NULL column holding a NULL, as a damaged file would: the table is made without the
    // constraint, filled, and its recorded schema then edited to say NOT NULL.
    c.exec(
        "CREATE TABLE test_pairs (a INTEGER NOT NULL, b INTEGER, PRIMARY KEY (a)) WITHOUT ROWID");
    c.exec("INSERT INTO test_pairs VALUES (1, NULL)");
    c.exec("PRAGMA writable_schema = ON");
    c.exec(
        "UPDATE sqlite_schema SET sql = replace(sql, 'b INTEGER,', 'b INTEGER NOT NULL,')"
        " WHERE name = 'test_pairs'");
    c.exec("PRAGMA writable_schema = OFF");
    db::Connection again(f.dir / "kidwiki.sqlite3", db::Connection::Mode::read_only);
    CHECK(db::database_problems(again) == std::vector<std::string>{"NULL value in test_pairs.b"});
  }
  SUBCASE("a rowid table's NULL report is never dropped") {
    c.exec("CREATE TABLE test_rows (a INTEGER, b INTEGER)");
    c.exec("INSERT INTO test_rows VALUES (1, NULL)");
    c.exec("PRAGMA writable_schema = ON");
    c.exec(
        "UPDATE sqlite_schema SET sql = replace(sql, 'b INTEGER)', 'b INTEGER NOT NULL)')"
        " WHERE name = 'test_rows'");
    c.exec("PRAGMA writable_schema = OFF");
    db::Connection again(f.dir / "kidwiki.sqlite3", db::Connection::Mode::read_only);
    CHECK(db::database_problems(again) == std::vector<std::string>{"NULL value in test_rows.b"});
  }
}

TEST_CASE("only the database and the pictures' originals may be restored") {
  struct Row {
    const char* path;
    bool restorable;
  };
  const Row rows[] = {
      {"kidwiki.sqlite3", true},
      {"media/originals/ab/abcdef.jpg", true},
      {"media/originals/ab/", false},
      {"media/originals/", false},
      {"media/originals/../../etc/passwd", false},
      {"media/originals/./a.jpg", false},
      {"media/originals//a.jpg", false},
      {"/kidwiki.sqlite3", false},
      {"./kidwiki.sqlite3", false},
      {"kidwiki.sqlite3-wal", false},
      {"media/variants/ab/x-320.webp", false},
      {"search/fr/postlist.glass", false},
      {"manifest.json", false},
      {"", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CHECK(restorable_path(row.path) == row.restorable);
  }
}

TEST_CASE("a manifest is read back as written, and a malformed one is refused") {
  Manifest m{1,
             "0.1.0",
             "2026-12-06T22:00:00Z",
             9,
             12,
             34,
             {{"kidwiki.sqlite3", 4096, std::string(64, 'c')}}};
  auto back = parse_manifest(manifest_json(m));
  REQUIRE(back);
  CHECK(back->pages == 12);
  CHECK(back->revisions == 34);
  CHECK(back->files.at(0).sha256 == std::string(64, 'c'));
  const std::string good = manifest_json(m);
  auto edited = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  const std::vector<std::string> bad = {"",
                                        "{",
                                        "[]",
                                        "null",
                                        edited("kidwiki-backup", "other"),
                                        edited("\"format_version\": 1", "\"format_version\": 2"),
                                        edited("\"pages\": 12", "\"pages\": -1"),
                                        edited("\"pages\": 12", "\"pages\": \"12\""),
                                        edited(std::string(64, 'c'), std::string(63, 'c')),
                                        edited(std::string(64, 'c'), std::string(64, 'C')),
                                        edited("\"kidwiki.sqlite3\"", "\"../kidwiki.sqlite3\""),
                                        edited("\"size\": 4096", "\"size\": 4.5")};
  for (const auto& text : bad) {
    CAPTURE(text);
    CHECK_FALSE(parse_manifest(text));
  }
}

TEST_CASE("a restore of randomly damaged archives refuses them or restores the same bytes" *
          doctest::timeout(300)) {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Le [[lion]] est un [[félin]].").ok());
  const fs::path dir = make_temp_dir();
  for (const char* name : {"good.tar", "good.tar.gz"}) {
    CAPTURE(name);
    REQUIRE(write_backup(f.dir, dir / name, kVersion).ok());
    const std::string good = read_file(dir / name);
    const std::string database = members(dir / "good.tar").front().second;
    std::mt19937 random(20261206);
    for (int round = 0; round < 60; ++round) {
      CAPTURE(round);
      std::string bytes = good;
      // A few bytes changed anywhere, and sometimes the end cut off.
      const int changes = 1 + static_cast<int>(random() % 4);
      for (int i = 0; i < changes; ++i) {
        bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
      }
      if (random() % 4 == 0) bytes.resize(random() % bytes.size());
      const fs::path archive = dir / ("fuzzed-" + std::string(name));
      write_file(archive, bytes);
      const fs::path target = dir / "target";
      auto restored = restore_backup(archive, target, false);
      if (restored.ok()) {
        CHECK(read_file(target / "kidwiki.sqlite3") == database);
        fs::remove_all(target);
      } else {
        CHECK(restored.error().code == ErrorCode::unprocessable);
        CHECK_FALSE(fs::exists(target));
      }
      fs::remove(archive);
    }
  }
  fs::remove_all(dir);
}
