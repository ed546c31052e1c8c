// A wiki with what an export must leave out beside what it must keep: published articles linking
// each other, a red link, a redirect, a picture, a pupil's edit waiting for review, a hidden
// revision and a deleted page. The texts that must never leave are in capitals.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "../engine/wiki_fixture.h"

namespace kidwiki::testing {

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct OfflineFixture : WikiFixture {
  std::int64_t teacher = 0, other_teacher = 0, class_id = 0, pupil = 0;

  OfflineFixture() : WikiFixture(false, 0, /*fast_passwords=*/true) {
    teacher = make_user("Mme Martin", engine::Role::teacher);
    other_teacher = make_user("M. Durand", engine::Role::teacher);
    class_id = wiki->classes().create_class(actor(teacher), "CM1 Jaune", "fr", true).value().id;
    pupil = make_user("Léa", engine::Role::pupil, class_id);
    publish(fr.main_page, "Bienvenue ! Lisez l’article [[Lion]].");
    upload_lion();
    publish("Lion", "Le lion est un grand félin.\n\n![Un lion](Fichier:Lion.jpg)\n\n"
                    "Il chasse le [[Zèbre]] et la [[Gazelle inconnue]].\n\n[[Catégorie:Animaux]]");
    publish("Zèbre", "Le zèbre a des rayures. [[Lion|Son prédateur]].\n\n[[Catégorie:Animaux]]");
    publish("Roi des animaux", "#REDIRECTION [[Lion]]");
    // A pupil's edit waits for review: readers still see the published lion.
    auto pending = save_as(actor(pupil), fr, "Lion", "TEXTE EN ATTENTE DE RELECTURE",
                           wiki->read(reader(), fr, title(fr, "Lion"), false)->revision.id);
    REQUIRE(pending);
    REQUIRE(pending->review == engine::ReviewState::pending);
    // A hidden revision: readers see the one before it.
    publish("Girafe", "La girafe a un long cou.\n\n[[Catégorie:Animaux]]");
    auto hidden = save(fr, "Girafe", "REVISION CACHEE PAR UN MODERATEUR",
                       wiki->read(reader(), fr, title(fr, "Girafe"), false)->revision.id);
    REQUIRE(hidden);
    REQUIRE(wiki->moderation().set_revision_hidden(console(), fr, hidden->revision_id, true, "test"));
    // A deleted page exists for nobody.
    publish("Secret", "PAGE SUPPRIMEE");
    REQUIRE(wiki->moderation().delete_page(console(), fr, title(fr, "Secret"), "test"));
  }

  void publish(const std::string& name, const std::string& text) {
    if (text.empty()) return;
    auto saved = save(fr, name, text);
    REQUIRE(saved);
  }

  void upload_lion() {
    engine::UploadRequest r;
    r.bytes = read_bytes(std::string(KIDWIKI_IMAGES_DIR) + "/phone.jpg");
    r.content_type = "image/jpeg";
    r.description = "Un lion.";
    r.confirmed_nothing_personal = true;
    REQUIRE(wiki->upload(console(), fr, title(fr, "Fichier:Lion.jpg"), r));
  }
};

// The texts that only moderators, the pupil or their teacher may see.
inline const char* const kNeverExported[] = {"EN ATTENTE", "CACHEE", "SUPPRIMEE"};

}  // namespace kidwiki::testing
