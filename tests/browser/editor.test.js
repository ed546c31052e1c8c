'use strict';
// Issue 12, the pupil's editor: no word is lost (a closed tab, an ended session, a refusal), and
// the toolbar and live preview let a child write without knowing Markdown.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {violations} = require('./axe');
const {submit} = require('./forms');
const {msg} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

function textbox(page) {
  return page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
}

// Resolves once the editor has kept a draft holding `words` in this browser.
async function draftKept(page, words) {
  await page.waitForFunction((expected) => {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name.startsWith('kidwiki-draft:') && localStorage.getItem(name).includes(expected)) {
        return true;
      }
    }
    return false;
  }, words);
}

test('text typed in a tab that was closed is offered back, and forgotten once saved', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Brouillon?action=edit');
  const words = 'Un brouillon que la fermeture de l’onglet ne perd pas.';
  await textbox(page).fill(words);
  await draftKept(page, words);
  const context = page.context();
  await page.close();

  const again = await context.newPage();
  await again.goto('/fr/wiki/Brouillon?action=edit');
  const offer = again.getByRole('alert').filter({hasText: msg('web-edit-draft-offer')});
  await offer.waitFor();
  assert.equal(await textbox(again).inputValue(), '', 'the page itself is still empty');
  await offer.getByRole('button', {name: msg('web-edit-draft-use')}).click();
  assert.equal(await textbox(again).inputValue(), words);
  assert.equal((await submit(again, msg('web-edit-save'))).status(), 303);
  assert.ok((await again.locator('.content').textContent()).includes(words));
  // Forgotten as soon as the saved page shows, not at the next visit to the editor.
  await again.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('kidwiki-draft:')));

  await again.goto('/fr/wiki/Brouillon?action=edit');
  await again.locator('#wpTextbox').waitFor();
  await again.waitForLoadState('load');
  assert.equal(await again.getByText(msg('web-edit-draft-offer')).count(), 0,
               'a saved text is not offered again');
});

test('leaving the page with text not saved asks first; saving does not', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Quitter?action=edit');
  await textbox(page).fill('Un texte pas encore enregistré.');
  const asked = new Promise((resolve) => page.once('dialog', (dialog) => {
    resolve(dialog.type());
    dialog.dismiss();  // stay on the page
  }));
  await page.close({runBeforeUnload: true});
  assert.equal(await asked, 'beforeunload');

  const other = await wiki.newEditorPage();
  await other.goto('/fr/wiki/Quitter?action=edit');
  let dialogs = 0;
  other.on('dialog', (dialog) => {
    dialogs++;
    dialog.accept();
  });
  await textbox(other).fill('Un texte enregistré.');
  assert.equal((await submit(other, msg('web-edit-save'))).status(), 303);
  assert.equal(dialogs, 0, 'saving asks nothing');
});

test('a save after the session ended logs in beside the text, then saves it', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Session_finie?action=edit');
  const words = 'Écrit pendant que la session se terminait.';
  await textbox(page).fill(words);
  // The session ends (expiry, a new password, a logout elsewhere): the cookie opens nothing.
  const token = await page.locator('form.edit-form input[name="wpCsrf"]').inputValue();
  const ended = await page.request.delete('/api/v1/session', {headers: {'X-CSRF-Token': token}});
  assert.equal(ended.status(), 204);

  assert.equal((await submit(page, msg('web-edit-save'))).status(), 401);
  assert.equal(await textbox(page).inputValue(), words, 'the text is still on screen');
  const login = page.getByRole('group', {name: msg('web-edit-login-legend')});
  await login.getByRole('textbox', {name: msg('login-name-label')}).fill(wiki.admin.name);
  await login.getByLabel(msg('login-password-label')).fill(wiki.admin.password);
  assert.equal((await submit(page, msg('web-edit-save'))).status(), 303);
  assert.equal(pathOf(page), '/fr/wiki/Session_finie');
  assert.ok((await page.locator('.content').textContent()).includes(words));
});

test('a refused phone number is selected in the text box', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Téléphone_refusé?action=edit');
  const lines = ['Le téléphone sert à parler de loin.', '', 'Mon numéro : 06 12 34 56 78.'];
  await textbox(page).fill(lines.join('\n'));
  assert.equal((await submit(page, msg('web-edit-save'))).status(), 422);
  const selected = await page.locator('#wpTextbox').evaluate(
      (box) => box.value.slice(box.selectionStart, box.selectionEnd));
  assert.equal(selected, '06 12 34 56 78');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'wpTextbox');
  assert.ok((await page.getByRole('alert').first().textContent()).includes('06 12 34 56 78'));
});

test('the live preview follows the typing, with blue and red links', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Aperçu_vivant?action=edit');
  const preview = page.getByRole('region', {name: msg('web-live-preview-heading')});
  await textbox(page).fill('Le **lynx** court moins vite que le [[Cheval]] et le [[Zorglub inconnu]].');
  await preview.locator('strong', {hasText: 'lynx'}).waitFor();
  assert.equal(await preview.locator('a.new', {hasText: 'Zorglub inconnu'}).count(), 1,
               'a page that does not exist is a red link');
  assert.equal(await preview.locator('a:not(.new)', {hasText: 'Cheval'}).count(), 1,
               'an existing page is a blue link');
  await textbox(page).fill('## Une partie\n\nLe lynx dort.');
  await preview.getByRole('heading', {name: 'Une partie'}).waitFor();

  // The writing help under it: advice only, here that the article has no sources yet.
  const help = page.getByRole('region', {name: msg('writing-help-heading')});
  await help.getByText(msg('writing-help-sources')).waitFor();
  await textbox(page).fill('## Une partie\n\nLe chat mange.\n\n## Sources\n\n- Un livre');
  await help.getByText(msg('writing-help-all-good')).waitFor();
});

test('the toolbar\'s Table button writes a table the preview shows as one', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Planètes?action=edit');
  await textbox(page).fill('Les planètes :');
  await textbox(page).press('End');
  await page.getByRole('toolbar', {name: msg('web-toolbar-label')})
      .getByRole('button', {name: msg('web-toolbar-table')}).click();
  // The first heading is selected: the pupil types over it.
  await page.keyboard.type('Planète');
  const preview = page.getByRole('region', {name: msg('web-live-preview-heading')});
  await preview.getByRole('columnheader', {name: 'Planète'}).waitFor();
  assert.equal(await preview.getByRole('row').count(), 3, 'a heading row and two rows to fill');
  assert.equal((await submit(page, msg('web-edit-save'))).status(), 303);
  await page.locator('.content table').getByRole('columnheader', {name: 'Planète'}).waitFor();
});

test('the toolbar writes bold text and a link to a page it says exists', async () => {
  await wiki.waitForSearchIndex();
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Barre_d’outils?action=edit');
  const toolbar = page.getByRole('toolbar', {name: msg('web-toolbar-label')});
  await textbox(page).fill('Le lion ');
  await textbox(page).press('End');
  await toolbar.getByRole('button', {name: msg('web-toolbar-bold')}).click();
  assert.equal(await textbox(page).inputValue(), `Le lion **${msg('web-toolbar-bold-sample')}**`);

  await textbox(page).fill('Voir aussi : ');
  await textbox(page).press('End');
  await textbox(page).press('Control+k');
  const title = page.getByRole('combobox', {name: msg('web-link-title-label')});
  await title.pressSequentially('Éléph');
  await page.getByRole('option', {name: 'Éléphant'}).click();
  await page.getByRole('status').filter({hasText: msg('web-link-exists')}).waitFor();
  await page.getByRole('button', {name: msg('web-link-insert')}).click();
  assert.equal(await textbox(page).inputValue(), 'Voir aussi : [[Éléphant]]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'wpTextbox');

  // The characters French pupils need, shown on demand.
  assert.equal(await toolbar.getByRole('button', {name: 'œ', exact: true}).isVisible(), false);
  await toolbar.getByRole('button', {name: msg('web-toolbar-characters')}).click();
  await textbox(page).fill('');
  await toolbar.getByRole('button', {name: 'œ', exact: true}).click();
  assert.equal(await textbox(page).inputValue(), 'œ');

  // Keyboard only: the toolbar is one Tab stop, arrows move inside it.
  await toolbar.getByRole('button', {name: msg('web-toolbar-bold')}).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent),
               msg('web-toolbar-italic'));
});

test('the editor has no accessibility violation, toolbar, preview and panels included', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Accessible?action=edit');
  const preview = page.getByRole('region', {name: msg('web-live-preview-heading')});
  await textbox(page).fill('Le **lynx** et le [[Cheval]].');
  await preview.locator('strong', {hasText: 'lynx'}).waitFor();
  assert.deepEqual(await violations(page), [], 'the editor');
  await wiki.screenshot(page, 'editor');

  await page.getByRole('toolbar', {name: msg('web-toolbar-label')})
      .getByRole('button', {name: msg('web-toolbar-link')}).click();
  await page.getByRole('combobox', {name: msg('web-link-title-label')}).fill('Chev');
  assert.deepEqual(await violations(page), [], 'the editor with its link panel open');
  await wiki.screenshot(page, 'editor-link-panel');

  // A refusal, on a phone: the message, the selected words, the preview below the text.
  await page.setViewportSize({width: 390, height: 844});
  await page.keyboard.press('Escape');
  await textbox(page).fill('Appelle-moi au 06 12 34 56 78.');
  assert.equal((await submit(page, msg('web-edit-save'))).status(), 422);
  assert.deepEqual(await violations(page), [], 'the refused form');
  await wiki.screenshot(page, 'editor-refused-phone');
});
