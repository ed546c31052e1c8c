// The wikitext converter (web/src/import/wikitext.h): one row per construct, on wikitext as
// Vikidia and Wikipedia pages write it, and inputs that must stay linear.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "import/wikitext.h"

using kidwiki::import::Converted;
using kidwiki::import::WikitextNames;
using kidwiki::import::wikitext_to_markdown;

namespace {

WikitextNames french() {
  WikitextNames names;
  names.source_category = {"Catégorie"};
  names.source_file = {"Fichier"};
  names.category = "Catégorie";
  names.file = "Fichier";
  names.sources_heading = "Sources";
  return names;
}

std::string md(const std::string& wikitext) { return wikitext_to_markdown(wikitext, french()).markdown; }

}  // namespace

TEST_CASE("wikitext converts to kidwiki Markdown") {
  struct Row {
    const char* name;
    const char* wikitext;
    const char* markdown;
  };
  const Row rows[] = {
      {"plain text", "Le chat dort.", "Le chat dort.\n"},
      {"bold and italic", "Le '''chat''' est ''gris''.", "Le **chat** est *gris*.\n"},
      {"bold italic", "'''''Attention'''''", "***Attention***\n"},
      {"unclosed bold closes at the line's end", "'''Chat\nsuite", "**Chat**\nsuite\n"},
      {"four quotes keep one", "l''''île'''", "l'**île**\n"},
      {"heading level 2", "== Histoire ==", "## Histoire\n"},
      {"heading level 3 without spaces", "===Repas===", "### Repas\n"},
      {"paragraph then heading", "Texte.\n== Vie ==\nSuite.", "Texte.\n\n## Vie\n\nSuite.\n"},
      {"internal link", "Voir [[Chien]].", "Voir [[Chien]].\n"},
      {"link with label", "Un [[Chien|toutou]].", "Un [[Chien|toutou]].\n"},
      {"link trail", "Des [[chat]]s et des [[éléphant]]eaux.",
       "Des [[chat|chats]] et des [[éléphant|éléphanteaux]].\n"},
      {"link with section", "[[Lion#Chasse|la chasse]]", "[[Lion#Chasse|la chasse]]\n"},
      {"label with quotes", "[[Lion|''le lion'']]", "[[Lion|le lion]]\n"},
      {"external link with label", "[https://vikidia.org Vikidia]", "[Vikidia](https://vikidia.org)\n"},
      {"external link without label", "[https://vikidia.org]", "<https://vikidia.org>\n"},
      {"protocol-relative link", "[//fr.vikidia.org site]", "[site](https://fr.vikidia.org)\n"},
      {"bullet list", "* un\n* deux\n** deux bis", "- un\n- deux\n  - deux bis\n"},
      {"numbered list", "# un\n# deux\n#* détail", "1. un\n1. deux\n   - détail\n"},
      {"definition", "; Chat : un félin", "- **Chat** : un félin\n"},
      {"indented paragraph", ": retrait", "retrait\n"},
      {"list then paragraph", "* un\nTexte", "- un\n\nTexte\n"},
      {"category", "Texte.\n[[Catégorie:Félin]]", "Texte.\n[[Catégorie:Félin]]\n"},
      {"category with sort key", "[[Catégorie:Félin|Chat]]", "[[Catégorie:Félin]]\n"},
      {"English category name", "[[Category:Cats]]", "[[Catégorie:Cats]]\n"},
      {"interlanguage link", "[[en:Cat]]", "[[en:Cat]]\n"},
      {"link to a category page", "[[:Catégorie:Félin]]", "[[:Catégorie:Félin]]\n"},
      {"picture with caption", "[[Fichier:Chat.jpg|vignette|Un chat qui dort]]",
       "![Un chat qui dort](Fichier:Chat.jpg)\n"},
      {"picture with spaces and size", "[[File:Chat noir.jpg|thumb|200px|left|Un [[chat]] noir]]",
       "![Un chat noir](<Fichier:Chat noir.jpg>)\n"},
      {"picture without caption", "[[Image:Lion.png]]", "![](Fichier:Lion.png)\n"},
      {"template dropped", "{{Infobox Animal|nom=Chat}}Le chat.", "Le chat.\n"},
      {"nested templates dropped", "{{a|{{b|{{c}}}}}}Texte", "Texte\n"},
      {"parser function dropped", "{{#if:x|oui|non}}Fin", "Fin\n"},
      {"pipe template in a table", "{|\n| a {{!}} b\n|}", "| a \\| b |\n| --- |\n"},
      {"unclosed template stays as text", "Texte {{Ébauche", "Texte {{Ébauche\n"},
      {"dashes", "1914{{ndash}}1918{{mdash}}fin", "1914–1918—fin\n"},
      {"unit", "{{unité|32|nm}}", "32\u00a0nm\n"},
      {"unit squared", "{{Unité|2|km|2}}", "2\u00a0km²\n"},
      {"date", "le {{date|4|juin|2013}}", "le 4 juin 2013\n"},
      {"main articles", "{{Article détaillé|Lion|Tigre}}", "→ [[Lion]], [[Tigre]]\n"},
      {"English main article", "{{main|Social anarchism}}", "→ [[Social anarchism]]\n"},
      {"text in another language", "{{lang|en|cat}}", "cat\n"},
      {"quotation", "{{citation|Je pense donc je suis}}", "« Je pense donc je suis »\n"},
      {"layout templates leave nothing", "a{{clear}}b{{-}}", "ab\n"},
      {"empty templates leave nothing", "a{{Lien}}{{quote}}{{main}}{{cite web}}b", "ab\n"},
      {"number", "{{formatnum:1234567}} habitants", "1234567 habitants\n"},
      {"quotation by name", "{{quote|text=To be}}", "« To be »\n"},
      {"translated link", "{{Lien|fr=Intel Quick Sync|lang=en|texte=Quick Sync}}",
       "[[Intel Quick Sync|Quick Sync]]\n"},
      {"cite book in a note",
       "Texte.<ref>{{cite book |last=Purkis |first=Jon |title=Changing Anarchism |publisher=Manchester "
       "University Press |location=Manchester |year=2004 |isbn=0719066948 }}</ref>",
       "Texte.[1]\n\n## Sources\n\n1. Purkis, Jon. *Changing Anarchism*. Manchester University Press, "
       "2004. ISBN 0719066948.\n"},
      {"Lien web with a link in its title",
       "a<ref>{{Lien web|url=https://a.org/x?b=c|titre=Le [[chat]]|site=Vikidia|date=2019}}</ref>",
       "a[1]\n\n## Sources\n\n1. [Le chat](https://a.org/x?b=c). *Vikidia*. 2019.\n"},
      {"citation holding a dash", "{{cite web|title=A{{ndash}}B|url=http://a.org}}",
       "[A–B](http://a.org).\n"},
      {"caption ending with a note", "[[File:A.jpg|thumb|Godwin, the first<ref name=\"x\" />]] b<ref name=\"x\">N</ref>",
       "![Godwin, the first1](Fichier:A.jpg) b[1]\n\n## Sources\n\n1. N\n"},
      {"comment dropped", "Un<!-- caché --> chat", "Un chat\n"},
      {"magic word dropped", "__NOTOC__\nTexte", "Texte\n"},
      {"reference", "Le chat<ref>Livre des chats</ref> dort.",
       "Le chat[1] dort.\n\n## Sources\n\n1. Livre des chats\n"},
      {"named reference used twice", "a<ref name=\"x\">Note</ref> b<ref name=\"x\" />",
       "a[1] b[1]\n\n## Sources\n\n1. Note\n"},
      {"references tag dropped", "a<ref>n</ref>\n\n<references />", "a[1]\n\n## Sources\n\n1. n\n"},
      {"table with header", "{| class=\"wikitable\"\n! Animal !! Pattes\n|-\n| Chat || 4\n|-\n| Poule || 2\n|}",
       "| Animal | Pattes |\n| --- | --- |\n| Chat | 4 |\n| Poule | 2 |\n"},
      {"table cells on their own lines", "{|\n|-\n! A\n! B\n|-\n| 1\n| 2\n|}",
       "| A | B |\n| --- | --- |\n| 1 | 2 |\n"},
      {"table cell attributes dropped", "{|\n| style=\"color:red\" | rouge\n|}", "| rouge |\n| --- |\n"},
      {"table link label escaped", "{|\n| [[Chat|le chat]]\n|}", "| [[Chat\\|le chat]] |\n| --- |\n"},
      {"table caption", "{|\n|+ Les pattes\n! A\n|}", "*Les pattes*\n\n| A |\n| --- |\n"},
      {"unclosed table ends with the page", "{|\n| a\n| b", "| a | b |\n| --- | --- |\n"},
      {"nested table dropped", "{|\n| a\n{|\n| x\n|}\n| b\n|}", "| a | b |\n| --- | --- |\n"},
      {"rule", "a\n----\nb", "a\n\n---\n\nb\n"},
      {"redirect", "#REDIRECTION [[Chat]]", "#REDIRECT [[Chat]]\n"},
      {"redirect in English, lower case", "#redirect [[Chat#Vie]]", "#REDIRECT [[Chat#Vie]]\n"},
      {"nowiki", "<nowiki>[[pas un lien]]</nowiki>", "&#91;&#91;pas un lien&#93;&#93;\n"},
      {"formatting tags unwrapped", "<small>petit</small> <center>centre</center>", "petit centre\n"},
      {"bold tag", "<b>gras</b>", "**gras**\n"},
      {"line break", "un<br />deux", "un deux\n"},
      {"gallery dropped", "a\n<gallery>\nChat.jpg\n</gallery>\nb", "a\n\nb\n"},
      {"pre as code", "<pre>x = 1</pre>", "```\nx = 1\n```\n"},
      {"Markdown characters stay text", "5 * 3 = 15, a_b, `x`", "5 \\* 3 = 15, a\\_b, \\`x\\`\n"},
      {"line starting like a Markdown block", "- pas une liste\n1. pas non plus",
       "\\- pas une liste\n1\\. pas non plus\n"},
      {"leading spaces are not code", "   texte", "texte\n"},
      {"HTML stays text", "<script>alert(1)</script>", "\\<script>alert(1)\\</script>\n"},
      {"tilde signature stays text", "~~~~", "\\~\\~\\~\\~\n"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(md(row.wikitext) == row.markdown);
  }
}

TEST_CASE("what the converter drops is counted for the report") {
  const Converted c = wikitext_to_markdown(
      "{{Infobox Animal|a=1}}{{Palette|x}}{{Palette|y}}{{#if:a|b}}\n<gallery>x</gallery>\n"
      "<math>x^2</math>\n{|\n|\n{|\n|x\n|}\n|}{{cite web|title=A{{Palette}}}}{{ndash}}",
      french());
  const std::map<std::string, int> expected = {{"{{Infobox Animal}}", 1}, {"{{Palette}}", 3},
                                               {"{{#if}}", 1},           {"<gallery>", 1},
                                               {"<math>", 1},            {"nested table", 1}};
  CHECK(c.lost == expected);
}

TEST_CASE("a real Vikidia article converts") {
  const std::string wikitext =
      "{{Ébauche|zoologie}}\n"
      "{{Infobox Animal\n| nom = Chat\n| image = Chat.jpg\n}}\n"
      "Le '''chat''' (''Felis catus'') est un [[mammifère]] [[carnivore]] de la famille des "
      "[[félidés]].<ref>{{Lien web|url=https://example.org|titre=Le chat}}</ref>\n\n"
      "== Description ==\n"
      "Le chat a des [[moustache]]s très sensibles.\n"
      "[[Fichier:Cat poster 1.jpg|thumb|left|Un chat [[européen]].]]\n\n"
      "=== Alimentation ===\n"
      "* les [[souris]] ;\n* les oiseaux.\n\n"
      "{{Portail|animaux}}\n"
      "[[Catégorie:Félin]]\n[[en:Cat]]\n";
  const Converted c = wikitext_to_markdown(wikitext, french());
  CHECK(c.markdown ==
        "Le **chat** (*Felis catus*) est un [[mammifère]] [[carnivore]] de la famille des "
        "[[félidés]].[1]\n\n"
        "## Description\n\n"
        "Le chat a des [[moustache|moustaches]] très sensibles.\n"
        "![Un chat européen.](<Fichier:Cat poster 1.jpg>)\n\n"
        "### Alimentation\n\n"
        "- les [[souris]] ;\n- les oiseaux.\n\n"
        "[[Catégorie:Félin]]\n[[en:Cat]]\n\n"
        "## Sources\n\n1. [Le chat](https://example.org).\n");
  CHECK(c.lost.at("{{Infobox Animal}}") == 1);
  CHECK(c.lost.at("{{Portail}}") == 1);
  CHECK(c.lost.count("{{Lien web}}") == 0);  // a citation becomes the source's line
}

// Slow inputs: each must finish, and stay linear (a quadratic pass on a megabyte would take
// minutes; the timeout only catches that).
TEST_CASE("hostile wikitext converts in linear time" * doctest::timeout(60)) {
  const std::size_t n = 1 << 20;
  const std::string inputs[] = {
      std::string(n, '\''),                       // a megabyte of quotes
      [&] { std::string s; while (s.size() < n) s += "'''"; return s; }(),
      std::string(n / 2, '{') ,                   // unclosed templates, deeply nested
      [&] { std::string s; while (s.size() < n) s += "{{a|"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "{|\n| x\n"; return s; }(),  // unclosed tables
      [&] { std::string s; while (s.size() < n) s += "[["; return s; }(),         // unclosed links
      [&] { std::string s; while (s.size() < n) s += "[[Fichier:a.jpg|[[b"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "[http://a "; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "<ref>"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "<nowiki>"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "<!--"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "<ref name=a/>"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "*#:;"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "==\n"; return s; }(),
      [&] { std::string s; while (s.size() < n) s += "{{main|{{ndash}}{{cite web|title={{ndash}}}}}}"; return s; }(),
      [&] { std::string s; while (s.size() < n / 8) s += "{{cite web|title="; while (s.size() < n) s += "}}"; return s; }(),
  };
  for (const auto& input : inputs) {
    CAPTURE(input.substr(0, 20));
    const Converted c = wikitext_to_markdown(input, french());
    CHECK(c.markdown.size() < 8 * input.size() + 1024);
  }
}

TEST_CASE("random wikitext never breaks the converter" * doctest::timeout(120)) {
  const std::string alphabet[] = {"'", "''", "'''", "[[", "]]", "[", "]", "{{", "}}", "{|", "|}",
                                  "|", "||", "!", "!!", "|-", "\n", "=", "==", "*", "#", ":",
                                  ";", "<ref>", "</ref>", "<ref name=a/>", "<nowiki>", "</nowiki>",
                                  "<!--", "-->", "Fichier:", "Catégorie:", "http://x", " ", "a",
                                  "é", "<", ">", "\\", "`", "_", "~", "<pre>", "</pre>", "\xff"};
  std::uint64_t state = 42;
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (int k = 0; k < 60; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      input += alphabet[(state >> 33) % std::size(alphabet)];
    }
    const Converted c = wikitext_to_markdown(input, french());
    CHECK(c.markdown.size() < 16 * input.size() + 1024);
  }
}
