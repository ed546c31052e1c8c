// Classes in the HTML interface: a teacher's classes and the form to create one, the class
// dashboard (pupils, their recent edits and review state, the buttons that change them), the
// printable login cards, and the admins' page for staff accounts. Who may: as api_classes.h.
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// html_classes.cpp. GET /{lang}/special/classes: the caller's classes and the create form.
// POST creates a class (wpName, wpLang, wpReview) and answers 303 to its dashboard.
void html_classes_page(const Call& call);
void html_classes_submit(const Call& call);

// html_class.cpp. GET /{lang}/special/class/{id}: the dashboard. POST with wpAction=pupils
// (wpNames, one first name a line, or wpCount pseudonyms) answers the login cards of the new
// pupils; wpAction=archive|unarchive answers 303 back to the dashboard, and so do the lesson
// window's: lesson-off, lesson-on, lesson-follow (the one button) and lesson-window (wpLessonMode,
// the rows wpSlotDay/wpSlotStart/wpSlotEnd and wpHolidayFirst/wpHolidayLast; a refusal shows the
// dashboard again with the rows as typed); wpAction=pack (wpCategory, or wpTitles one a line)
// answers the class's offline pack as a ZIM file (actions/class_pack_download.h), or the dashboard
// with the refusal.
void html_class_page(const Call& call);
void html_class_submit(const Call& call);

// html_class_pupil.cpp. POST /{lang}/special/pupil/{id} with wpAction=password (answers the
// pupil's new login card), trust, untrust, disable or enable (303 back to the dashboard).
void html_pupil_submit(const Call& call);

// html_class_cards.cpp. The printable login cards (login_cards.mustache) of `pupils`.
void send_login_cards(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                      const engine::SchoolClass& school_class,
                      const std::vector<engine::Credentials>& pupils);

// html_users.cpp. GET /{lang}/special/users: an admin's list of staff accounts with their buttons,
// and the form to create a teacher, moderator or admin; its POST shows the new account's password
// once.
void html_users_page(const Call& call);
void html_users_submit(const Call& call);
// POST /{lang}/special/user/{id} with wpAction=disable|enable|password, or wpAction=role with
// wpRole: changes a staff account (303 back to the list; a new password is shown once).
void html_user_submit(const Call& call);

// html_classes_chrome.cpp. Adds to the layout, for teachers and admins, the link to their classes
// (classes_url) and, for admins, to the staff accounts page (users_url).
void add_classes_chrome(TemplateData& data, const HtmlContext& ctx);

}  // namespace kidwiki::web
