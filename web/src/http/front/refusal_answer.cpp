#include "http/front/refusal_answer.h"

namespace kidwiki::web {

std::string_view refusal_reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

std::string refusal_answer(int status, std::string_view text) {
  std::string answer = "HTTP/1.1 " + std::to_string(status) + ' ';
  answer += refusal_reason(status);
  answer += "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ";
  answer += std::to_string(text.size());
  answer += "\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
  // Too many clients: tell them when to come back.
  if (status == 503) answer += "Retry-After: 5\r\n";
  answer += "\r\n";
  answer += text;
  return answer;
}

}  // namespace kidwiki::web
