// The data a page template is rendered with: a small tree of strings, flags, lists and objects.
// Handlers build it without seeing the template library, so that only html_template.cpp includes
// <kainjow/mustache.hpp> (a heavy header on a 2-core machine).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kidwiki::web {

class TemplateData {
 public:
  enum class Kind { text, flag, list, object };
  struct Entry;

  // Each setter replaces an earlier value under the same key and returns *this for chaining.
  // Strings are escaped by the template ({{key}}) unless it asks otherwise ({{{key}}}).
  TemplateData& set(const std::string& key, std::string value);
  TemplateData& set(const std::string& key, const char* value);
  TemplateData& set(const std::string& key, bool value);
  TemplateData& set(const std::string& key, std::int64_t value);
  TemplateData& set(const std::string& key, int value);
  TemplateData& set(const std::string& key, TemplateData child);
  TemplateData& set(const std::string& key, std::vector<TemplateData> items);
  // Appends to a list, creating it when `key` holds no list yet.
  TemplateData& add(const std::string& key, TemplateData item);

  // Entries in the order they were first set.
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  Entry& slot(const std::string& key);
  std::vector<Entry> entries_;
};

struct TemplateData::Entry {
  std::string key;
  Kind kind = Kind::text;
  std::string text{};
  bool flag = false;
  std::vector<TemplateData> items{};  // a list's items, or the one object of Kind::object
};

}  // namespace kidwiki::web
