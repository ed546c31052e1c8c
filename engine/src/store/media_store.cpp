#include "store/media_store.h"

#include "store/clock.h"

namespace kidwiki::engine {

void attach_file(db::Connection& c, std::int64_t revision_id, const FileInfo& file) {
  c.prepare(
       "INSERT OR IGNORE INTO media_file (sha256, format, width, height, bytes, created_at)"
       " VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, file.sha256)
      .bind(2, file.format)
      .bind(3, std::int64_t{file.width})
      .bind(4, std::int64_t{file.height})
      .bind(5, file.bytes)
      .bind(6, now_iso8601())
      .run();
  c.prepare(
       "INSERT INTO revision_file (revision_id, sha256, licence, author, source)"
       " VALUES (?, ?, ?, ?, ?)")
      .bind(1, revision_id)
      .bind(2, file.sha256)
      .bind(3, file.licence)
      .bind(4, file.author)
      .bind(5, file.source)
      .run();
}

std::optional<FileInfo> file_of_revision(db::Connection& c, std::int64_t revision_id) {
  auto st = c.prepare(
      "SELECT m.sha256, m.format, m.width, m.height, m.bytes, f.licence, f.author, f.source"
      " FROM revision_file f JOIN media_file m ON m.sha256 = f.sha256 WHERE f.revision_id = ?");
  st.bind(1, revision_id);
  if (!st.step()) return std::nullopt;
  FileInfo file;
  file.sha256 = st.text(0);
  file.format = st.text(1);
  file.width = static_cast<int>(st.int64(2));
  file.height = static_cast<int>(st.int64(3));
  file.bytes = st.int64(4);
  file.licence = st.text(5);
  file.author = st.text(6);
  file.source = st.text(7);
  return file;
}

std::optional<FileInfo> visible_picture(db::Connection& c, std::int64_t edition_id,
                                        const std::string& name) {
  auto st = c.prepare(
      "SELECT p.visible_revision_id FROM page p JOIN revision r ON r.id = p.visible_revision_id"
      " WHERE p.edition_id = ? AND p.ns = 6 AND p.title = ? AND p.deleted_at IS NULL"
      " AND r.hidden = 0");
  st.bind(1, edition_id).bind(2, name);
  if (!st.step()) return std::nullopt;
  const std::int64_t revision_id = st.int64(0);
  return file_of_revision(c, revision_id);
}

std::vector<std::int64_t> revisions_with_image(db::Connection& c, const std::string& sha256) {
  auto st = c.prepare("SELECT revision_id FROM revision_file WHERE sha256 = ? ORDER BY revision_id");
  st.bind(1, sha256);
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.int64(0));
  return ids;
}

std::optional<std::string> image_format(db::Connection& c, const std::string& sha256) {
  auto st = c.prepare("SELECT format FROM media_file WHERE sha256 = ?");
  st.bind(1, sha256);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

}  // namespace kidwiki::engine
