// The one file that includes <kainjow/mustache.hpp>: it is heavy to compile.
#include "html/page/html_template.h"

#include <kainjow/mustache.hpp>

#include <map>
#include <stdexcept>

#include "i18n/escape.h"
#include "i18n/messages.h"

namespace kidwiki::web {
namespace embedded_templates {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace {

namespace mu = kainjow::mustache;

std::string template_text(std::string_view name) {
  const auto& files = embedded_templates::embedded_files();
  const auto found = files.find(std::string(name) + ".mustache");
  if (found == files.end()) throw std::logic_error("missing template " + std::string(name));
  return std::string(found->second);
}

mu::data to_mustache(const TemplateData& in);

mu::data entry_to_mustache(const TemplateData::Entry& entry) {
  switch (entry.kind) {
    case TemplateData::Kind::text:
      return mu::data(entry.text);
    case TemplateData::Kind::flag:
      return mu::data(entry.flag);
    case TemplateData::Kind::object:
      return to_mustache(entry.items.front());
    case TemplateData::Kind::list:
      break;
  }
  mu::data list(mu::data::type::list);
  for (const auto& item : entry.items) list.push_back(to_mustache(item));
  return list;
}

mu::data to_mustache(const TemplateData& in) {
  mu::data out(mu::data::type::object);
  for (const auto& entry : in.entries()) out.set(entry.key, entry_to_mustache(entry));
  return out;
}

// Shared fragments are the templates whose name starts with "_"; "body" is the page itself.
void add_partials(mu::data& root, std::string_view page) {
  for (const auto& [file, text] : embedded_templates::embedded_files()) {
    if (!file.starts_with("_") || !file.ends_with(".mustache")) continue;
    const std::string name(file.substr(0, file.size() - std::string_view(".mustache").size()));
    const std::string body(text);
    root.set(name, mu::data(mu::partial([body] { return body; })));
  }
  const std::string body = template_text(page);
  root.set("body", mu::data(mu::partial([body] { return body; })));
}

}  // namespace

std::string render_page(std::string_view page, const TemplateData& data, const std::string& ui_lang) {
  mu::data root = to_mustache(data);
  add_partials(root, page);
  root.set("msg", mu::data(mu::lambda2([&ui_lang](const std::string& id, const mu::renderer&) {
    return i18n::html_escaped(i18n::Messages::builtin().format(ui_lang, mu::trim(id)));
  })));
  mu::mustache layout(template_text("layout"));
  std::string html = layout.render(root);
  if (!layout.is_valid()) {
    throw std::logic_error("template " + std::string(page) + ": " + layout.error_message());
  }
  return html;
}

}  // namespace kidwiki::web
