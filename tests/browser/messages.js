'use strict';
// The interface's own words, read from the French catalogs, so that the tests find buttons and
// links by the label a reader sees without repeating the wording here. Only simple {name}
// arguments are filled in; plural patterns are not needed by these tests.
const fs = require('node:fs');
const path = require('node:path');

const kMessagesDir = path.join(__dirname, '..', '..', 'i18n', 'messages');

function load(lang) {
  const dir = path.join(kMessagesDir, lang);
  const catalog = {};
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    Object.assign(catalog, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  return catalog;
}

const catalogs = new Map();

// Returns the message of the `lang` catalogs with its {name} arguments replaced; throws for an
// unknown id so that a renamed message fails loudly instead of making a locator match nothing.
function msgIn(lang, id, args = {}) {
  if (!catalogs.has(lang)) catalogs.set(lang, load(lang));
  const catalog = catalogs.get(lang);
  if (!(id in catalog)) throw new Error(`no message ${id} in the ${lang} catalogs`);
  return catalog[id].replace(/\{(\w+)\}/g, (whole, name) => (name in args ? args[name] : whole));
}

// The same in French, the language of most browser tests.
function msg(id, args = {}) {
  return msgIn('fr', id, args);
}

module.exports = {msg, msgIn};
