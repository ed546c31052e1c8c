#include "moderation/moderation_impl.h"

namespace kidwiki::engine {
using namespace safety;

ModerationImpl::ModerationImpl(std::mutex& writer_mutex, db::Connection& writer,
                               ReaderPool& readers, std::atomic<std::uint64_t>& changes)
    : writer_mutex_(writer_mutex), writer_(writer), readers_(readers), changes_(changes) {}

}  // namespace kidwiki::engine
