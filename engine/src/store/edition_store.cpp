#include "store/edition_store.h"

namespace kidwiki::engine {

std::vector<Edition> all_editions(db::Connection& c) {
  auto st = c.prepare(
      "SELECT id, lang, name, dir, main_page, talk_name, category_name, anonymous_editing, file_name"
      " FROM edition ORDER BY id");
  std::vector<Edition> editions;
  while (st.step()) {
    Edition e;
    e.id = st.int64(0);
    e.lang = st.text(1);
    e.name = st.text(2);
    e.dir = st.text(3);
    e.main_page = st.text(4);
    e.names = NamespaceNames{st.text(5), st.text(6), st.text(8)};
    e.anonymous_editing = st.int64(7) != 0;
    editions.push_back(std::move(e));
  }
  return editions;
}

void insert_edition(db::Connection& c, const Edition& edition) {
  c.prepare(
       "INSERT INTO edition (lang, name, dir, main_page, talk_name, category_name, file_name)"
       " VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, edition.lang)
      .bind(2, edition.name)
      .bind(3, edition.dir)
      .bind(4, edition.main_page)
      .bind(5, edition.names.talk)
      .bind(6, edition.names.category)
      .bind(7, edition.names.file)
      .run();
}

void set_edition_anonymous_editing(db::Connection& c, std::int64_t edition_id, bool on) {
  c.prepare("UPDATE edition SET anonymous_editing = ? WHERE id = ?")
      .bind(1, std::int64_t{on})
      .bind(2, edition_id)
      .run();
}

}  // namespace kidwiki::engine
