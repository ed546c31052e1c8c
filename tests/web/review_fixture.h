// A server with two classes and their teachers, a pupil in each, and a moderator: the cast of the
// review tests. Pending revisions are saved through the engine by the pupil's actor.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>

#include "test_server.h"

namespace kidwiki::web::testing {

struct ReviewFixture {
  TestServer server;
  TestLogin teacher, other_teacher, pupil, other_pupil, moderator;
  std::int64_t class_id = 0, other_class_id = 0;
  std::unique_ptr<httplib::Client> as_teacher, as_other_teacher, as_pupil, as_other_pupil,
      as_moderator;

  ReviewFixture() {
    teacher = server.login_as("Madame Martin", engine::Role::teacher);
    other_teacher = server.login_as("Monsieur Durand", engine::Role::teacher);
    class_id = make_class(teacher, "CM1 A");
    other_class_id = make_class(other_teacher, "CM2 B");
    pupil = server.login_as("Léa", engine::Role::pupil, class_id);
    other_pupil = server.login_as("Noah", engine::Role::pupil, other_class_id);
    moderator = server.login_as("Modo", engine::Role::moderator);
    as_teacher = server.client_for(teacher);
    as_other_teacher = server.client_for(other_teacher);
    as_pupil = server.client_for(pupil);
    as_other_pupil = server.client_for(other_pupil);
    as_moderator = server.client_for(moderator);
  }

  // A client that carries only the session cookie, as a browser does: forms bring wpCsrf.
  std::unique_ptr<httplib::Client> browser(const TestLogin& login) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server.port());
    client->set_default_headers({{"Cookie", "kidwiki_session=" + login.token}});
    return client;
  }

  std::int64_t make_class(const TestLogin& owner, const std::string& name) {
    auto made = server.wiki().classes().create_class(server.actor(owner.user.id), name, "fr", true);
    REQUIRE(made.ok());
    return made->id;
  }

  // A save by `author` (a pupil of a class whose edits wait for review), checked to wait for
  // review; returns the new revision's id.
  std::int64_t pending(const std::string& title, const std::string& text,
                       std::optional<std::int64_t> base, const TestLogin& author) {
    auto& wiki = server.wiki();
    const auto ed = *wiki.edition("fr");
    engine::SaveRequest request{text, "ajout", base};
    auto saved =
        wiki.save(server.actor(author.user.id), ed, wiki.parse_title(ed, title).value(), request);
    REQUIRE(saved.ok());
    REQUIRE(saved->review == engine::ReviewState::pending);
    return saved->revision_id;
  }
};

}  // namespace kidwiki::web::testing
