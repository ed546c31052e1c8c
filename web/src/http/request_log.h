// One line per request on standard output: method, path, status and time taken.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>

namespace kidwiki::web {

// Notes when the request now handled on this thread began. Call first thing for each request.
// Why per thread: httplib handles a request from parsing to logging on one worker thread and
// gives handlers no per-request storage.
void stamp_request_start();

// "GET /fr/wiki/Chat 200 3.042ms": no client address (a school's addresses identify children). The
// path is the raw one with bytes outside printable ASCII escaped, so that a line cannot be
// forged; "-" stands for a time when no start was stamped (a request refused while parsing).
// Clears this thread's stamp.
std::string request_log_line(const httplib::Request& req, const httplib::Response& res);

// The raw path of `req` with bytes outside printable ASCII escaped, for any log line.
std::string loggable_path(const httplib::Request& req);

// Request lines on standard output, written in batches: at most every 200 ms, or at once past
// 16 KiB. Why batches: at 20,000 requests a second one write per line cost more than serving the
// cached pages. The destructor writes what is left.
class RequestLog {
 public:
  RequestLog();
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  // Thread-safe.
  void add(const httplib::Request& req, const httplib::Response& res);
  // Writes what is gathered now. Thread-safe.
  void flush();

 private:
  void flush_locked();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace kidwiki::web
