'use strict';
// What the tests compare addresses by: the decoded path of a page's URL, and its query.
function pathOf(page) {
  return decodeURIComponent(new URL(page.url()).pathname);
}

function paramOf(page, name) {
  return new URL(page.url()).searchParams.get(name);
}

module.exports = {
  pathOf,
  paramOf
};
