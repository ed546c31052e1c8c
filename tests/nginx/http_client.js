'use strict';
// Plain requests for the nginx suite, one connection each (no agent), and the hostile clients:
// a body that never ends, a connection that trickles its request head.
const http = require('node:http');
const net = require('node:net');

function request(url, {method = 'GET', headers = {}, body} = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {method, headers, agent: false}, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { data += chunk; });
      res.on('end', () => resolve({status: res.statusCode, headers: res.headers, body: data}));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function json(url, method, value, headers = {}) {
  return request(url, {
    method,
    headers: {'Content-Type': 'application/json', ...headers},
    body: JSON.stringify(value),
  });
}

// Sends a chunked body of up to `totalBytes` in 64 KiB chunks, as fast as the server takes them,
// and resolves to the status line of the answer (or '' if the connection ended without one) and
// how many bytes were sent before it.
function floodChunked(port, path, totalBytes) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk,
                                 Buffer.from('\r\n')]);
    let sent = 0;
    let answer = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({statusLine: answer.split('\r\n')[0], sent});
    };
    function pump() {
      while (!done && sent < totalBytes) {
        sent += chunk.length;
        if (!socket.write(frame)) return socket.once('drain', pump);
      }
      if (!done) socket.write('0\r\n\r\n');
    }
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
                   'Transfer-Encoding: chunked\r\n\r\n');
      pump();
    });
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (answer.includes('\r\n\r\n')) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

// A client that opens a request and then sends one header byte every `everyMs`, never finishing.
// Returns a function that closes it.
function slowClient(port, everyMs) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  let timer;
  socket.on('connect', () => {
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    timer = setInterval(() => socket.write('a'), everyMs);
  });
  return () => {
    clearInterval(timer);
    socket.destroy();
  };
}

module.exports = {request, json, floodChunked, slowClient};
