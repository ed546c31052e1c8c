'use strict';
// The JSON API from a test, for setting the scene (accounts, classes, pupils' edits, a teacher's
// decisions) when what the test looks at is someone else's screen.
const assert = require('node:assert/strict');

// Calls on the server at `baseUrl`; `who` is {cookie, csrf} from logIn, or nothing.
function apiOf(baseUrl) {
  async function call(method, path, body, who = {}) {
    const headers = {'Content-Type': 'application/json'};
    if (who.cookie) headers.Cookie = who.cookie;
    if (who.csrf) headers['X-CSRF-Token'] = who.csrf;
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {status: res.status, body: text ? JSON.parse(text) : null, res};
  }

  async function logIn({name, password}) {
    const answer = await call('POST', '/api/v1/session', {username: name, password});
    assert.equal(answer.status, 200, `${name} logs in: ${JSON.stringify(answer.body)}`);
    // Node 18 (Debian 12's) has no Headers.getSetCookie(): the cookies come joined by commas,
    // and the session's value holds neither a comma nor a semicolon.
    const joined = answer.res.headers.get('set-cookie') || '';
    const session = /(?:^|,\s*)(kidwiki_session=[^;,]*)/.exec(joined);
    assert.ok(session, `${name} gets a session cookie: ${joined}`);
    return {cookie: session[1], csrf: answer.body.csrf_token};
  }

  // A teacher made by `admin` (an account {name, password}), their class and `count` pupils:
  // {teacher: session, classId, pupils: [{name, password}]}.
  async function makeClass(admin, teacher, className, count) {
    const adminSession = await logIn(admin);
    const made = await call('POST', '/api/v1/users',
                            {username: teacher.name, role: 'teacher', password: teacher.password},
                            adminSession);
    assert.equal(made.status, 201);
    const session = await logIn(teacher);
    const cls = await call('POST', '/api/v1/classes', {name: className, lang: 'fr'}, session);
    assert.equal(cls.status, 201);
    const classId = (cls.body.class || cls.body).id;
    const pupils = await call('POST', `/api/v1/classes/${classId}/pupils`, {count}, session);
    assert.equal(pupils.status, 201);
    return {
      teacher: session,
      classId,
      pupils: pupils.body.pupils.map((p) => ({name: p.username, password: p.password})),
    };
  }

  // The teacher publishes every edit that waits for them.
  async function approveAll(teacher) {
    const queue = await call('GET', '/api/v1/review', undefined, teacher);
    assert.equal(queue.status, 200);
    for (const item of queue.body.pages) {
      const done = await call('POST', `/api/v1/revisions/${item.revision_id}/approve`, {}, teacher);
      assert.equal(done.status, 200, JSON.stringify(done.body));
    }
    return queue.body.pages.length;
  }

  return {call, logIn, makeClass, approveAll};
}

module.exports = {apiOf};
