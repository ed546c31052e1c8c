// How many reports the server takes in a short time from one reporter (an account, or an address
// for a reader), so that "report this page" cannot flood the moderators' queue. Generous for a
// real reader, who reports a page now and then.
#pragma once

#include <chrono>

#include <httplib.h>

namespace kidwiki::web {

inline constexpr std::size_t kReportsPerWindow = 5;
inline constexpr std::chrono::seconds kReportWindow{600};

struct WebContext;
struct Caller;

// Counts a report from `caller` (their account, or the address of a reader) against the web's
// report limit: zero when it may go on, else the seconds to wait. For the API and the report form.
std::chrono::seconds report_wait(const httplib::Request& req, WebContext& ctx,
                                 const Caller& caller);

}  // namespace kidwiki::web
