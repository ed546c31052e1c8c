#include "html/page/html_urls.h"

#include "i18n/escape.h"
#include "web/server.h"

namespace kidwiki::web {

std::string with_query(std::string path, std::string_view query, std::string_view uselang) {
  std::string joined(query);
  if (!uselang.empty()) {
    if (!joined.empty()) joined += '&';
    joined += "uselang=" + i18n::percent_encoded(uselang, i18n::UrlPart::component);
  }
  if (!joined.empty()) path += '?' + joined;
  return path;
}

Urls::Urls(const engine::Edition& edition, std::string uselang)
    : edition_(edition), uselang_(std::move(uselang)) {}

std::string Urls::finish(std::string path, std::string_view query) const {
  return with_query(std::move(path), query, uselang_);
}

std::string Urls::page(const engine::Title& title, std::string_view query) const {
  return finish("/" + edition_.lang + "/wiki/" + engine::title_to_url(title, edition_.names), query);
}

std::string Urls::page(const engine::Title& title, std::string_view key, std::int64_t value) const {
  return page(title, std::string(key) + "=" + std::to_string(value));
}

std::string Urls::main_page() const {
  return finish("/" + edition_.lang + "/wiki/" +
                    engine::title_to_url(engine::Title{engine::Namespace::article, edition_.main_page},
                                         edition_.names),
                "");
}

std::string Urls::special(std::string_view name, std::string_view query,
                          std::string_view title_arg) const {
  std::string path = "/" + edition_.lang + "/special/" + std::string(name);
  if (!title_arg.empty()) path += "/" + std::string(title_arg);
  return finish(std::move(path), query);
}

std::string Urls::contributions(std::string_view account_name, std::string_view query) const {
  // Percent-encoded whole (a space is %20): names may hold both spaces and underscores, so the
  // address of "Léa B" must not also be that of "Léa_B".
  return special("contributions", query,
                 i18n::percent_encoded(account_name, i18n::UrlPart::component));
}

std::string page_address(const engine::Edition& edition, const engine::Title& title, bool exists) {
  const Urls urls(edition, "");
  if (exists) return urls.page(title);
  // A picture that does not exist yet is made by uploading it, not by writing its page.
  if (title.ns == engine::Namespace::file) {
    return urls.special("upload", "title=" + i18n::percent_encoded(title.text, i18n::UrlPart::component));
  }
  return urls.page(title, "action=edit&redlink=1");
}

std::string media_address(const engine::FileInfo& file, int width) {
  if (width > 0) return "/media/" + file.sha256 + "/" + std::to_string(width) + ".webp";
  return "/media/" + file.sha256 + "/full." + (file.format == "jpeg" ? "jpg" : file.format);
}

}  // namespace kidwiki::web
