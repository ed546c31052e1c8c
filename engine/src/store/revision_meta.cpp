#include "store/revision_meta.h"

#include <nlohmann/json.hpp>

namespace kidwiki::engine {
namespace {

nlohmann::json title_json(const Title& t) {
  return {{"ns", static_cast<int>(t.ns)}, {"title", t.text}};
}

Title title_from(const nlohmann::json& j) {
  return Title{static_cast<Namespace>(j.at("ns").get<int>()), j.at("title").get<std::string>()};
}

}  // namespace

RevisionMeta meta_of(const RenderResult& render) {
  return RevisionMeta{render.links, render.categories, render.langlinks, render.redirect};
}

std::string encode_meta(const RevisionMeta& meta) {
  nlohmann::json j;
  j["links"] = nlohmann::json::array();
  for (const auto& l : meta.links) j["links"].push_back(title_json(l));
  j["categories"] = meta.categories;
  j["langlinks"] = nlohmann::json::array();
  for (const auto& l : meta.langlinks) j["langlinks"].push_back({{"lang", l.lang}, {"title", l.title}});
  j["redirect"] = meta.redirect ? title_json(*meta.redirect) : nlohmann::json(nullptr);
  return j.dump();
}

RevisionMeta decode_meta(const std::string& json) {
  RevisionMeta meta;
  auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return meta;
  for (const auto& l : j.value("links", nlohmann::json::array())) meta.links.push_back(title_from(l));
  meta.categories = j.value("categories", std::vector<std::string>{});
  for (const auto& l : j.value("langlinks", nlohmann::json::array())) {
    meta.langlinks.push_back({l.at("lang").get<std::string>(), l.at("title").get<std::string>()});
  }
  if (j.contains("redirect") && j["redirect"].is_object()) meta.redirect = title_from(j["redirect"]);
  return meta;
}

}  // namespace kidwiki::engine
