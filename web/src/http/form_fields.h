// The fields of an HTML form post. The forms are sent as multipart/form-data: cpp-httplib 0.11
// refuses url-encoded bodies over 8 KiB (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH, fixed
// when the Debian library was built), far below the 2 MiB an article may hold.
#pragma once

#include <string>
#include <vector>

#include <httplib.h>

namespace kidwiki::web {

// The field `name` of a multipart body, else of the query or a url-encoded body; empty if absent.
std::string form_field(const httplib::Request& req, const std::string& name);

// The field `name` of the body alone (a multipart field, else a url-encoded body's parameter),
// never of the URL's query; empty if absent. For secrets such as the CSRF token.
std::string body_field(const httplib::Request& req, const std::string& name);

// Every value of the field `name` of a multipart body, else of the query (check boxes that share
// a name), in the order sent.
std::vector<std::string> form_field_values(const httplib::Request& req, const std::string& name);

// True when the field is present, whatever its value (check boxes, submit buttons).
bool has_form_field(const httplib::Request& req, const std::string& name);

}  // namespace kidwiki::web
