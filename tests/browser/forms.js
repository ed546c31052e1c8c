'use strict';
// Sending a form as a reader does: press its button, then wait for the page that answers.

// Presses the button named `name` (within `scope`, a locator, when the page has several) and
// resolves to the server's answer to the form once the next page has loaded. It waits for the
// load, not for an address: a preview, a conflict screen and a save all answer at the page's own
// address.
async function submit(page, name, scope = page) {
  const loaded = page.waitForEvent('load');
  // The form's own POST, not a script's (the live preview and the session renewal also POST).
  const answer = page.waitForResponse((response) => response.request().method() === 'POST' &&
                                                    response.request().isNavigationRequest());
  await scope.getByRole('button', {name}).click();
  await loaded;
  return answer;
}

module.exports = {submit};
