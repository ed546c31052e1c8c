#include "moderation/moderation_impl.h"

namespace kidwiki::engine {
using namespace safety;

ModerationImpl::ModerationImpl(std::mutex& writer_mutex, db::Connection& writer,
                               ReaderPool& readers, ViewGenerations& views)
    : writer_mutex_(writer_mutex), writer_(writer), readers_(readers), views_(views) {}

}  // namespace kidwiki::engine
