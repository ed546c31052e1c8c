// One line per request on standard output: client, method, path, status and time taken.
#pragma once

#include <string>

#include <httplib.h>

namespace kidwiki::web {

// Notes when the request now handled on this thread began. Call first thing for each request.
// Why per thread: httplib handles a request from parsing to logging on one worker thread and
// gives handlers no per-request storage.
void stamp_request_start();

// "GET /fr/wiki/Chat 200 3ms": no client address (a school's addresses identify children). The
// path is the raw one with bytes outside printable ASCII escaped, so that a line cannot be
// forged; "-" stands for a time when no start was stamped (a request refused while parsing).
// Clears this thread's stamp.
std::string request_log_line(const httplib::Request& req, const httplib::Response& res);

// The raw path of `req` with bytes outside printable ASCII escaped, for any log line.
std::string loggable_path(const httplib::Request& req);

// Writes request_log_line and a newline to stdout in one call, flushed.
void log_request(const httplib::Request& req, const httplib::Response& res);

}  // namespace kidwiki::web
