#include "corpus_file.h"

#include <fstream>
#include <stdexcept>

namespace kidwiki::bench {

std::vector<Article> read_corpus(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<Article> articles;
  std::string header;
  while (std::getline(in, header)) {
    const auto tab1 = header.find('\t');
    const auto tab2 = header.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) {
      throw std::runtime_error("bad record header: " + header);
    }
    Article a{header.substr(0, tab1), header.substr(tab1 + 1, tab2 - tab1 - 1), {}};
    a.markdown.resize(std::stoul(header.substr(tab2 + 1)));
    if (!in.read(a.markdown.data(), static_cast<std::streamsize>(a.markdown.size()))) {
      throw std::runtime_error("corpus cut short in " + a.title);
    }
    articles.push_back(std::move(a));
  }
  return articles;
}

std::vector<QueryCase> read_queries(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<QueryCase> cases;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    cases.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

}  // namespace kidwiki::bench
