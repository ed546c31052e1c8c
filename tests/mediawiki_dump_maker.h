// Writes a MediaWiki XML export of more than 1,000 pages with their history, made from the 124
// Vikidia articles of tests/data/vikidia-fr (tests/data/mediawiki/README.md): the import tests'
// and bench/import.sh's large dump, which the project cannot download.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kidwiki::testing {

struct MadeDump {
  int pages = 0;
  int revisions = 0;
  std::vector<std::string> titles;
};

namespace dump_maker {

inline std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Replaces every `from` in `s` by `to`, in one pass.
inline std::string replaced(const std::string& s, const std::string& from, const std::string& to) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t next; (next = s.find(from, at)) != std::string::npos; at = next + from.size()) {
    out += s.substr(at, next - at) + to;
  }
  return out + s.substr(at);
}

// The corpus's Markdown back to wikitext, line by line: what a MediaWiki page of it holds.
inline std::string wikitext_of(const std::string& markdown) {
  std::istringstream in(markdown);
  std::string out, line;
  while (std::getline(in, line)) {
    line = replaced(replaced(line, "**", "'''"), "*", "''");
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes < line.size() && line[hashes] == ' ') {
      const std::string marks(hashes, '=');
      line = marks + " " + line.substr(hashes + 1) + " " + marks;
    } else if (line.starts_with("- ")) {
      line = "* " + line.substr(2);
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace dump_maker

// `copies` pages per article, three revisions each. Returns what it wrote.
inline MadeDump make_mediawiki_dump(const std::filesystem::path& corpus,
                                    const std::filesystem::path& out_path, int copies = 9) {
  using namespace dump_maker;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::ofstream out(out_path, std::ios::binary);
  out << "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.10/\" version=\"0.10\" "
         "xml:lang=\"fr\">\n  <siteinfo>\n    <sitename>Vikidia</sitename>\n"
         "    <dbname>frvikidiamade</dbname>\n    <namespaces>\n"
         "      <namespace key=\"0\" case=\"first-letter\" />\n"
         "      <namespace key=\"14\" case=\"first-letter\">Catégorie</namespace>\n"
         "    </namespaces>\n  </siteinfo>\n";
  MadeDump made;
  long revision_id = 100000;
  for (int copy = 1; copy <= copies; ++copy) {
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const std::string full = wikitext_of(text.str()) + "{{Portail|animaux}}\n";
      const std::string title =
          file.stem().string() + (copy == 1 ? "" : " (" + std::to_string(copy) + ")");
      const std::size_t first_paragraph = std::min(full.find("\n\n"), full.size());
      std::size_t half = std::max(first_paragraph, full.size() / 2);
      while (half < full.size() && (static_cast<unsigned char>(full[half]) & 0xC0) == 0x80) ++half;
      const std::string versions[] = {
          "{{Ébauche}}\n" + full.substr(0, first_paragraph) + "<ref>Vikidia</ref>\n",
          full.substr(0, half) + "\n", full};  // cut between two characters
      out << "  <page>\n    <title>" << xml_escaped(title) << "</title>\n    <ns>0</ns>\n"
          << "    <id>" << ++made.pages << "</id>\n";
      int day = 0;
      for (const auto& version : versions) {
        ++revision_id;
        ++day;
        out << "    <revision>\n      <id>" << revision_id << "</id>\n"
            << "      <timestamp>2018-0" << (copy % 9) + 1 << "-1" << day
            << "T10:00:00Z</timestamp>\n"
            << "      <contributor><username>Contributeur " << (revision_id % 7)
            << "</username></contributor>\n      <comment>version " << day << "</comment>\n"
            << "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            << "      <text xml:space=\"preserve\">" << xml_escaped(version) << "</text>\n"
            << "    </revision>\n";
        ++made.revisions;
      }
      out << "  </page>\n";
      made.titles.push_back(title);
    }
  }
  out << "</mediawiki>\n";
  return made;
}

}  // namespace kidwiki::testing
