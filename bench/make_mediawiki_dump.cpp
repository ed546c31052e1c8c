// Writes the 1,000-page MediaWiki export that the import tests use (tests/mediawiki_dump_maker.h),
// for bench/import.sh. Usage: make_mediawiki_dump OUT.xml [COPIES]
#include <cstdlib>
#include <iostream>

#include "mediawiki_dump_maker.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: make_mediawiki_dump OUT.xml [COPIES]\n";
    return 2;
  }
  const int copies = argc > 2 ? std::atoi(argv[2]) : 9;
  const auto made = kidwiki::testing::make_mediawiki_dump(KIDWIKI_CORPUS_DIR, argv[1], copies);
  std::cout << made.pages << " " << made.revisions << "\n";
  return 0;
}
