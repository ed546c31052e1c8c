'use strict';
// The interface's own words, read from the French catalogs, so that the tests find buttons and
// links by the label a reader sees without repeating the wording here. Only simple {name}
// arguments are filled in; plural patterns are not needed by these tests.
const fs = require('node:fs');
const path = require('node:path');

const kCatalogDir = path.join(__dirname, '..', '..', 'i18n', 'messages', 'fr');

function load() {
  const catalog = {};
  for (const file of fs.readdirSync(kCatalogDir).filter((name) => name.endsWith('.json'))) {
    Object.assign(catalog, JSON.parse(fs.readFileSync(path.join(kCatalogDir, file), 'utf8')));
  }
  return catalog;
}

const catalog = load();

// Returns the message with its {name} arguments replaced; throws for an unknown id so that a
// renamed message fails loudly instead of making a locator match nothing.
function msg(id, args = {}) {
  if (!(id in catalog)) throw new Error(`no message ${id} in the fr catalogs`);
  return catalog[id].replace(/\{(\w+)\}/g, (whole, name) => (name in args ? args[name] : whole));
}

module.exports = {msg};
