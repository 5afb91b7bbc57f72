/**
 * How the demo prints: numbered steps, the code each step runs, what came back, and the
 * requests it sent (counted by a middleware on each v3 client).
 */
import { inspect } from 'node:util';

export const tty = process.stdout.isTTY === true;
const style = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = style('1');
export const dim = style('2');
export const cyan = style('36');
export const green = style('32');
export const yellow = style('33');
export const red = style('31');

const MiB = 1024 * 1024;
let stepNumber = 0;

/** A service's title line. */
export function part(title) {
  console.log(`\n${bold(`━━ ${title} ${'━'.repeat(Math.max(3, 66 - title.length))}`)}`);
}

export function step(title) {
  stepNumber += 1;
  const heading = `${stepNumber}. ${title} `;
  console.log(`\n${bold(cyan(`── ${heading}${'─'.repeat(Math.max(3, 68 - heading.length))}`))}`);
}

/** A line of the code a step runs. */
export function code(text) {
  console.log(dim(`  ${text}`));
}

export function show(label, value) {
  const text =
    typeof value === 'string'
      ? value
      : inspect(value, { colors: tty, depth: 2, breakLength: 88, compact: 3 });
  // Continuation lines line up under the value.
  const indented = text.replace(/\n/g, '\n    ');
  console.log(`  ${green('→')} ${label}${label ? ' ' : ''}${indented}`);
}

/** A remark about the step, e.g. how the emulator differs from AWS. */
export function note(text) {
  console.log(dim(`  (${text})`));
}

/** The page-size member a request carried, so `limit(5)` visibly asks for 5. */
const PAGE_SIZE_MEMBERS = ['MaxKeys', 'MaxResults', 'MaxItems', 'MaxRecords', 'Limit', 'limit'];

/**
 * Counts the HTTP requests of every client it watches, by operation, in order. One counter
 * serves all four services, so a step that touches two of them shows both.
 */
export function requestCounter() {
  const sent = [];
  return {
    watch(client) {
      client.middlewareStack.add(
        (next, context) => (args) => {
          const operation = String(context.commandName).replace(/Command$/, '');
          const member = PAGE_SIZE_MEMBERS.find((name) => args.input?.[name] !== undefined);
          sent.push(member ? `${operation}(${member}=${args.input[member]})` : operation);
          return next(args);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'demoRequestCounter' },
      );
      return client;
    },
    /** Prints the requests since the last call, e.g. "[4 requests: UploadPart ×3, ...]". */
    print() {
      const taken = sent.splice(0);
      const counts = new Map();
      for (const name of taken) counts.set(name, (counts.get(name) ?? 0) + 1);
      const list = [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
      const plural = taken.length === 1 ? '' : 's';
      console.log(dim(`  [${taken.length} request${plural}${list ? `: ${list}` : ''}]`));
    },
  };
}

export function progressBar({ loaded, total = loaded }) {
  const width = 30;
  const done = total === 0 ? width : Math.round((loaded / total) * width);
  const percent = total === 0 ? 100 : Math.round((loaded / total) * 100);
  const mib = (n) => (n / MiB).toFixed(1);
  return `[${'█'.repeat(done)}${'░'.repeat(width - done)}] ${String(percent).padStart(3)}%  ${mib(loaded)}/${mib(total)} MiB`;
}
