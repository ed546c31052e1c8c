// The embedded files of web/static (style sheet, icon), with validators for caching.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "html/page/html_handlers.h"
#include "http/call.h"
#include "http/entity_tag.h"

namespace kidwiki::web {
namespace embedded_static {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace {

struct StaticFile {
  std::string_view content;
  std::string etag;
  std::string content_type;
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kContentTypes = {{
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
}};

std::string content_type_of(std::string_view name) {
  for (const auto& [suffix, type] : kContentTypes) {
    if (name.ends_with(suffix)) return std::string(type);
  }
  return "application/octet-stream";
}

const std::map<std::string, StaticFile, std::less<>>& static_files() {
  static const auto files = [] {
    std::map<std::string, StaticFile, std::less<>> out;
    for (const auto& [name, content] : embedded_static::embedded_files()) {
      out.emplace(std::string(name), StaticFile{content, entity_tag(content), content_type_of(name)});
    }
    return out;
  }();
  return files;
}

}  // namespace

void serve_static(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const std::string& file = call.param("file");
  const auto& files = static_files();
  const auto found = files.find(file);
  if (found == files.end()) {
    res.status = 404;
    res.set_content("404", "text/plain; charset=utf-8");
    return;
  }
  const StaticFile& item = found->second;
  res.set_header("ETag", item.etag);
  // An hour fresh, then revalidated: the address carries no version, so an upgrade must show.
  res.set_header("Cache-Control", "public, max-age=3600");
  if (client_has(req, item.etag)) {
    res.status = 304;
    return;
  }
  res.set_content(std::string(item.content), item.content_type);
}

}  // namespace kidwiki::web
