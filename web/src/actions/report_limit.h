// How many reports the server takes in a short time from one reporter (an account, or an address
// for a reader), so that "report this page" cannot flood the moderators' queue. Generous for a
// real reader, who reports a page now and then. In memory only, forgotten when the server stops.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include <httplib.h>

#include "http/keyed_window.h"

namespace kidwiki::web {

class ReportRateLimit {
 public:
  static constexpr std::size_t kReports = 5;
  static constexpr std::chrono::seconds kWindow{600};

  // Zero and counted when one more report from `key` may go on; else how long to wait.
  std::chrono::seconds try_report(const std::string& key);

 private:
  std::mutex mutex_;
  KeyedWindow window_{kReports, kWindow};
  std::size_t since_prune_ = 0;
};

struct WebContext;
struct Caller;

// Counts a report from `caller` (their account, or the address of a reader) against the web's
// report limit: zero when it may go on, else the seconds to wait. For the API and the report form.
std::chrono::seconds report_wait(const httplib::Request& req, WebContext& ctx,
                                 const Caller& caller);

}  // namespace kidwiki::web
