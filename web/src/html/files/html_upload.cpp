// The upload form: a picture, its name, what it shows, its licence and credits, and the
// uploader's word that nobody can be recognised in it. A refusal shows the form again with what
// was typed (a browser cannot give the chosen file back: the message says to choose it again).
#include <algorithm>

#include "actions/edit_access.h"
#include "actions/upload_request.h"
#include "html/edit/html_edit_gate.h"
#include "html/files/html_files.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/access.h"
#include "http/error_status.h"
#include "http/form_fields.h"

namespace kidwiki::web {
namespace {

struct UploadForm {
  std::string name;  // the picture's name, without its namespace
  engine::UploadRequest request;
  std::optional<std::string> error_message;
};

// The picture `name` names ("Lion.jpg", "Fichier:Lion.jpg"): always a title of the File namespace.
engine::Result<engine::Title> picture_title(const HtmlContext& ctx, const std::string& name) {
  auto title = ctx.wiki().parse_title(ctx.ed(), name);
  if (title && title->ns != engine::Namespace::file) {
    title = ctx.wiki().parse_title(ctx.ed(), ctx.ed().names.file + ":" + name);
  }
  if (title && !engine::has_picture_extension(title->text)) {
    return engine::make_error(engine::ErrorCode::invalid_title, "upload-error-bad-name");
  }
  return title;
}

std::vector<TemplateData> licence_choices(const HtmlContext& ctx, const std::string& chosen) {
  std::vector<TemplateData> choices;
  for (const std::string& licence : engine::picture_licences()) {
    const std::string id = licence_message_id(licence);
    const bool checked = chosen.empty() ? licence == engine::picture_licences().front()
                                        : licence == chosen;
    choices.push_back(
        TemplateData().set("id", licence).set("label", ctx.msg(id)).set("checked", checked));
  }
  return choices;
}

void send_upload_form(httplib::Response& res, const HtmlContext& ctx, const UploadForm& form,
                      std::optional<std::string> existing, int status) {
  const engine::UploadRequest& r = form.request;
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).special("upload"))
      .set("name", form.name)
      .set("description", r.description)
      .set("author", r.author)
      .set("source", r.source)
      .set("summary", r.summary)
      .set("licences", licence_choices(ctx, r.licence))
      .set("has_error", form.error_message.has_value())
      .set("choose_again", form.error_message.has_value())
      .set("error_message", form.error_message.value_or(""));
  if (r.base_revision_id) data.set("base_revision_id", *r.base_revision_id);
  Chrome chrome;
  if (existing) {
    heading_with(chrome, ctx, "upload-heading-new-version", "title", *existing);
  } else {
    chrome.heading = ctx.msg("upload-heading");
  }
  chrome.noindex = true;
  send_html(res, ctx, chrome, "upload", std::move(data), status);
}

// Any picture's title will do to ask whether the reader may upload at all.
engine::Title probe_title(const HtmlContext& ctx, const std::string& name) {
  auto title = picture_title(ctx, name);
  return title ? title.value() : engine::Title{engine::Namespace::file, "Picture.jpg"};
}

// The upload, or why not; `form` keeps what was typed for the form shown again.
engine::Result<engine::Title> attempt_upload(const Call& call, const HtmlContext& ctx,
                                             UploadForm& form) {
  auto request = upload_request_of(call.req);
  if (!request) {
    for (auto [field, value] : {std::pair{"description", &form.request.description},
                                {"summary", &form.request.summary},
                                {"licence", &form.request.licence},
                                {"author", &form.request.author},
                                {"source", &form.request.source}}) {
      *value = form_field(call.req, field);
    }
    return request.error();
  }
  form.request = std::move(request).value();
  auto title = picture_title(ctx, form.name);
  if (!title) return title.error();
  auto allowed = authorize_edit(call.req, ctx.web, Caller{ctx.session}, ctx.ed(), title.value());
  if (!allowed) return allowed.error();
  auto outcome = ctx.wiki().upload(ctx.actor, ctx.ed(), title.value(), form.request);
  if (!outcome) return outcome.error();
  return title;
}

}  // namespace

void show_upload_form(const Call& call) {
  HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  UploadForm form;
  form.name = call.req.get_param_value("title");
  const engine::Title title = probe_title(ctx, form.name);
  if (!form_allowed(call.req, call.res, ctx, title)) return;
  std::optional<std::string> existing;
  // A new version of an existing picture continues the version its uploader works on.
  if (auto own = ctx.wiki().read_own(ctx.actor, ctx.ed(), title); own && !form.name.empty()) {
    form.request.base_revision_id = own->revision.id;
    existing = engine::full_title(title, ctx.ed().names);
    if (own->file) {
      form.request.licence = own->file->licence;
      form.request.author = own->file->author;
      form.request.source = own->file->source;
    }
  }
  send_upload_form(call.res, ctx, form, existing, 200);
}

void submit_upload(const Call& call) {
  HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  UploadForm form;
  form.name = form_field(call.req, "title");
  auto uploaded = attempt_upload(call, ctx, form);
  if (uploaded) return see_other(call.res, Urls(ctx.ed(), ctx.uselang).page(uploaded.value()));
  if (uploaded.error().code == engine::ErrorCode::not_logged_in) {
    return send_not_allowed(call.req, call.res, call.web, Caller{ctx.session});
  }
  form.error_message = ctx.msg(uploaded.error().message_id, uploaded.error().args);
  send_upload_form(call.res, ctx, form, std::nullopt, http_status(uploaded.error().code));
}

}  // namespace kidwiki::web
