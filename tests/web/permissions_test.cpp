// Every role × every action of the permissions table (engine/permissions.h, docs/moderation.md),
// against the HTTP server: an allowed action succeeds (2xx), a refused one answers 401 to a reader
// (or sends an HTML GET to the login page) and 403 to an account, except where what the action
// needs does not exist for that account (404: a pending edit of a pupil a teacher does not
// review). Each probe makes its own page, class or account, so that no role's attempt changes what
// the next one finds.
#include <doctest/doctest.h>

#include <functional>

#include "engine/permissions.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using kidwiki::engine::Action;
using kidwiki::engine::Role;
using kidwiki::engine::Who;

namespace {

// One role's attempt: its client (null for a reader), its account, and a name of its own.
struct Attempt {
  TestServer& server;
  httplib::Client& client;
  std::optional<TestLogin> login;
  std::string tag;  // "pupil", "trusted-pupil", ...

  std::int64_t own_class() {
    const auto teacher_id = login && login->user.role == Role::teacher
                                ? login->user.id
                                : server.login_as("Teacher " + tag, Role::teacher).user.id;
    auto made =
        server.wiki().classes().create_class(server.actor(teacher_id), "Class " + tag, "en", true);
    REQUIRE(made);
    return made->id;
  }
  // A page of its own, saved by the admin; returns its latest revision.
  std::int64_t page(const std::string& title) { return server.save("en", title, "Text of " + tag); }
  std::string url_title(const std::string& title) const { return title + "_" + tag; }
  void protect(const std::string& title, kidwiki::engine::Protection level) {
    const auto en = *server.wiki().edition("en");
    auto parsed = server.wiki().parse_title(en, title);
    REQUIRE(parsed);
    REQUIRE(server.wiki().moderation().protect(TestServer::console(), en, parsed.value(), level,
                                               "test"));
  }
  httplib::Result put(const std::string& path, const nlohmann::json& body) {
    return client.Put(path.c_str(), body.dump(), "application/json");
  }
  httplib::Result post(const std::string& path, const nlohmann::json& body) {
    return client.Post(path.c_str(), body.dump(), "application/json");
  }
};

using Probe = std::function<httplib::Result(Attempt&)>;

httplib::Result edit_protected(Attempt& a, kidwiki::engine::Protection level) {
  const std::string title = a.url_title("Guarded");
  const auto base = a.page(title);
  a.protect(title, level);
  return a.put("/api/v1/en/pages/" + title, {{"markdown", "Changed"}, {"base_revision_id", base}});
}

const std::map<Action, Probe>& probes() {
  static const std::map<Action, Probe> all = {
      {Action::read, [](Attempt& a) { return a.client.Get("/api/v1/en/pages/Elephant"); }},
      {Action::report_page,
       [](Attempt& a) {
         return a.post("/api/v1/en/pages/Elephant/report", {{"reason", "rude"}});
       }},
      {Action::edit,
       [](Attempt& a) {
         return a.put("/api/v1/en/pages/" + a.url_title("New"), {{"markdown", "Hello"}});
       }},
      {Action::edit_protected_trusted,
       [](Attempt& a) { return edit_protected(a, kidwiki::engine::Protection::trusted); }},
      {Action::edit_protected_mods,
       [](Attempt& a) { return edit_protected(a, kidwiki::engine::Protection::moderators); }},
      {Action::move_page,
       [](Attempt& a) {
         a.page(a.url_title("Movable"));
         return a.post("/api/v1/en/pages/" + a.url_title("Movable") + "/move",
                       {{"new_title", a.url_title("Moved")}});
       }},
      {Action::see_own_edits, [](Attempt& a) { return a.client.Get("/en/special/my-edits"); }},
      {Action::manage_class,
       [](Attempt& a) {
         return a.post("/api/v1/classes",
                       {{"name", "Mine " + a.tag}, {"lang", "en"}, {"review_required", true}});
       }},
      {Action::review_class,
       [](Attempt& a) {
         return a.client.Get(("/api/v1/review?class=" + std::to_string(a.own_class())).c_str());
       }},
      // Deciding on the pending edit of a pupil in no class: only those who review everyone's.
      {Action::review_all,
       [](Attempt& a) {
         auto& wiki = a.server.wiki();
         const auto en = *wiki.edition("en");
         const auto lone = a.server.login_as("Lone " + a.tag, Role::pupil).user.id;
         auto saved = wiki.save(a.server.actor(lone), en,
                                wiki.parse_title(en, a.url_title("Waiting")).value(),
                                {"Pending text", "", std::nullopt});
         REQUIRE(saved.ok());
         REQUIRE(saved->review == kidwiki::engine::ReviewState::pending);
         return a.post("/api/v1/revisions/" + std::to_string(saved->revision_id) + "/approve",
                       nlohmann::json::object());
       }},
      {Action::view_audit_class,
       [](Attempt& a) {
         return a.client.Get(("/api/v1/audit?class=" + std::to_string(a.own_class())).c_str());
       }},
      {Action::view_audit_all, [](Attempt& a) { return a.client.Get("/api/v1/audit"); }},
      {Action::handle_reports, [](Attempt& a) { return a.client.Get("/api/v1/reports"); }},
      {Action::block_user,
       [](Attempt& a) {
         const auto victim = a.server.login_as("Victim " + a.tag, Role::pupil).user.id;
         return a.post("/api/v1/users/" + std::to_string(victim) + "/block", {{"reason", "test"}});
       }},
      {Action::protect_page,
       [](Attempt& a) {
         a.page(a.url_title("Shield"));
         return a.post("/api/v1/en/pages/" + a.url_title("Shield") + "/protect",
                       {{"level", "trusted"}, {"reason", "test"}});
       }},
      {Action::hide_revision,
       [](Attempt& a) {
         const auto first = a.page(a.url_title("Hidden"));
         a.server.save("en", a.url_title("Hidden"), "Second text", first);
         return a.post("/api/v1/en/revisions/" + std::to_string(first) + "/hide",
                       {{"hidden", true}, {"reason", "personal information"}});
       }},
      {Action::delete_page,
       [](Attempt& a) {
         a.page(a.url_title("Doomed"));
         return a.post("/api/v1/en/pages/" + a.url_title("Doomed") + "/delete",
                       {{"reason", "test"}});
       }},
      {Action::edit_filters,
       [](Attempt& a) {
         return a.put("/api/v1/en/filters", {{"text", "badword refuse\n"}});
       }},
      {Action::manage_accounts,
       [](Attempt& a) {
         return a.post("/api/v1/users", {{"username", "Staff " + a.tag}, {"role", "teacher"}});
       }},
      {Action::configure_edition,
       [](Attempt& a) {
         return a.put("/api/v1/en/settings", {{"anonymous_editing", false}});
       }},
  };
  return all;
}

// The account for a column of the table; empty for a reader.
std::optional<TestLogin> login_for(TestServer& server, Who who) {
  switch (who) {
    case Who::reader: return std::nullopt;
    case Who::pupil: return server.login_as("Pupil", Role::pupil);
    case Who::trusted_pupil: return server.login_as("Trusted", Role::pupil, std::nullopt, true);
    case Who::teacher: return server.login_as("Teacher", Role::teacher);
    case Who::moderator: return server.login_as("Moderator", Role::moderator);
    case Who::admin: return server.login_as("Admin Two", Role::admin);
  }
  return std::nullopt;
}

bool refused_as_expected(Who who, Action action, const httplib::Result& res) {
  // A teacher reviews their own classes' pupils: any other pupil's pending edit does not exist for
  // them.
  if (action == Action::review_all && kidwiki::engine::allowed(who, Action::review_class)) {
    return res->status == 404;
  }
  if (who != Who::reader) return res->status == 403;
  // An HTML page sends a reader to the login page; the API answers 401.
  return res->status == 401 ||
         (res->status == 303 && res->get_header_value("Location").starts_with("/en/special/login"));
}

}  // namespace

TEST_CASE("every role × every action of the permissions table, over HTTP") {
  REQUIRE(probes().size() == std::size(kidwiki::engine::kAllActions));
  TestServer server;
  for (Who who : kidwiki::engine::kAllWho) {
    const auto login = login_for(server, who);
    auto own_client = login ? server.client_for(*login) : nullptr;
    httplib::Client& client = own_client ? *own_client : server.anonymous();
    for (Action action : kidwiki::engine::kAllActions) {
      CAPTURE(kidwiki::engine::who_name(who));
      CAPTURE(kidwiki::engine::action_name(action));
      Attempt attempt{server, client, login,
                      std::string(kidwiki::engine::who_name(who)) + "_" +
                          std::string(kidwiki::engine::action_name(action))};
      auto res = probes().at(action)(attempt);
      REQUIRE(res);
      INFO(res->body);
      if (kidwiki::engine::allowed(who, action)) {
        CHECK(res->status / 100 == 2);
      } else {
        CHECK(refused_as_expected(who, action, res));
      }
    }
  }
}
