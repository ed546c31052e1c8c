#include "actions/upload_request.h"

#include <charconv>

#include "http/form_fields.h"

namespace kidwiki::web {
namespace {

bool is_multipart(const httplib::Request& req) {
  return req.get_header_value("Content-Type").starts_with("multipart/form-data");
}

std::string field(const httplib::Request& req, const std::string& name) {
  return is_multipart(req) ? body_field(req, name) : req.get_param_value(name);
}

bool is_yes(std::string_view value) {
  return value == "1" || value == "true" || value == "on" || value == "yes";
}

}  // namespace

engine::Result<engine::UploadRequest> upload_request_of(const httplib::Request& req) {
  engine::UploadRequest upload;
  if (is_multipart(req)) {
    if (!req.has_file("file") || req.get_file_value("file").content.empty()) {
      return engine::make_error(engine::ErrorCode::invalid_input, "upload-error-no-file");
    }
    const auto& part = req.get_file_value("file");
    upload.bytes = part.content;
    upload.content_type = part.content_type;
  } else {
    if (req.body.empty()) return engine::make_error(engine::ErrorCode::invalid_input, "upload-error-no-file");
    upload.bytes = req.body;
    upload.content_type = req.get_header_value("Content-Type");
  }
  upload.description = field(req, "description");
  upload.summary = field(req, "summary");
  upload.licence = field(req, "licence");
  upload.author = field(req, "author");
  upload.source = field(req, "source");
  upload.confirmed_nothing_personal = is_yes(field(req, "confirm"));
  const std::string base = field(req, "base_revision_id");
  if (!base.empty()) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(base.data(), base.data() + base.size(), id);
    if (ec != std::errc() || end != base.data() + base.size() || id <= 0) {
      return engine::make_error(engine::ErrorCode::invalid_input, "upload-error-bad-base");
    }
    upload.base_revision_id = id;
  }
  return upload;
}

}  // namespace kidwiki::web
