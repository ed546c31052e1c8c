'use strict';
// Accessibility checks with axe-core (npm, tests/browser/package.json): the rules of WCAG 2.1 A
// and AA that a machine can check. axe runs in the page itself; it is given to the page through
// the DevTools protocol, which the page's Content-Security-Policy does not govern.
const fs = require('node:fs');

const kAxeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The violations axe finds on `page` as it is now, as short lines a failure can print.
async function violations(page) {
  await page.evaluate(kAxeSource);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  return found.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

module.exports = {violations};
