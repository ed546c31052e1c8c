#include "i18n/collator.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "icu_string.h"

namespace kidwiki::i18n {

// Invariant: `collator` is never modified after construction. ICU makes const member functions
// of its service objects safe to call concurrently ("Thread-safe const APIs" in ICU's design
// guide), and compareUTF8 and getSortKey are const, so one instance serves every thread.
struct Collator::Impl {
  std::unique_ptr<const icu::Collator> collator;
};

namespace {

std::unique_ptr<icu::Collator> open_collator(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status)) collator.reset();
  return collator;
}

// An unknown tag already falls back to the root order inside ICU; a tag ICU cannot even parse
// fails, and gets the root order here. Only missing ICU data (a broken install) throws.
std::unique_ptr<icu::Collator> open_for(std::string_view lang) {
  auto collator = open_collator(icu::Locale(std::string(lang).c_str()));
  if (!collator) collator = open_collator(icu::Locale::getRoot());
  if (!collator) throw std::logic_error("ICU collation data unavailable");
  return collator;
}

}  // namespace

Collator::Collator(std::string_view lang) : impl_(std::make_unique<Impl>()) {
  impl_->collator = open_for(lang);
}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;

bool Collator::less(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  auto order = impl_->collator->compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  return U_SUCCESS(status) && order == UCOL_LESS;
}

// Sort keys are computed once per item, so a sort costs n keys plus n log n memcmp.
void Collator::sort(std::vector<std::string>& items) const {
  std::vector<std::string> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(sort_key(item));
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&keys](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<std::string> sorted;
  sorted.reserve(items.size());
  for (size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

// The key without ICU's terminating zero byte: keys hold no other zero, so std::string's
// ordering (a prefix sorts first) is the same as memcmp on the terminated keys.
std::string Collator::sort_key(std::string_view s) const {
  icu::UnicodeString text = to_icu(s);
  int32_t size = impl_->collator->getSortKey(text, nullptr, 0);
  std::string key(static_cast<size_t>(size), '\0');
  impl_->collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), size);
  if (!key.empty()) key.pop_back();
  return key;
}

}  // namespace kidwiki::i18n
