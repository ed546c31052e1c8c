// A test server with a class: its teacher, another teacher, and one pupil, each logged in with a
// client of their own (the class suites' common ground).
#pragma once

#include <memory>

#include "test_server.h"

namespace kidwiki::web::testing {

struct ClassServer {
  TestServer server;
  TestLogin teacher_login = server.login_as("Ms Smith", engine::Role::teacher);
  TestLogin other_login = server.login_as("Mr Jones", engine::Role::teacher);
  std::unique_ptr<httplib::Client> teacher = server.client_for(teacher_login);
  std::unique_ptr<httplib::Client> other = server.client_for(other_login);
  engine::SchoolClass year5 = server.wiki()
                                  .classes()
                                  .create_class(server.actor(teacher_login.user.id), "Year 5",
                                                "en", true)
                                  .value();
  TestLogin pupil_login = server.login_as("Lea", engine::Role::pupil, year5.id);
  std::unique_ptr<httplib::Client> pupil = server.client_for(pupil_login);

  std::string dashboard() const { return "/en/special/class/" + std::to_string(year5.id); }
};

}  // namespace kidwiki::web::testing
