// Every setting of the engine, with its default.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "engine/render.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct Edition;

// The address a link in assembled HTML points to: the page when it exists, else the place to
// create it (a red link). The engine builds no URL of its own: the web layer supplies its scheme.
// An empty address leaves the link without href: plain text (an export without that page).
using PageAddress =
    std::function<std::string(const Edition& edition, const Title& title, bool exists)>;

struct FileInfo;

// The address of a picture's bytes: `width` 0 for the image itself, else one of kPictureWidths
// (files.h). Supplied by the web layer, like PageAddress.
using MediaAddress = std::function<std::string(const FileInfo& file, int width)>;

struct Options {
  // Where the database (kidwiki.sqlite3) and the search indexes live.
  std::filesystem::path data_dir = "kidwiki-data";
  // A database with no editions gets fr and en; with seed_demo, also their demo articles.
  bool seed_demo = true;
  // Largest Markdown text accepted in a save or preview (413 above).
  std::size_t max_markdown_bytes = 2 * 1024 * 1024;
  // Largest edit summary, in bytes.
  std::size_t max_summary_bytes = 1000;
  // Largest picture accepted in an upload (413 above): a 12-megapixel phone photo is 3 to 6 MiB.
  std::size_t max_upload_bytes = 10 * 1024 * 1024;
  // Most pixels a picture may have, read from its header before anything is decoded, so that a
  // small file announcing a huge image (a decompression bomb) is refused without memory.
  std::uint64_t max_upload_pixels = 50'000'000;
  // How user text is rendered: a worker process under these limits.
  SandboxLimits render_limits = {{"/proc/self/exe", "render-worker"}};
  // How many render workers run at once, and how long saves and previews wait for one.
  RenderQueueLimits render_queue;
  // Read-only connections kept open for page views (the single writer is separate).
  int reader_connections = 8;
  // Revisions per page of history and recent changes when the caller asks for more.
  int max_list_limit = 500;
  // Caps the database's size in pages of 4 KiB; 0 means no cap. Tests use it to make the disk
  // "full" and check that a failed save writes nothing.
  long max_database_pages = 0;
  // The wiki's clock for the rules that depend on the hour (lesson windows): seconds since
  // 1970 UTC. Empty: the system's clock. Tests set it to a Monday 09:00 or a holiday.
  std::function<std::int64_t()> clock;
  // How long a login lasts: a school day and then some.
  int session_hours = 12;
  // argon2id cost of a password hash (libsodium's "interactive" level). Tests lower it.
  unsigned long long password_ops = 2;
  unsigned long long password_memory_bytes = 64ULL * 1024 * 1024;
  // Where the links of page views point (web::page_address for the server). Required when the
  // wiki's pages are viewed: without it, assembling a view's links is a programming error.
  PageAddress page_address;
  // Where the pictures of page views are fetched from (web::media_address for the server).
  // Required, as page_address, once a page shows a picture.
  MediaAddress media_address;
};

}  // namespace kidwiki::engine
