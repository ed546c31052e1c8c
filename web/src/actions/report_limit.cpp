#include "actions/report_limit.h"

#include "http/access.h"
#include "http/web_context.h"

namespace kidwiki::web {
namespace {

// Pruning every so many reports keeps memory bounded by recent reporters.
constexpr std::size_t kPruneEvery = 256;

}  // namespace

std::chrono::seconds ReportRateLimit::try_report(const std::string& key) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (++since_prune_ >= kPruneEvery) {
    window_.prune(now);
    since_prune_ = 0;
  }
  const auto wait = window_.wait(key, now);
  if (wait.count() == 0) window_.add(key, now);
  return wait;
}

std::chrono::seconds report_wait(const httplib::Request& req, WebContext& ctx,
                                 const Caller& caller) {
  auto id = caller.user_id();
  return ctx.reports.try_report(id ? "user:" + std::to_string(*id)
                                   : "addr:" + client_address(req, ctx.options));
}

}  // namespace kidwiki::web
