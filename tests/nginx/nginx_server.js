'use strict';
// Starts Debian's nginx with the shipped site (deploy/nginx/kidwiki.conf and kidwiki-proxy.conf)
// in front of a kidwiki on loopback. The site is used as shipped, with only what a test machine
// must change: the listening address, kidwiki's port and the paths of the cache and the snippet.
// Contract: start(kidwikiPort) resolves to {url, stop} once nginx answers /healthz.
const {spawn} = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');

const kDeploy = path.join(__dirname, '..', '..', 'deploy', 'nginx');
const kNginx = process.env.KIDWIKI_NGINX || '/usr/sbin/nginx';
const kStartTimeoutMs = 30000;

function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`deploy/nginx/kidwiki.conf no longer holds "${from}"`);
  return text.replace(from, to);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function site(dir, port, kidwikiPort) {
  let text = fs.readFileSync(path.join(kDeploy, 'kidwiki.conf'), 'utf8');
  text = replaceOnce(text, 'server 127.0.0.1:8080;', `server 127.0.0.1:${kidwikiPort};`);
  text = replaceOnce(text, 'listen 80 default_server;', `listen 127.0.0.1:${port};`);
  text = replaceOnce(text, 'listen [::]:80 default_server;', '');
  text = replaceOnce(text, '/var/cache/nginx/kidwiki', path.join(dir, 'cache'));
  text = replaceOnce(text, '/etc/nginx/snippets/kidwiki-proxy.conf',
                     path.join(kDeploy, 'kidwiki-proxy.conf'));
  return text;
}

// The main configuration a Debian nginx.conf would give, inside a private prefix. As root, the
// workers stay root so that they can use the test's private folders.
function mainConfig(dir, siteFile) {
  const user = process.getuid && process.getuid() === 0 ? 'user root root;' : '';
  return `${user}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${siteFile};
}
`;
}

function answersHealthz(url) {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, {agent: false}, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

async function start(kidwikiPort) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kidwiki-nginx-'));
  const port = await freePort();
  const siteFile = path.join(dir, 'kidwiki.conf');
  fs.writeFileSync(siteFile, site(dir, port, kidwikiPort));
  const configFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(configFile, mainConfig(dir, siteFile));
  const child = spawn(kNginx, ['-p', dir, '-c', configFile], {stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + kStartTimeoutMs;
  while (!(await answersHealthz(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, 'utf8') : '';
      throw new Error(`nginx did not start\n${output}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  async function stop() {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');  // graceful: workers finish, then the master ends
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, {recursive: true, force: true});
  }
  return {url, stop};
}

module.exports = {start};
