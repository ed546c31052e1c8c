// An upload as HTTP carries it, for the JSON API and the HTML form alike:
// - multipart/form-data: the picture in the field "file" (its part's Content-Type), the other
//   fields beside it;
// - any other body: the body is the picture, its Content-Type the request's, the other fields in
//   the query string (POST /api/v1/fr/files/Chat.jpg?confirm=1&licence=cc0).
// Fields: description, summary, licence, author, source, confirm (1, true, on or yes: the
// uploader confirmed nothing personal shows), base_revision_id.
#pragma once

#include <httplib.h>

#include "engine/files.h"
#include "engine/result.h"

namespace kidwiki::web {

// invalid_input for a base_revision_id that is not a number and for a request without a picture.
engine::Result<engine::UploadRequest> upload_request_of(const httplib::Request& req);

}  // namespace kidwiki::web
