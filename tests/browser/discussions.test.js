'use strict';
// Issue 15, "done when": a class discusses an article in threads on its talk page. A pupil starts
// a topic from the talk page's form, another answers with the Reply button under the comment;
// the server signs both (nobody types a signature), their teacher reviews them like any edit, the
// talk page shows the reply indented under what it answers, and the first pupil is told.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {apiOf} = require('./api');
const {submit} = require('./forms');
const {msg} = require('./messages');
const session = require('./session');

const kTeacher = {name: 'M Bernard', password: 'tortue-mer-2026'};
const kTalk = '/fr/wiki/Discussion:Tortue_verte';
const kQuestion = 'Est-ce que la tortue verte dort sous l’eau ?';
const kAnswer = 'Oui, elle peut dormir sous l’eau plusieurs heures.';

let wiki;
let api;
before(async () => {
  wiki = await session.open();
  api = apiOf(wiki.url);
});
after(async () => {
  if (wiki) await wiki.finish();
});

test('a class discusses an article in threads on its talk page', async () => {
  const {teacher, pupils} = await api.makeClass(wiki.admin, kTeacher, 'CM1 Tortues', 2);
  const admin = await api.logIn(wiki.admin);
  const article = await api.call('PUT', '/api/v1/fr/pages/Tortue%20verte',
                                 {markdown: 'La tortue verte vit dans la mer.', summary: 'début'},
                                 admin);
  assert.equal(article.status, 201);

  // The first pupil starts a topic from the talk tab of the article.
  const asker = await wiki.newUserPage(pupils[0]);
  await asker.goto('/fr/wiki/Tortue_verte');
  const tabs = asker.getByRole('navigation', {name: msg('web-tabs-label')});
  await tabs.getByRole('link', {name: msg('web-tab-talk')}).click();
  await asker.waitForURL((url) => url.pathname === '/fr/wiki/Discussion:Tortue_verte');
  const topicForm = asker.locator('section.talk-new-topic');
  await topicForm.getByRole('textbox', {name: msg('talk-subject-label')}).fill('Le sommeil');
  await topicForm.getByRole('textbox', {name: msg('talk-text-label')}).fill(kQuestion);
  assert.equal((await submit(asker, msg('talk-new-topic-submit'), topicForm)).status(), 303);
  await asker.locator('.content').getByText(kQuestion).waitFor();
  assert.equal(await api.approveAll(teacher), 1);

  // The second pupil answers under the comment; the signature is the server's.
  const answerer = await wiki.newUserPage(pupils[1]);
  await answerer.goto(kTalk);
  const comment = answerer.locator('.content p').filter({hasText: kQuestion});
  await comment.getByText(pupils[0].name).waitFor();
  await answerer.getByRole('button', {name: msg('talk-reply-button')}).first().click();
  const replyForm = answerer.locator('form.talk-reply-form');
  await replyForm.getByRole('textbox', {name: msg('talk-reply-label')}).fill(kAnswer);
  await wiki.screenshot(answerer, 'talk-reply-form');
  assert.equal((await submit(answerer, msg('talk-reply-submit'), replyForm)).status(), 303);
  assert.equal(await api.approveAll(teacher), 1);

  // Everyone sees the thread: the answer indented under the question, both signed.
  const reader = await wiki.newPage();
  await reader.goto(kTalk);
  await reader.getByRole('heading', {name: 'Le sommeil'}).waitFor();
  const reply = reader.locator('.content li').filter({hasText: kAnswer});
  assert.equal(await reply.locator('strong').textContent(), pupils[1].name);
  const question = reader.locator('.content p').filter({hasText: kQuestion});
  assert.equal(await question.locator('strong').textContent(), pupils[0].name);
  assert.equal(await reader.locator('.talk-new-topic').count(), 0, 'readers get no form');
  await wiki.screenshot(reader, 'talk-thread');

  // The first pupil is told of the reply, which links to the talk page.
  await asker.goto('/fr/special/notifications');
  const told = msg('notification-talk-reply')
                   .replace(/.*one \{([^}]*\}[^}]*\}[^}]*)\}.*/, '$1')
                   .replace('{agent}', pupils[1].name)
                   .replace('{title}', 'Discussion:Tortue verte');
  await asker.getByRole('link', {name: told}).click();
  await asker.waitForURL((url) => url.pathname === '/fr/wiki/Discussion:Tortue_verte');
});
