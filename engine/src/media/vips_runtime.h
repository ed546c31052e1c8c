// libvips as this program uses it: started once with the settings of a server that decodes
// pictures strangers send, its images owned by a smart pointer, its errors forgotten once read.
// Only the media module's .cpp files include this header (libvips stays in engine/src/media).
#pragma once

#include <vips/vips.h>

#include <memory>

namespace kidwiki::engine::media {

// Starts libvips the first time, then does nothing; may be called from any thread. Settings, for
// the whole process: one worker thread per picture, no cache of operations or decoded pictures
// (strangers' pictures stay in memory no longer than their request), and every loader blocked
// except the JPEG, PNG, WebP and GIF buffer loaders. Throws std::runtime_error when libvips cannot
// start: an installation bug, not something an upload can cause.
void start_vips();

struct VipsImageUnref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using VipsImagePtr = std::unique_ptr<VipsImage, VipsImageUnref>;

// After a libvips call failed: empties libvips's error buffer, which is shared by every thread
// and would otherwise fill with old messages. Users get a message id, never libvips's English.
void forget_vips_error();

}  // namespace kidwiki::engine::media
