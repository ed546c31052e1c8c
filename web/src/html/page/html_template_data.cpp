#include "html/page/html_template_data.h"

#include <utility>

namespace kidwiki::web {

TemplateData::Entry& TemplateData::slot(const std::string& key) {
  for (auto& entry : entries_) {
    if (entry.key == key) {
      entry = Entry{key};
      return entry;
    }
  }
  return entries_.emplace_back(Entry{key});
}

TemplateData& TemplateData::set(const std::string& key, std::string value) {
  slot(key).text = std::move(value);
  return *this;
}

TemplateData& TemplateData::set(const std::string& key, const char* value) {
  return set(key, std::string(value));
}

TemplateData& TemplateData::set(const std::string& key, bool value) {
  auto& entry = slot(key);
  entry.kind = Kind::flag;
  entry.flag = value;
  return *this;
}

TemplateData& TemplateData::set(const std::string& key, std::int64_t value) {
  return set(key, std::to_string(value));
}

TemplateData& TemplateData::set(const std::string& key, int value) {
  return set(key, std::to_string(value));
}

TemplateData& TemplateData::set(const std::string& key, TemplateData child) {
  auto& entry = slot(key);
  entry.kind = Kind::object;
  entry.items.push_back(std::move(child));
  return *this;
}

TemplateData& TemplateData::set(const std::string& key, std::vector<TemplateData> items) {
  auto& entry = slot(key);
  entry.kind = Kind::list;
  entry.items = std::move(items);
  return *this;
}

TemplateData& TemplateData::add(const std::string& key, TemplateData item) {
  for (auto& entry : entries_) {
    if (entry.key == key && entry.kind == Kind::list) {
      entry.items.push_back(std::move(item));
      return *this;
    }
  }
  return set(key, std::vector<TemplateData>{std::move(item)});
}

}  // namespace kidwiki::web
