// libarchive decompresses (its "raw" format: one stream, any filter) into libxml2's pull reader
// (xmlTextReader), so that memory holds one revision, whatever the dump's size.
#include "import/mediawiki_dump.h"

#include <archive.h>
#include <libxml/xmlreader.h>

#include <deque>
#include <string_view>
#include <vector>

namespace kidwiki::import {
namespace {

int read_archive(void* context, char* buffer, int length) {
  auto* archive = static_cast<struct archive*>(context);
  const la_ssize_t got = archive_read_data(archive, buffer, static_cast<std::size_t>(length));
  return got < 0 ? -1 : static_cast<int>(got);
}

int close_nothing(void*) { return 0; }

// libxml2 prints its errors on stderr unless given a handler: the first one, with its line,
// becomes the reader's error().
void keep_first_error(void* context, const char* message, xmlParserSeverities severity,
                      xmlTextReaderLocatorPtr locator) {
  auto* error = static_cast<std::string*>(context);
  if (!error->empty() || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING ||
      severity == XML_PARSER_SEVERITY_WARNING) {
    return;
  }
  *error = "line " + std::to_string(xmlTextReaderLocatorLineNumber(locator)) + ": " + message;
  while (!error->empty() && error->back() == '\n') error->pop_back();
}

std::string_view as_view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

class XmlDumpReader final : public DumpReader {
 public:
  XmlDumpReader(struct archive* archive, std::uint64_t size, bool latest_only)
      : archive_(archive), size_(size), latest_only_(latest_only) {
    // No network, no entity expansion, no DTD: a dump is data, not instructions.
    reader_ = xmlReaderForIO(read_archive, close_nothing, archive_, nullptr, "UTF-8",
                             XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_COMPACT);
    if (reader_) xmlTextReaderSetErrorHandler(reader_, keep_first_error, &parse_error_);
  }
  ~XmlDumpReader() override {
    if (reader_) xmlFreeTextReader(reader_);
    archive_read_free(archive_);
  }

  std::optional<DumpRevision> next() override {
    while (ready_.empty() && !done_) step();
    if (ready_.empty()) return std::nullopt;
    DumpRevision revision = std::move(ready_.front());
    ready_.pop_front();
    return revision;
  }
  const SiteInfo& site() const override { return site_; }
  const std::string& error() const override { return error_; }
  std::uint64_t bytes_read() const override {
    return static_cast<std::uint64_t>(archive_filter_bytes(archive_, -1));
  }
  std::uint64_t size() const override { return size_; }

 private:
  // One node of the XML stream.
  void step() {
    if (!reader_) return fail("XML reader not created");
    const int status = xmlTextReaderRead(reader_);
    if (status == 0) {
      done_ = true;
      if (!path_.empty()) fail("the dump ends inside <" + path_.back() + ">");
      return;
    }
    if (status < 0) return fail(parse_error_.empty() ? "the XML is not well-formed" : parse_error_);
    switch (xmlTextReaderNodeType(reader_)) {
      case XML_READER_TYPE_ELEMENT: {
        const bool empty = xmlTextReaderIsEmptyElement(reader_);
        open_element(std::string(as_view(xmlTextReaderConstLocalName(reader_))));
        if (empty) close_element();
        break;
      }
      case XML_READER_TYPE_END_ELEMENT:
        close_element();
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        add_text(as_view(xmlTextReaderConstValue(reader_)));
        break;
      default:
        break;
    }
  }

  void fail(std::string message) {
    error_ = std::move(message);
    done_ = true;
  }

  bool at(std::string_view a, std::string_view b) const {
    return path_.size() >= 2 && path_[path_.size() - 2] == a && path_.back() == b;
  }

  std::string attribute(const char* name) {
    xmlChar* value = xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name));
    std::string out(as_view(value));
    xmlFree(value);
    return out;
  }

  void open_element(std::string name) {
    path_.push_back(std::move(name));
    text_.clear();
    too_large_ = false;
    if (at("page", "redirect")) page_.redirect = attribute("title");
    if (at("namespaces", "namespace")) namespace_key_ = std::atoi(attribute("key").c_str());
    if (at("page", "revision")) revision_ = DumpRevision{};
  }

  void add_text(std::string_view text) {
    if (text_.size() + text.size() > kMaxRevisionTextBytes) {
      too_large_ = true;
      return;
    }
    text_ += text;
  }

  void close_element() {
    if (path_.empty()) return;
    if (at("siteinfo", "sitename"))
      site_.sitename = text_;
    else if (at("siteinfo", "dbname"))
      site_.dbname = text_;
    else if (at("namespaces", "namespace"))
      site_.namespaces[namespace_key_] = text_;
    else if (at("page", "title"))
      page_.title = text_;
    else if (at("page", "ns"))
      page_.ns = std::atoi(text_.c_str());
    else if (at("page", "id"))
      page_.page_id = text_;
    else if (at("revision", "id"))
      revision_.id = text_;
    else if (at("revision", "parentid"))
      revision_.parent_id = text_;
    else if (at("revision", "timestamp"))
      revision_.timestamp = text_;
    else if (at("revision", "comment"))
      revision_.comment = text_;
    else if (at("revision", "model"))
      revision_.model = text_;
    else if (at("revision", "text"))
      revision_.text = text_, revision_.text_too_large = too_large_;
    else if (at("contributor", "username") || at("contributor", "ip"))
      revision_.author = text_;
    else if (at("page", "revision"))
      finish_revision();
    else if (path_.size() >= 2 && path_.back() == "page")
      finish_page();
    path_.pop_back();
    text_.clear();
  }

  void finish_revision() {
    revision_.title = page_.title;
    revision_.ns = page_.ns;
    revision_.page_id = page_.page_id;
    revision_.redirect = page_.redirect;
    if (revision_.model.empty()) revision_.model = "wikitext";
    // The newest by timestamp (ISO 8601 in UTC sorts as text), the later one on a tie: exports
    // list a page's revisions oldest first, but MediaWiki's own example of the format
    // (docs/export-demo.xml) lists them newest first.
    if (latest_only_) {
      if (!latest_ || revision_.timestamp >= latest_->timestamp) latest_ = std::move(revision_);
    } else {
      ready_.push_back(std::move(revision_));
    }
  }

  void finish_page() {
    if (latest_) ready_.push_back(std::move(*latest_));
    latest_.reset();
    page_ = DumpRevision{};
  }

  struct archive* archive_;
  std::uint64_t size_;
  bool latest_only_;
  xmlTextReaderPtr reader_ = nullptr;
  SiteInfo site_;
  std::vector<std::string> path_;  // the open elements' local names
  std::string text_;               // the text of the innermost open element
  bool too_large_ = false;
  int namespace_key_ = 0;
  DumpRevision page_, revision_;
  std::optional<DumpRevision> latest_;
  std::deque<DumpRevision> ready_;
  std::string error_;
  std::string parse_error_;  // libxml2's first error (keep_first_error)
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DumpReader> DumpReader::open(const std::filesystem::path& path, bool latest_only,
                                             std::string& error) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = ec.message();
    return nullptr;
  }
  struct archive* archive = archive_read_new();
  archive_read_support_filter_all(archive);
  archive_read_support_format_raw(archive);
  struct archive_entry* entry = nullptr;
  if (archive_read_open_filename(archive, path.c_str(), 1 << 16) != ARCHIVE_OK ||
      archive_read_next_header(archive, &entry) != ARCHIVE_OK) {
    error = archive_error_string(archive) ? archive_error_string(archive) : "unreadable";
    archive_read_free(archive);
    return nullptr;
  }
  return std::make_unique<XmlDumpReader>(archive, size, latest_only);
}

}  // namespace kidwiki::import
