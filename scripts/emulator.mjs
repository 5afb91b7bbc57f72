#!/usr/bin/env node
/**
 * The local AWS emulator for integration tests: moto in server mode on 127.0.0.1.
 *
 * Module API (importable from ESM, and from CommonJS through `await import()`):
 *   startEmulator({ port?, python?, timeoutMs?, detached?, logFile? })
 *     -> Promise<{ endpoint, port, pid, python, startupMs, stop(): Promise<void> }>
 *   resetEmulator(endpoint) -> Promise<void>       POST /moto-api/reset (all backends)
 *   findPython() -> Promise<string>                the python that has moto >= 5.2
 *
 * CLI:
 *   node scripts/emulator.mjs start [--port N]   start in the background, record it in
 *                                                .moto/emulator.json, print the endpoint
 *   node scripts/emulator.mjs stop               stop the one recorded in .moto/emulator.json
 *   node scripts/emulator.mjs status | reset
 *
 * Python lookup order: $AWS_RESOURCES_PYTHON; .venv/bin/python if it has moto; python3 if it
 * has moto >= 5.2; else create .venv and `pip install "moto[server]==5.2.1"`; else throw.
 */
import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const MOTO_PIN = 'moto[server]==5.2.1';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VENV_DIR = join(REPO_ROOT, '.venv');
const VENV_PYTHON =
  process.platform === 'win32'
    ? join(VENV_DIR, 'Scripts', 'python.exe')
    : join(VENV_DIR, 'bin', 'python');
const STATE_DIR = join(REPO_ROOT, '.moto');
const STATE_FILE = join(STATE_DIR, 'emulator.json');
const DEFAULT_TIMEOUT_MS = 30_000;
const KILL_GRACE_MS = 3_000;

/** Exits 0 only when moto >= 5.2 and its server dependencies import. */
const MOTO_CHECK = [
  'import sys, moto, moto.server, flask, flask_cors',
  "assert tuple(map(int, moto.__version__.split('.')[:2])) >= (5, 2), moto.__version__",
].join('\n');

/**
 * Runs moto.server and exits as soon as stdin closes, i.e. when the Node process that
 * spawned it dies for any reason (even SIGKILL), so no orphan server is ever left behind.
 */
const MOTO_WATCHED = [
  'import os, sys, threading',
  'def _watch_parent():',
  '    try:',
  '        while sys.stdin.buffer.read(65536):',
  '            pass',
  '    except BaseException:',
  '        pass',
  '    os._exit(0)',
  'threading.Thread(target=_watch_parent, daemon=True).start()',
  'from moto.server import main',
  'main(sys.argv[1:])',
].join('\n');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(file, args, { timeoutMs = 120_000 } = {}) {
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolvePromise({ ok: !error, error, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

async function hasMoto(python) {
  const r = await run(python, ['-c', MOTO_CHECK], { timeoutMs: 30_000 });
  return r.ok
    ? { ok: true }
    : { ok: false, why: (r.stderr.trim().split('\n').pop() || String(r.error?.message)).trim() };
}

function installHelp(tried) {
  return [
    'Cannot start the AWS emulator for the integration tests: no Python with moto >= 5.2 (with its',
    'server extras) was found, and creating .venv with it failed.',
    'Install it with ONE of:',
    `  python3 -m pip install "${MOTO_PIN}"`,
    `  python3 -m venv .venv && .venv/bin/pip install "${MOTO_PIN}"     (in the repository root)`,
    'or point AWS_RESOURCES_PYTHON at a python that has it (Python >= 3.9).',
    'Tried:',
    ...tried.map((t) => `  - ${t}`),
  ].join('\n');
}

let pythonPromise;

/** The python executable that has moto >= 5.2 (cached per process). */
export function findPython() {
  pythonPromise ??= lookUpPython().catch((e) => {
    pythonPromise = undefined;
    throw e;
  });
  return pythonPromise;
}

async function lookUpPython() {
  const tried = [];
  const fromEnv = process.env.AWS_RESOURCES_PYTHON;
  if (fromEnv) {
    const r = await hasMoto(fromEnv);
    if (r.ok) return fromEnv;
    throw new Error(
      `AWS_RESOURCES_PYTHON=${fromEnv} cannot run moto >= 5.2 (${r.why}).\n` +
        `Install it there: ${fromEnv} -m pip install "${MOTO_PIN}", or unset AWS_RESOURCES_PYTHON.`,
    );
  }
  if (existsSync(VENV_PYTHON)) {
    const r = await hasMoto(VENV_PYTHON);
    if (r.ok) return VENV_PYTHON;
    tried.push(`${VENV_PYTHON}: ${r.why}`);
  }
  const r3 = await hasMoto('python3');
  if (r3.ok) return 'python3';
  tried.push(`python3: ${r3.why}`);

  // Last resort: a local virtualenv with the pinned moto.
  process.stderr.write(`[emulator] creating ${VENV_DIR} with ${MOTO_PIN} ...\n`);
  const venv = await run('python3', ['-m', 'venv', VENV_DIR], { timeoutMs: 120_000 });
  if (!venv.ok) {
    tried.push(
      `python3 -m venv .venv: ${(venv.stderr.trim() || String(venv.error?.message)).split('\n').pop()}`,
    );
    throw new Error(installHelp(tried));
  }
  const pip = await run(
    VENV_PYTHON,
    ['-m', 'pip', 'install', '--disable-pip-version-check', MOTO_PIN],
    {
      timeoutMs: 600_000,
    },
  );
  if (!pip.ok) {
    tried.push(
      `.venv/bin/pip install "${MOTO_PIN}": ${(pip.stderr.trim() || String(pip.error?.message)).split('\n').pop()}`,
    );
    throw new Error(installHelp(tried));
  }
  const rv = await hasMoto(VENV_PYTHON);
  if (rv.ok) return VENV_PYTHON;
  tried.push(`${VENV_PYTHON} after install: ${rv.why}`);
  throw new Error(installHelp(tried));
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** Rejects when `port` cannot be bound on 127.0.0.1 right now (someone else serves there). */
function assertPortFree(port) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (e) =>
      reject(
        Object.assign(new Error(`port ${port} on ${HOST} is in use (${e.code})`), {
          portBusy: true,
        }),
      ),
    );
    server.listen(port, HOST, () => server.close(() => resolvePromise()));
  });
}

/** Keeps the last `max` characters written to a stream. */
function tailBuffer(max = 8192) {
  let text = '';
  return {
    push(chunk) {
      text = (text + chunk.toString('utf8')).slice(-max);
    },
    get text() {
      return text;
    },
  };
}

function lastLines(text, n = 30) {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

async function httpStatus(url, init = {}) {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Stops a child we hold and waits for its exit. Closing stdin makes the watchdog wrapper exit
 * at once (a SIGTERM sent at the same time would make moto's own handler take ~1 s); then
 * SIGTERM, then SIGKILL after the grace period.
 */
function stopChild(child) {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  if (exited()) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timers = [];
    const later = (ms, fn) => timers.push(setTimeout(fn, ms));
    child.once('exit', () => {
      timers.forEach(clearTimeout);
      resolvePromise();
    });
    const term = () => {
      if (exited()) return;
      child.kill('SIGTERM');
      later(KILL_GRACE_MS, () => {
        if (!exited()) child.kill('SIGKILL');
      });
      later(KILL_GRACE_MS + 5_000, resolvePromise); // never hang a teardown
    };
    if (child.stdin && !child.stdin.destroyed) {
      child.stdin.end();
      later(500, term);
    } else {
      term();
    }
  });
}

/** Stops a process we only know by PID (the CLI's background server). */
async function stopPid(pid) {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + KILL_GRACE_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
}

async function waitUntilReady({ endpoint, child, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let earlyExit;
  const onExit = (code, signal) => {
    earlyExit = { code, signal };
  };
  child.once('exit', onExit);
  try {
    while (Date.now() < deadline) {
      if (earlyExit || child.exitCode !== null || child.signalCode !== null) {
        return {
          ok: false,
          exited: true,
          exit: earlyExit ?? { code: child.exitCode, signal: child.signalCode },
        };
      }
      if ((await httpStatus(`${endpoint}/moto-api/`)) === 200) {
        // The answer must come from our child, not from someone who won a race for the port.
        await sleep(50);
        if (child.exitCode === null && child.signalCode === null) return { ok: true };
      }
      await sleep(100);
    }
    return { ok: false, exited: false };
  } finally {
    child.removeListener('exit', onExit);
  }
}

async function spawnOnce({ python, port, timeoutMs, detached, logFile }) {
  const endpoint = `http://${HOST}:${port}`;
  const args = detached
    ? ['-m', 'moto.server', '-H', HOST, '-p', String(port)]
    : ['-c', MOTO_WATCHED, '-H', HOST, '-p', String(port)];
  const env = { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
  // moto's DynamoDB answers HTML 500s when AWS_PROFILE names a profile it cannot find.
  delete env.AWS_PROFILE;
  delete env.AWS_DEFAULT_PROFILE;
  const tail = tailBuffer();
  let child;
  let logFd;
  if (detached) {
    mkdirSync(dirname(logFile), { recursive: true });
    logFd = openSync(logFile, 'w');
    child = spawn(python, args, {
      cwd: REPO_ROOT,
      env,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
  } else {
    // stdin stays open as the parent-death signal for MOTO_WATCHED.
    child = spawn(python, args, { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => tail.push(c));
    child.stderr.on('data', (c) => tail.push(c));
  }
  const spawnError = new Promise((resolvePromise) => child.on('error', resolvePromise));
  const spawned = await Promise.race([
    new Promise((r) => child.once('spawn', () => r(true))),
    spawnError.then((e) => e),
  ]);
  if (spawned !== true) throw new Error(`cannot run ${python}: ${spawned.message}`);

  const readTail = () => (detached ? safeRead(logFile).slice(-8192) : tail.text);
  const ready = await waitUntilReady({ endpoint, child, timeoutMs });
  if (!ready.ok) {
    await stopChild(child);
    const out = lastLines(readTail());
    const addrInUse = /address already in use|errno 98|errno 48/i.test(out);
    const what = ready.exited
      ? `moto.server exited before it was ready (code ${ready.exit.code}, signal ${ready.exit.signal})`
      : `moto.server did not answer GET ${endpoint}/moto-api/ with 200 within ${timeoutMs / 1000} s`;
    const err = new Error(
      `${what}.\nCommand: ${python} ${args[0] === '-c' ? '-c <watchdog wrapper of moto.server>' : args[0] + ' ' + args[1]} ${args.slice(2).join(' ')}\nLast output:\n${out || '(none)'}`,
    );
    err.addrInUse = addrInUse;
    throw err;
  }
  return { child, endpoint, readTail };
}

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Starts moto on 127.0.0.1 and resolves once it answers, with Lambda switched to its
 * Docker-free backend.
 * @param {{ port?: number, python?: string, timeoutMs?: number, detached?: boolean, logFile?: string }} [options]
 * @returns {Promise<{ endpoint: string, port: number, pid: number, python: string, startupMs: number, stop(): Promise<void> }>}
 */
export async function startEmulator(options = {}) {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const detached = options.detached ?? false;
  const logFile = options.logFile ?? join(STATE_DIR, 'emulator.log');
  const python = options.python ?? (await findPython());

  let attempt = 0;
  let result;
  for (;;) {
    const port = options.port ?? (await freePort());
    try {
      // A server already on the port would answer our readiness probe in place of ours.
      await assertPortFree(port);
      result = { port, ...(await spawnOnce({ python, port, timeoutMs, detached, logFile })) };
      break;
    } catch (e) {
      // Someone took the port between our probe and moto's bind: try another one.
      if ((e.addrInUse || e.portBusy) && options.port === undefined && ++attempt < 3) continue;
      throw new Error(`Cannot start the AWS emulator (moto) on ${HOST}:${port}: ${e.message}`, {
        cause: e,
      });
    }
  }
  const { child, endpoint, port } = result;

  const onParentExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  if (!detached) {
    process.once('exit', onParentExit);
    // Never keep the parent alive just because the emulator runs.
    child.unref();
    child.stdout.unref?.();
    child.stderr.unref?.();
    child.stdin.unref?.();
  } else {
    child.unref();
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', onParentExit);
      await stopChild(child);
    })();
    return stopping;
  };

  const config = await fetch(`${endpoint}/moto-api/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lambda: { use_docker: false } }),
    signal: AbortSignal.timeout(10_000),
  }).catch((e) => ({ ok: false, status: 0, text: async () => String(e) }));
  if (!config.ok) {
    const body = await config.text();
    await stop();
    throw new Error(
      `The AWS emulator started but POST ${endpoint}/moto-api/config failed (${config.status}): ${body}`,
    );
  }

  return { endpoint, port, pid: child.pid, python, startupMs: Date.now() - started, stop };
}

/** Clears every moto backend (not the Lambda config). Affects every test using this server. */
export async function resetEmulator(endpoint) {
  const res = await fetch(`${endpoint.replace(/\/+$/, '')}/moto-api/reset`, {
    method: 'POST',
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`POST ${endpoint}/moto-api/reset failed (${res.status}): ${body}`);
}

// ---------------------------------------------------------------------------------------------
// CLI

function readState() {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when `pid` still looks like our moto server (guards against PID reuse). */
function looksLikeMoto(pid) {
  if (!isAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  return safeRead(`/proc/${pid}/cmdline`).includes('moto.server');
}

async function cli(argv) {
  const [command = 'help', ...rest] = argv;
  const portArg = rest.indexOf('--port');
  const port = portArg >= 0 ? Number(rest[portArg + 1]) : undefined;
  switch (command) {
    case 'start': {
      const state = readState();
      if (state && looksLikeMoto(state.pid)) {
        console.log(`already running: ${state.endpoint} (pid ${state.pid})`);
        console.log(`export AWS_RESOURCES_TEST_ENDPOINT=${state.endpoint}`);
        return 0;
      }
      const emu = await startEmulator({ port, detached: true });
      mkdirSync(STATE_DIR, { recursive: true });
      writeFileSync(
        STATE_FILE,
        JSON.stringify(
          { endpoint: emu.endpoint, port: emu.port, pid: emu.pid, python: emu.python },
          null,
          2,
        ) + '\n',
      );
      console.log(
        `started ${emu.endpoint} (pid ${emu.pid}, ${emu.startupMs} ms); log: ${join(STATE_DIR, 'emulator.log')}`,
      );
      console.log(`export AWS_RESOURCES_TEST_ENDPOINT=${emu.endpoint}`);
      return 0;
    }
    case 'stop': {
      const state = readState();
      if (!state) {
        console.log('not running (no .moto/emulator.json)');
        return 0;
      }
      if (looksLikeMoto(state.pid)) await stopPid(state.pid);
      rmSync(STATE_FILE, { force: true });
      console.log(`stopped pid ${state.pid}`);
      return 0;
    }
    case 'status': {
      const state = readState();
      const up =
        state &&
        looksLikeMoto(state.pid) &&
        (await httpStatus(`${state.endpoint}/moto-api/`)) === 200;
      console.log(up ? `running: ${state.endpoint} (pid ${state.pid})` : 'not running');
      return up ? 0 : 1;
    }
    case 'reset': {
      const state = readState();
      const endpoint = process.env.AWS_RESOURCES_TEST_ENDPOINT ?? state?.endpoint;
      if (!endpoint) throw new Error('no emulator endpoint: start one first');
      await resetEmulator(endpoint);
      console.log(`reset ${endpoint}`);
      return 0;
    }
    default:
      console.log('usage: node scripts/emulator.mjs start [--port N] | stop | status | reset');
      return command === 'help' || command === '--help' ? 0 : 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
