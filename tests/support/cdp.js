// Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe:
// fd 3 to the browser, fd 4 from it; no npm package) through a list of steps
// in one tab, and prints what the steps asked for as JSON.
//
//   node cdp.js CHROMIUM PROFILE_DIR STEPS_JSON
//
// Steps: {"go": URL} navigates ("$name" is a value read before);
// {"until": JS} waits (60 s at most) until the expression is true;
// {"eval": JS, "as": NAME} keeps the expression's value.
'use strict';
const { spawn } = require('child_process');

const [chrome, profile, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const proc = spawn(chrome, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const toBrowser = proc.stdio[3];
const fromBrowser = proc.stdio[4];

let nextId = 1;
const waiting = new Map();
let buffer = Buffer.alloc(0);
fromBrowser.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const msg = JSON.parse(buffer.subarray(0, end).toString('utf8'));
    buffer = buffer.subarray(end + 1);
    if (msg.id && waiting.has(msg.id)) {
      const { resolve, reject } = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) reject(new Error(JSON.stringify(msg.error)));
      else resolve(msg.result);
    }
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const msg = { id, method, params };
  if (sessionId) msg.sessionId = sessionId;
  toBrowser.write(JSON.stringify(msg) + '\0');
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const evaluate = async (expression) => {
    const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value;
  };
  const kept = {};
  for (const step of steps) {
    if (step.go !== undefined) {
      const url = step.go.startsWith('$') ? kept[step.go.slice(1)] : step.go;
      await send('Page.navigate', { url }, sessionId);
      await sleep(100);
    } else if (step.until !== undefined) {
      const start = Date.now();
      for (;;) {
        // The document may be replaced while we ask: ask again.
        const ok = await evaluate(step.until).catch(() => false);
        if (ok) break;
        if (Date.now() - start > 60000) throw new Error(`timed out: ${step.until}`);
        await sleep(100);
      }
    } else if (step.eval !== undefined) {
      const v = await evaluate(step.eval);
      if (step.as) kept[step.as] = v;
    }
  }
  return kept;
}

const timer = setTimeout(() => { console.error('cdp.js: timed out'); proc.kill(); process.exit(2); }, 120000);
main().then((kept) => {
  process.stdout.write(JSON.stringify(kept));
  clearTimeout(timer);
  proc.kill();
  process.exit(0);
}).catch((e) => {
  console.error(`cdp.js: ${e.message}`);
  clearTimeout(timer);
  proc.kill();
  process.exit(1);
});
