// Language-aware ordering of strings ("Éléphant" sorts with "Elephant", before "Zèbre").
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::i18n {

class Collator {
 public:
  // Rules of `lang` (a BCP 47 tag such as "fr"); falls back to the root order for a tag ICU
  // does not know. Never throws for a bad tag.
  explicit Collator(std::string_view lang);
  ~Collator();
  Collator(Collator&&) noexcept;
  Collator& operator=(Collator&&) noexcept;

  // Thread-safe: comparisons on one Collator may run from many threads at once.
  bool less(std::string_view a, std::string_view b) const;
  // Sorts in place by this collation; ties keep their input order.
  void sort(std::vector<std::string>& items) const;
  // A byte string whose memcmp order is this collation's order (for storage or large sorts).
  std::string sort_key(std::string_view s) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kidwiki::i18n
