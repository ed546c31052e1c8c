'use strict';
// Starts the real kidwiki program on a fresh data directory and a free port, for one test file.
// Contract: start(extraArgs) resolves to {url, pid, admin, stop} once the server has printed its
// "listening on" line; admin is {name, password} of the first admin, whose password the server
// prints once; extraArgs are added to `kidwiki serve` (the nginx suite uses it too);
// stop() ends the server with SIGTERM, waits for it and removes the data directory. The binary
// comes from KIDWIKI_BINARY (ctest sets it), else build/kidwiki in the source tree.
const {spawn} = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const kStartTimeoutMs = 30000;
const kStopTimeoutMs = 10000;
const kListening = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
// The line of the catalog message login-cli-admin-created: "... created: admin / PASSWORD ...".
const kFirstAdmin = /: (admin) \/ (\S+)/;

function binary() {
  return process.env.KIDWIKI_BINARY || path.join(__dirname, '..', '..', 'build', 'kidwiki');
}

// Keeps the last lines of the server's output for the failure message; reading everything also
// keeps the pipe from filling up, which would block the server's request log.
function tail(stream, lines) {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop();
    lines.push(...parts);
    if (lines.length > 50) lines.splice(0, lines.length - 50);
  });
}

function waitForUrl(child, output) {
  return new Promise((resolve, reject) => {
    const timer =
        setTimeout(() => fail(new Error('kidwiki did not start in time')), kStartTimeoutMs);
    function settle() {
      clearTimeout(timer);
      child.stdout.removeListener('data', look);
      child.removeListener('error', fail);
      child.removeListener('exit', exited);
    }
    function fail(error) {
      settle();
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.join('\n')}`));
    }
    function exited(code, signal) {
      fail(new Error(`kidwiki exited (${code ?? signal}) before listening`));
    }
    // Runs after tail()'s listener, which was added first, so output holds the new lines.
    function look() {
      const found = output.map((line) => kListening.exec(line)).find(Boolean);
      if (found) {
        settle();
        resolve(found[1]);
      }
    }
    child.stdout.on('data', look);
    child.on('error', fail);
    child.on('exit', exited);
  });
}

function stopper(child, dataDir) {
  return async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), kStopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, {recursive: true, force: true});
  };
}

async function start(extraArgs = []) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kidwiki-browser-'));
  const child = spawn(binary(), ['serve', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test process that dies without stop() must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const output = [];
  tail(child.stdout, output);
  tail(child.stderr, output);
  const url = await waitForUrl(child, output);
  const found = output.map((line) => kFirstAdmin.exec(line)).find(Boolean);
  if (!found) throw new Error(`kidwiki printed no first admin\n${output.join('\n')}`);
  return {
    url,
    pid: child.pid,
    output,
    admin: {name: found[1], password: found[2]},
    dataDir,
    stop: stopper(child, dataDir),
  };
}

module.exports = {binary, start};
