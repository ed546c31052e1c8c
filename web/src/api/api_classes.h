// The JSON API of classes (docs/api.md, "Classes"): a teacher's classes, their pupils, and what a
// teacher does to them. Who may: engine::Action::manage_class (teachers and admins), and a teacher
// only for their own classes and pupils (403 otherwise); the engine checks the scope again.
// Answers that carry passwords are never cached (Cache-Control: no-store).
#pragma once

#include <cstdint>
#include <string>

#include <httplib.h>

#include "http/access.h"
#include "engine/classes.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// POST /api/v1/classes {name, lang, review_required?}: 201 with the class.
void api_classes_create(const Call& call);
// GET /api/v1/classes: {classes: [...]}, the caller's own (every class for an admin).
void api_classes_list(const Call& call);
// GET /api/v1/classes/{id}: {class, pupils: [{id, username, trusted, disabled}], lesson_window}.
void api_class_get(const Call& call);
// PUT /api/v1/classes/{id}/lesson-window {mode, slots?, holidays?}: the lesson window with its
// state now. A body with `mode` alone is the class page's one button (the slots and holidays
// stay); otherwise the window is replaced, absent lists staying as they were.
void api_class_lesson_window(const Call& call);
// POST /api/v1/classes/{id}/pupils {names: [...]} or {count: N}: 201 {pupils: [{id, username,
// password}]}, the only time these passwords are shown.
void api_class_add_pupils(const Call& call);
// POST /api/v1/classes/{id}/archive {archived}: the class.
void api_class_archive(const Call& call);
// POST /api/v1/classes/{id}/pack {category} or {titles: [...]}: the class's offline pack, a ZIM
// file (application/x-zim, as an attachment); the class's teacher and admins only.
void api_class_pack(const Call& call);
// POST /api/v1/pupils/{id}/password: {id, username, password}.
void api_pupil_password(const Call& call);
// POST /api/v1/pupils/{id}/unlock: forgets the wrong passwords typed for the pupil.
void api_pupil_unlock(const Call& call);
// POST /api/v1/pupils/{id}/trusted {trusted} and /disabled {disabled}: the pupil.
void api_pupil_trusted(const Call& call);
void api_pupil_disabled(const Call& call);

}  // namespace kidwiki::web
