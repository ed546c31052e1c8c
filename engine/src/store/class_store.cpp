#include "store/class_store.h"

namespace kidwiki::engine {
namespace {

constexpr const char* kClassColumns =
    "SELECT c.id, c.name, e.lang, c.teacher_id, COALESCE(u.name, ''), c.review_required,"
    " c.archived, c.created_at FROM class c JOIN edition e ON e.id = c.edition_id"
    " LEFT JOIN user u ON u.id = c.teacher_id ";

SchoolClass read_class(const db::Query& st) {
  SchoolClass c;
  c.id = st.int64(0);
  c.name = st.text(1);
  c.lang = st.text(2);
  c.teacher_id = st.int64(3);
  c.teacher_name = st.text(4);
  c.review_required = st.int64(5) != 0;
  c.archived = st.int64(6) != 0;
  c.created_at = st.text(7);
  return c;
}

std::vector<std::int64_t> ids_of(db::Query& st) {
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.int64(0));
  return ids;
}

}  // namespace

std::optional<SchoolClass> find_class(db::Connection& c, std::int64_t class_id) {
  auto st = c.prepare(std::string(kClassColumns) + "WHERE c.id = ?");
  st.bind(1, class_id);
  if (!st.step()) return std::nullopt;
  return read_class(st);
}

std::vector<SchoolClass> classes_of(db::Connection& c, std::optional<std::int64_t> teacher_id) {
  auto st = c.prepare(std::string(kClassColumns) +
                      "WHERE ?1 IS NULL OR c.teacher_id = ?1 ORDER BY c.archived, c.id");
  st.bind(1, teacher_id);
  std::vector<SchoolClass> out;
  while (st.step()) out.push_back(read_class(st));
  return out;
}

std::optional<std::int64_t> teacher_of(db::Connection& c, std::int64_t user_id) {
  auto st = c.prepare(
      "SELECT c.teacher_id FROM user u JOIN class c ON c.id = u.class_id WHERE u.id = ?");
  st.bind(1, user_id);
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

std::vector<std::int64_t> teachers_of_writers(db::Connection& c, std::int64_t page_id) {
  auto st = c.prepare(
      "SELECT DISTINCT c.teacher_id FROM revision r JOIN user u ON u.id = r.author_id"
      " JOIN class c ON c.id = u.class_id WHERE r.page_id = ?");
  st.bind(1, page_id);
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.int64(0));
  return ids;
}

std::vector<std::int64_t> pupils_of_teacher(db::Connection& c, std::int64_t teacher_id) {
  auto st = c.prepare(
      "SELECT u.id FROM user u JOIN class c ON c.id = u.class_id WHERE c.teacher_id = ?"
      " ORDER BY u.id");
  st.bind(1, teacher_id);
  return ids_of(st);
}

std::vector<std::int64_t> pupil_ids_of_class(db::Connection& c, std::int64_t class_id) {
  auto st = c.prepare("SELECT id FROM user WHERE class_id = ? ORDER BY id");
  st.bind(1, class_id);
  return ids_of(st);
}

bool class_requires_review(db::Connection& c, std::int64_t class_id) {
  auto st = c.prepare("SELECT review_required FROM class WHERE id = ?");
  st.bind(1, class_id);
  return !st.step() || st.int64(0) != 0;
}

std::int64_t insert_class(db::Connection& c, const SchoolClass& cls, std::int64_t edition_id) {
  c.prepare("INSERT INTO class (name, edition_id, teacher_id, review_required, archived,"
            " created_at) VALUES (?, ?, ?, ?, 0, ?)")
      .bind(1, cls.name).bind(2, edition_id).bind(3, cls.teacher_id)
      .bind(4, std::int64_t{cls.review_required}).bind(5, cls.created_at).run();
  return c.last_insert_id();
}

void set_class_archived(db::Connection& c, std::int64_t class_id, bool archived) {
  c.prepare("UPDATE class SET archived = ? WHERE id = ?")
      .bind(1, std::int64_t{archived}).bind(2, class_id).run();
}

}  // namespace kidwiki::engine
