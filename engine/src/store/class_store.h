// Reading and writing classes and their pupils: the rows the policy decides scope with and
// Classes shows. Free functions over a connection, like page_store.h; writes run inside the
// caller's transaction on the writer.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/classes.h"
#include "store/database.h"

namespace kidwiki::engine {

std::optional<SchoolClass> find_class(db::Connection& c, std::int64_t class_id);
// A teacher's classes, or every class when `teacher_id` is empty; archived ones last.
std::vector<SchoolClass> classes_of(db::Connection& c, std::optional<std::int64_t> teacher_id);
// The teacher of the class `user_id` belongs to; empty for an account in no class.
std::optional<std::int64_t> teacher_of(db::Connection& c, std::int64_t user_id);
// The teachers whose pupils wrote a revision of the page, published or not.
std::vector<std::int64_t> teachers_of_writers(db::Connection& c, std::int64_t page_id);
// The pupils of every class `teacher_id` teaches, archived classes included (their pupils' edits
// may still wait for review).
std::vector<std::int64_t> pupils_of_teacher(db::Connection& c, std::int64_t teacher_id);
// The accounts of one class.
std::vector<std::int64_t> pupil_ids_of_class(db::Connection& c, std::int64_t class_id);
// Whether the class asks for its pupils' edits to be reviewed; true when there is no such class.
bool class_requires_review(db::Connection& c, std::int64_t class_id);

// Adds a class (not archived) writing in `edition_id`; returns its id. `cls.id`, `lang`,
// `teacher_name` and `archived` are ignored.
std::int64_t insert_class(db::Connection& c, const SchoolClass& cls, std::int64_t edition_id);
void set_class_archived(db::Connection& c, std::int64_t class_id, bool archived);

}  // namespace kidwiki::engine
