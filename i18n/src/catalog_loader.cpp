#include "catalog_loader.h"

#include <stdexcept>
#include <vector>

#include "i18n/text.h"

namespace kidwiki::i18n {
namespace {

[[noreturn]] void fail(std::string_view file, const std::string& why) {
  throw std::logic_error("message catalog " + std::string(file) + ": " + why);
}

// "en/core.json" -> "en"; anything else (no folder, nested folders, another extension) fails.
std::string language_of(std::string_view file) {
  auto slash = file.find('/');
  bool shaped = slash != 0 && slash != std::string_view::npos &&
                file.find('/', slash + 1) == std::string_view::npos && file.ends_with(".json") &&
                file.size() > slash + 1 + 5;
  if (!shaped) fail(file, "expected a path of the form <lang>/<area>.json");
  return std::string(file.substr(0, slash));
}

// Reads the one shape a catalog has: a JSON object whose values are all strings.
// Why not a general JSON library: building a document of every catalog cost more than rendering
// a long article, and this shape needs a tenth of the work. Anything outside the shape fails.
class FlatObjectReader {
 public:
  FlatObjectReader(std::string_view file, std::string_view text) : file_(file), text_(text) {}

  // Calls on_entry(id, value) for each member, in order; throws through fail() on bad input.
  template <typename OnEntry>
  void read(OnEntry on_entry);

 private:
  [[noreturn]] void invalid() const { fail(file_, "not valid JSON"); }
  void skip_space();
  bool take(char c);  // skips white space, then consumes `c` if it comes next
  std::string read_string();
  void read_escape(std::string& out);
  char32_t read_code_point();
  unsigned read_hex4();

  std::string_view file_;
  std::string_view text_;
  std::size_t pos_ = 0;
};

template <typename OnEntry>
void FlatObjectReader::read(OnEntry on_entry) {
  if (!is_valid_utf8(text_)) invalid();
  if (!take('{')) {
    if (pos_ == text_.size()) invalid();
    fail(file_, "expected a JSON object of id -> pattern");
  }
  if (!take('}')) {
    do {
      if (!take('"')) invalid();
      std::string id = read_string();
      if (!take(':')) invalid();
      if (!take('"')) fail(file_, "the value of \"" + id + "\" is not a string");
      on_entry(std::move(id), read_string());
    } while (take(','));
    if (!take('}')) invalid();
  }
  skip_space();
  if (pos_ != text_.size()) invalid();
}

void FlatObjectReader::skip_space() {
  while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
                                 text_[pos_] == '\t')) {
    ++pos_;
  }
}

bool FlatObjectReader::take(char c) {
  skip_space();
  if (pos_ == text_.size() || text_[pos_] != c) return false;
  ++pos_;
  return true;
}

// After the opening quote; consumes the closing one. Copies the runs between escapes whole.
std::string FlatObjectReader::read_string() {
  std::string out;
  std::size_t run = pos_;
  while (pos_ < text_.size()) {
    auto c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"' || c == '\\') out.append(text_.data() + run, pos_ - run);
    ++pos_;
    if (c == '"') return out;
    if (c < 0x20) invalid();
    if (c == '\\') {
      read_escape(out);
      run = pos_;
    }
  }
  invalid();
}

void FlatObjectReader::read_escape(std::string& out) {
  if (pos_ == text_.size()) invalid();
  char escape = text_[pos_++];
  switch (escape) {
    case '"':
    case '\\':
    case '/':
      out += escape;
      return;
    case 'b':
      out += '\b';
      return;
    case 'f':
      out += '\f';
      return;
    case 'n':
      out += '\n';
      return;
    case 'r':
      out += '\r';
      return;
    case 't':
      out += '\t';
      return;
    case 'u':
      out += to_utf8(std::u32string(1, read_code_point()));
      return;
    default:
      invalid();
  }
}

// After "\u": one code point, from a surrogate pair when it takes two escapes.
char32_t FlatObjectReader::read_code_point() {
  unsigned unit = read_hex4();
  if (unit >= 0xDC00 && unit <= 0xDFFF) invalid();
  if (unit < 0xD800 || unit > 0xDBFF) return unit;
  if (text_.substr(pos_, 2) != "\\u") invalid();
  pos_ += 2;
  unsigned low = read_hex4();
  if (low < 0xDC00 || low > 0xDFFF) invalid();
  return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
}

unsigned FlatObjectReader::read_hex4() {
  if (text_.size() - pos_ < 4) invalid();
  unsigned value = 0;
  for (int i = 0; i < 4; ++i) {
    char c = text_[pos_++];
    unsigned digit = c >= '0' && c <= '9'   ? c - '0'
                     : c >= 'a' && c <= 'f' ? c - 'a' + 10
                     : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : 16;
    if (digit == 16) invalid();
    value = value * 16 + digit;
  }
  return value;
}

// A duplicate is told apart by where the first definition came from: this file or another one.
void merge_file(Catalog& catalog, std::string_view file, std::string_view text) {
  std::vector<const std::string*> ids_of_file;
  FlatObjectReader(file, text).read([&](std::string id, std::string value) {
    auto [entry, added] = catalog.try_emplace(std::move(id), std::move(value));
    if (added) {
      ids_of_file.push_back(&entry->first);
      return;
    }
    for (const std::string* seen : ids_of_file) {
      if (*seen == entry->first) fail(file, "id \"" + entry->first + "\" is defined twice");
    }
    fail(file, "id \"" + entry->first + "\" is already defined in another file of this language");
  });
}

}  // namespace

CatalogSet merge_catalog_files(const std::map<std::string_view, std::string_view>& files) {
  CatalogSet catalogs;
  for (const auto& [file, text] : files) merge_file(catalogs[language_of(file)], file, text);
  return catalogs;
}

}  // namespace kidwiki::i18n
