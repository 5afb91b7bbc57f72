/**
 * Gets the repo ready for the demo and the REPL: installs dependencies when node_modules is
 * missing, builds dist/ when it is missing or older than the sources, and loads the built
 * library (dist/esm), as a user's program would. With AWS_RESOURCES_SKIP_PREPARE=1 (the tests
 * set it: they run after npm test's build) it only checks that dist/ is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dim } from './print.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SERVICES = [
  's3',
  'dynamodb',
  'ec2',
  'lambda',
  'sqs',
  'sns',
  'cloudwatch',
  'cloudformation',
  'iam',
  'glacier',
];

function run(label, args) {
  console.log(dim(`[prepare] ${label}: ${npm} ${args.join(' ')}`));
  const result = spawnSync(npm, args, {
    cwd: root,
    // npm's output would mix with a REPL's or demo's: show it on stderr.
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (result.error || result.status !== 0) {
    throw new Error(`${npm} ${args.join(' ')} failed (${result.error?.message ?? result.status})`);
  }
}

/** The newest modification time of any file under `path`. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function prepare() {
  if (process.env.AWS_RESOURCES_SKIP_PREPARE === '1') {
    const entry = join(root, 'dist', 'esm', 'index.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
    return;
  }
  if (!existsSync(join(root, 'node_modules'))) {
    const lock = existsSync(join(root, 'package-lock.json'));
    run('installing dependencies', lock ? ['ci'] : ['install']);
  }
  const built = SERVICES.map((s) => join(root, 'dist', 'esm', 'resources', s, 'index.js'));
  const sources = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'resource-definitions')),
    newest(join(root, 'scripts', 'build.mjs')),
  );
  const missing = built.some((file) => !existsSync(file));
  if (missing || Math.min(...built.map((file) => statSync(file).mtimeMs)) < sources) {
    run(missing ? 'dist/ is missing' : 'dist/ is older than src/', ['run', 'build']);
  }
}

/**
 * The built entry points: `{ core, s3, dynamodb, ec2, lambda }`, or `core` and the entry
 * points of `names` (each loads its v3 client: loading only those needed keeps startup quick).
 */
export async function loadLibrary(names = ['s3', 'dynamodb', 'ec2', 'lambda']) {
  const load = (path) => import(pathToFileURL(join(root, 'dist', 'esm', path)).href);
  const [core, ...services] = await Promise.all([
    load('index.js'),
    ...names.map((s) => load(`resources/${s}/index.js`)),
  ]);
  return { core, ...Object.fromEntries(names.map((s, i) => [s, services[i]])) };
}
