'use strict';
// Issue 15, "done when", the review part, in a real browser: twelve pupils of one class each wait
// for review; the queue says why the three held edits wait and marks the held words in their
// diffs, shows a page as readers will see it, answers the keyboard (J, K, X, S, A), and the
// teacher approves eight edits in one action and sends four back with one message; the pupils
// read the outcome in their notifications.
// The class and its pupils' edits are made through the JSON API: what is tested here is the
// teacher's screen.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {apiOf} = require('./api');
const {msg} = require('./messages');
const session = require('./session');

const kTeacher = {name: 'Mme Leroy', password: 'volcan-lave-2026'};
const kBackMessage = 'Ajoute une source à la fin de ta page.';
// What three pupils add that a content filter holds, and the words it marks.
const kHeld = [
  {line: 'J’habite au 12 rue des Lilas.', marked: '12 rue des Lilas', rule: 'address'},
  {line: 'Mon insta c’est @lea_2014.', marked: '@lea_2014', rule: 'social'},
  {line: 'Ce volcan, c’est de la merde.', marked: 'merde', rule: 'word'},
];

let wiki;
let api;
before(async () => {
  wiki = await session.open();
  api = apiOf(wiki.url);
});
after(async () => {
  if (wiki) await wiki.finish();
});

// A teacher, a class of twelve pupils, and one pending edit by each on a page of its own; the
// first pupil also starts a thirteenth page first, the oldest in the queue.
async function prepareClass() {
  const {classId, pupils} = await api.makeClass(wiki.admin, kTeacher, 'CM2 Volcans', 12);
  const titles = [];
  for (const [index, pupil] of pupils.entries()) {
    const who = await api.logIn(pupil);
    if (index === 0) await savePage(who, 'Volcans du monde', 'Il y a des volcans partout.');
    const title = `Volcan ${index + 1}`;
    const held = kHeld[index];
    const text = `Le volcan ${index + 1} crache de la lave.` + (held ? `\n\n${held.line}` : '');
    await savePage(who, title, text, `mon volcan ${index + 1}`);
    titles.push(title);
  }
  return {classId, titles, accounts: pupils};
}

async function savePage(who, title, markdown, summary = 'début') {
  const saved = await api.call('PUT', `/api/v1/fr/pages/${encodeURIComponent(title)}`,
                               {markdown, summary, base_revision_id: null}, who);
  assert.equal(saved.status, 201, `${title}: ${JSON.stringify(saved.body)}`);
  assert.equal(saved.body.review, 'pending');
}

// The heading's name is the title, then "nouvelle page" for a new page: "Volcan 1" must not
// find "Volcan 10".
function itemOf(page, title) {
  const name = new RegExp(`^${title}( |$)`);
  return page.locator('.review-item').filter({has: page.getByRole('heading', {name})});
}

// The pupil logs in, finds `count` new notifications counted in the header, opens the list and
// reads `text` there; once read, the count is gone.
async function seesNotification(account, text, count = 1) {
  const pupil = await wiki.newUserPage(account);
  const unread = count === 1 ?
      msg('notifications-unread-count').replace(/.*one \{# ([^}]*)\}.*/, '1 $1') :
      msg('notifications-unread-count').replace(/.*other \{# ([^}]*)\}.*/, `${count} $1`);
  const link = pupil.getByRole('link', {name: `${msg('notifications-link')} (${unread})`});
  await link.click();
  await pupil.waitForURL((url) => url.pathname === '/fr/special/notifications');
  await pupil.locator('.notification.unread').getByText(text).waitFor();
  await pupil.reload();
  assert.equal(await pupil.locator('.notification.unread').count(), 0);
  await pupil.getByRole('link', {name: msg('notifications-link'), exact: true}).waitFor();
  return pupil;
}

function current(page) {
  return page.locator('.review-item.current h2 a');
}

test('a teacher judges twelve edits with the reasons in view, eight at once and four at once',
     async () => {
       const {classId, titles, accounts} = await prepareClass();
       const teacher = await wiki.newUserPage(kTeacher);
       await teacher.goto(`/fr/special/review?class=${classId}`);
       assert.equal(await teacher.locator('.review-item').count(), 13);
       await teacher.getByText(msg('review-shortcuts-help')).waitFor();

       // Why each held edit waits, the words marked in its diff.
       for (const [index, held] of kHeld.entries()) {
         const item = itemOf(teacher, titles[index]);
         const reasons = item.locator('.review-held');
         await reasons.getByText(msg('review-held-heading')).waitFor();
         assert.ok((await reasons.textContent()).includes(msg(`review-held-rule-${held.rule}`)));
         assert.deepEqual(await item.locator('table.diff mark.held').allTextContents(),
                          [held.marked]);
       }
       const quiet = itemOf(teacher, titles[5]);
       await quiet.getByText(msg('review-held-none')).waitFor();
       assert.equal(await quiet.locator('mark').count(), 0);

       // The page as readers will see it.
       const address = itemOf(teacher, titles[0]);
       await address.getByText(msg('review-show-rendered')).click();
       await address.locator('.review-rendered .content p').getByText(kHeld[0].line).waitFor();
       await wiki.screenshot(teacher, 'review-reasons');

       // Keyboard, on a fresh page: J to the oldest edit, A approves it; the queue comes back
       // without it.
       await teacher.reload();
       await teacher.keyboard.press('j');
       assert.equal(await current(teacher).textContent(), 'Volcans du monde');
       const approved = teacher.waitForResponse((r) => r.request().method() === 'POST');
       const loaded = teacher.waitForEvent('load');
       await teacher.keyboard.press('a');
       assert.equal((await approved).status(), 303);
       await loaded;
       await teacher.getByRole('status')
           .getByText(msg('review-done-approved', {title: 'Volcans du monde'}))
           .waitFor();
       assert.equal(await teacher.locator('.review-item').count(), 12);

       // J and K move, S opens the message box (typing stays text), X ticks.
       await teacher.keyboard.press('j');
       await teacher.keyboard.press('j');
       await teacher.keyboard.press('k');
       assert.equal(await current(teacher).textContent(), titles[0]);
       await teacher.keyboard.press('s');
       const box = itemOf(teacher, titles[0]).getByRole('textbox',
                                                        {name: msg('review-send-back-label')});
       assert.ok(await box.evaluate((el) => el === document.activeElement));
       await teacher.keyboard.type('jak');
       assert.equal(await box.inputValue(), 'jak', 'letters typed in a box are text');
       assert.equal(await current(teacher).textContent(), titles[0]);
       await box.fill('');
       await teacher.locator('h1').click();
       for (let i = 0; i < 4; ++i) await teacher.keyboard.press('j');
       assert.equal(await current(teacher).textContent(), titles[4]);
       await teacher.keyboard.press('x');
       const tick = (title) =>
           itemOf(teacher, title).getByRole('checkbox', {name: msg('review-bulk-select')});
       assert.ok(await tick(titles[4]).isChecked());

       // Eight approved in one action: the keyboard ticked the fifth, the mouse ticks seven more.
       for (const title of titles.slice(5)) await tick(title).check();
       const bulk = teacher.locator('form.bulk-review');
       assert.equal((await submit(teacher, msg('review-bulk-approve'), bulk)).status(), 303);
       await teacher.getByRole('status')
           .getByText(msg('review-bulk-done-approved').replace(/.*other \{# ([^}]*)\}.*/, '8 $1'))
           .waitFor();
       assert.equal(await teacher.locator('.review-item').count(), 4);

       // Four sent back with one message.
       for (const title of titles.slice(0, 4)) await tick(title).check();
       await bulk.getByRole('textbox', {name: msg('review-bulk-message-label')}).fill(kBackMessage);
       assert.equal((await submit(teacher, msg('review-bulk-send-back'), bulk)).status(), 303);
       await teacher.getByRole('status')
           .getByText(msg('review-bulk-done-rejected').replace(/.*other \{# ([^}]*)\}.*/, '4 $1'))
           .waitFor();
       await teacher.getByText(msg('review-queue-empty')).waitFor();

       // Readers see the eight approved pages, and none of the four sent back.
       const reader = await wiki.newPage();
       for (const [index, title] of titles.entries()) {
         const answer = await reader.goto(`/fr/wiki/${encodeURIComponent(title)}`);
         assert.equal(answer.status(), index < 4 ? 404 : 200, title);
       }

       // The pupils learn it in their notifications: "approved" for the fifth, the teacher's
       // message for the first, whose link opens the edit box.
       await seesNotification(accounts[4], msg('notification-approved',
                                               {agent: kTeacher.name, title: titles[4]}));
       // The first pupil's page "Volcans du monde", approved with A, is the second.
       const sentBack = await seesNotification(
           accounts[0], msg('notification-sent-back', {agent: kTeacher.name, title: titles[0]}), 2);
       await sentBack.locator('.notification blockquote').getByText(kBackMessage).waitFor();
       await wiki.screenshot(sentBack, 'pupil-notifications');
       await sentBack.getByRole('link', {name: msg('notification-sent-back',
                                                   {agent: kTeacher.name, title: titles[0]})})
           .click();
       await sentBack.waitForURL((url) => url.searchParams.get('action') === 'edit');
     });
