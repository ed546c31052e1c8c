// What the render tests check about processes: the children this process has (running or
// zombie) and its open descriptors, read from /proc; and that two renders say the same.
#pragma once

#include <dirent.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/render.h"

namespace kidwiki::engine {

// Pids of the processes whose parent is this one.
inline std::vector<pid_t> child_pids() {
  std::vector<pid_t> pids;
  DIR* proc = opendir("/proc");
  REQUIRE(proc != nullptr);
  while (dirent* entry = readdir(proc)) {
    std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
    std::string line;
    if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    char state;
    pid_t parent;
    if (fields >> state >> parent && parent == getpid()) pids.push_back(std::stoi(entry->d_name));
  }
  closedir(proc);
  return pids;
}

inline int child_processes() { return static_cast<int>(child_pids().size()); }

inline int open_descriptors() {
  int count = 0;
  DIR* fds = opendir("/proc/self/fd");
  REQUIRE(fds != nullptr);
  while (readdir(fds) != nullptr) ++count;
  closedir(fds);
  return count;
}

inline void check_same(const RenderResult& a, const RenderResult& b) {
  CHECK(a.html == b.html);
  CHECK(a.links == b.links);
  CHECK(a.categories == b.categories);
  CHECK(a.langlinks == b.langlinks);
  CHECK(a.redirect == b.redirect);
  CHECK(a.plain_text == b.plain_text);
  REQUIRE(a.headings.size() == b.headings.size());
  for (std::size_t i = 0; i < a.headings.size(); ++i) {
    CHECK(a.headings[i].level == b.headings[i].level);
    CHECK(a.headings[i].text == b.headings[i].text);
    CHECK(a.headings[i].anchor == b.headings[i].anchor);
  }
}

}  // namespace kidwiki::engine
