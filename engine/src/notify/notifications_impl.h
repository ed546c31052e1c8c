// Notifications over the wiki's database, sharing the Wiki's writer connection, its writer lock
// and its readers, like ClassesImpl. The notifications themselves are written by the changes
// they tell of (notification_events.h); this object reads them, marks them read and keeps the
// watchlist.
#pragma once

#include <mutex>

#include "engine/notifications.h"
#include "engine/wiki.h"
#include "store/database.h"
#include "store/reader_pool.h"

namespace kidwiki::engine {

class NotificationsImpl final : public Notifications {
 public:
  // The references belong to the Wiki that owns this object and outlive it.
  NotificationsImpl(std::mutex& writer_mutex, db::Connection& writer, ReaderPool& readers);

  Result<std::vector<Notification>> list(const Actor& actor, int limit,
                                         std::optional<std::int64_t> before) override;
  int unread_count(const Actor& actor) override;
  Status mark_read(const Actor& actor, const std::vector<std::int64_t>& ids) override;
  Status set_watched(const Actor& actor, const Edition& ed, const Title& title,
                     bool watched) override;
  bool is_watched(const Actor& actor, const Edition& ed, const Title& title) override;
  Result<std::vector<WatchedPage>> watchlist(const Actor& actor, const Edition* ed) override;

 private:
  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
};

}  // namespace kidwiki::engine
