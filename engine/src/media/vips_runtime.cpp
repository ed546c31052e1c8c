#include "media/vips_runtime.h"

#include <mutex>
#include <stdexcept>
#include <string>

namespace kidwiki::engine::media {
namespace {

// The only loaders left open, by libvips's names for them.
constexpr const char* kAllowedLoaders[] = {"jpegload_buffer", "pngload_buffer", "webpload_buffer",
                                           "gifload_buffer"};

// Blocks every loader, then opens ours again. Blocking is for the whole hierarchy below a class
// name, so the loaders libvips marks as trusted (TIFF, HEIF, FITS...) are closed too, not only
// the "untrusted" ones. Our loaders are found by nickname because their class names depend on how
// libvips was built (libpng or libspng for PNG).
void allow_only_our_loaders() {
  vips_block_untrusted_set(TRUE);
  vips_operation_block_set("VipsForeignLoad", TRUE);
  for (const char* nickname : kAllowedLoaders) {
    const GType type = vips_type_find("VipsOperation", nickname);
    if (type == 0) throw std::runtime_error(std::string("libvips has no ") + nickname);
    vips_operation_block_set(g_type_name(type), FALSE);
  }
}

// libvips warns on standard error about every picture that decodes with a flaw ("premature end
// of data segment"). For an upload server such a picture is an ordinary outcome, answered to the
// person who sent it (damaged_image), not an event for the server's log.
void drop_warning(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void configure_vips() {
  if (VIPS_INIT("kidwiki") != 0) {
    const std::string why = vips_error_buffer();
    vips_error_clear();
    throw std::runtime_error("libvips could not start: " + why);
  }
  // The HTTP threads already decode pictures side by side: more threads per picture would only
  // share the same cores thinner.
  vips_concurrency_set(1);
  vips_cache_set_max(0);
  vips_cache_set_max_mem(0);
  vips_cache_set_max_files(0);
  allow_only_our_loaders();
  g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, drop_warning, nullptr);
}

}  // namespace

void start_vips() {
  static std::once_flag started;
  std::call_once(started, configure_vips);
}

void forget_vips_error() { vips_error_clear(); }

}  // namespace kidwiki::engine::media
