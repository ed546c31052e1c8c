#include "http/request_log.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "http/url_path.h"
#include "i18n/escape.h"

namespace kidwiki::web {

namespace {

using Clock = std::chrono::steady_clock;

thread_local std::optional<Clock::time_point> request_start;

}  // namespace

void stamp_request_start() { request_start = Clock::now(); }

std::string loggable_path(const httplib::Request& req) {
  return i18n::percent_encoded(target_path(req.target), i18n::UrlPart::printable);
}

std::string request_log_line(const httplib::Request& req, const httplib::Response& res) {
  std::string duration = "-";
  if (request_start) {
    // In milliseconds to the microsecond: a cached view or a typical preview takes under one, and
    // the benchmarks read the server's own time here (bench/render_route.sh).
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() -
                                                                               *request_start);
    char text[32];
    std::snprintf(text, sizeof text, "%.3fms", static_cast<double>(elapsed.count()) / 1000.0);
    duration = text;
    request_start.reset();
  }
  // Why no client address: the log is kept on disk, and a school's pupils share addresses that
  // would only ever identify children (docs/privacy.md).
  return i18n::percent_encoded(req.method, i18n::UrlPart::printable) + ' ' + loggable_path(req) +
         ' ' + std::to_string(res.status) + ' ' + duration;
}

namespace {
constexpr std::size_t kFlushBytes = 16 * 1024;
constexpr auto kFlushInterval = std::chrono::milliseconds(200);
}  // namespace

RequestLog::RequestLog() {
  writer_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, kFlushInterval);
      flush_locked();
    }
  });
}

RequestLog::~RequestLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
  flush_locked();
}

void RequestLog::add(const httplib::Request& req, const httplib::Response& res) {
  std::string line = request_log_line(req, res) + '\n';
  std::lock_guard lock(mutex_);
  pending_ += line;
  if (pending_.size() >= kFlushBytes) flush_locked();
}

void RequestLog::flush() {
  std::lock_guard lock(mutex_);
  flush_locked();
}

void RequestLog::flush_locked() {
  if (pending_.empty()) return;
  std::fwrite(pending_.data(), 1, pending_.size(), stdout);
  std::fflush(stdout);
  pending_.clear();
}

}  // namespace kidwiki::web
