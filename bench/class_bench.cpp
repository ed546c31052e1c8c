// A teacher's "add 25 pupils" at the production password cost (argon2id, Options' defaults), on a
// fresh wiki: the time a teacher waits for a class's login cards. docs/guide-teachers.md quotes it.
// Usage: class_bench [PUPILS] [RUNS]   (defaults 25 and 3). Prints each run and the median.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "engine/wiki.h"

namespace {

using namespace kidwiki::engine;

double one_run(int pupils) {
  std::string pattern = (std::filesystem::temp_directory_path() / "kidwiki-bench-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  Options options;  // production password cost
  options.data_dir = pattern;
  options.seed_demo = false;
  double ms = 0;
  {
    auto wiki = std::move(Wiki::open(options)).value();
    auto teacher =
        wiki->accounts().create_user(Actor::console(), "Mme Martin", "password-1", Role::teacher);
    const Actor actor = wiki->accounts().actor(teacher->id).value();
    auto cls = wiki->classes().create_class(actor, "CM1", "fr", true);
    const auto start = std::chrono::steady_clock::now();
    auto created = wiki->classes().add_generated_pupils(actor, cls->id, pupils);
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!created) throw std::runtime_error("add_generated_pupils: " + created.error().message_id);
  }
  std::filesystem::remove_all(pattern);
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  const int pupils = argc > 1 ? std::stoi(argv[1]) : 25;
  const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    times.push_back(one_run(pupils));
    std::cout << "run " << i + 1 << ": " << pupils << " pupils in " << times.back() << " ms\n";
  }
  std::sort(times.begin(), times.end());
  std::cout << "median: " << times[times.size() / 2] << " ms for " << pupils << " pupils\n";
}
