/**
 * Compiles the JMESPath expressions of a definition into TypeScript code made of the helpers
 * in `src/core/accessors.ts`, so the run time needs no JMESPath parser. It covers the part of
 * JMESPath that resource models use: members, indexes, flatten (`[]`), wildcard (`[*]`) and
 * filter (`[?...]`) projections, pipes, `||`, `&&`, `==`/`!=`, multiselect lists and hashes,
 * raw string and JSON literals, `join()` and `$Name` variables (the resource's identifiers).
 * Anything else is refused with the expression named, at generation time.
 */

type Node =
  | { readonly kind: 'current' }
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'list'; readonly items: readonly Node[] }
  | { readonly kind: 'hash'; readonly entries: readonly (readonly [string, Node])[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
  | {
      readonly kind: 'binary';
      readonly op: '|' | '||' | '&&' | '==' | '!=';
      readonly left: Node;
      readonly right: Node;
    }
  | { readonly kind: 'chain'; readonly base: Node; readonly ops: readonly Op[] };

type Op =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'filter'; readonly condition: Node }
  /** `.join(...)`, `.{A: a}`, `.[a, b]`: an expression evaluated on the current value. */
  | { readonly kind: 'apply'; readonly node: Node };

type Token = { readonly type: string; readonly value: string };

const PUNCTUATION = [
  '||',
  '&&',
  '==',
  '!=',
  '[?',
  '.',
  '[',
  ']',
  '|',
  '(',
  ')',
  ',',
  '{',
  '}',
  ':',
  '@',
  '*',
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const number = /^-?\d+/.exec(rest);
    if (word) {
      tokens.push({ type: 'name', value: word[0] });
      i += word[0].length;
    } else if (c === '$') {
      const name = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (!name) throw new Error(`a '$' not followed by a name at ${i}`);
      tokens.push({ type: 'variable', value: name[1]! });
      i += name[0].length;
    } else if (number) {
      tokens.push({ type: 'number', value: number[0] });
      i += number[0].length;
    } else if (c === "'" || c === '`' || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error(`an unclosed ${c} at ${i}`);
      const body = text.slice(i + 1, end);
      const type = c === "'" ? 'raw' : c === '`' ? 'json' : 'name';
      tokens.push({ type, value: c === '"' ? (JSON.parse(`"${body}"`) as string) : body });
      i = end + 1;
    } else {
      const punct = PUNCTUATION.find((p) => rest.startsWith(p));
      if (!punct) throw new Error(`unexpected '${c}' at ${i}`);
      tokens.push({ type: punct, value: punct });
      i += punct.length;
    }
  }
  return tokens;
}

class Parser {
  #at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Node {
    const node = this.#pipe();
    if (this.#at < this.tokens.length) throw new Error(`unexpected '${this.#peek()?.value}'`);
    return node;
  }

  #peek(offset = 0): Token | undefined {
    return this.tokens[this.#at + offset];
  }

  #eat(type: string): Token {
    const token = this.tokens[this.#at];
    if (token?.type !== type) throw new Error(`expected '${type}', got '${token?.value ?? 'end'}'`);
    this.#at++;
    return token;
  }

  #accept(type: string): boolean {
    if (this.#peek()?.type !== type) return false;
    this.#at++;
    return true;
  }

  #pipe(): Node {
    let left = this.#or();
    while (this.#accept('|')) left = { kind: 'binary', op: '|', left, right: this.#or() };
    return left;
  }

  #or(): Node {
    let left = this.#and();
    while (this.#accept('||')) left = { kind: 'binary', op: '||', left, right: this.#and() };
    return left;
  }

  #and(): Node {
    let left = this.#compare();
    while (this.#accept('&&')) left = { kind: 'binary', op: '&&', left, right: this.#compare() };
    return left;
  }

  #compare(): Node {
    const left = this.#chain();
    const op = this.#peek()?.type;
    if (op !== '==' && op !== '!=') return left;
    this.#at++;
    return { kind: 'binary', op, left, right: this.#chain() };
  }

  /** A primary followed by member, index and projection steps. */
  #chain(): Node {
    const base = this.#primary();
    const ops: Op[] = [];
    for (;;) {
      if (this.#accept('.')) {
        const next = this.#peek()?.type;
        if (next === '{' || next === '[' || (next === 'name' && this.#peek(1)?.type === '(')) {
          ops.push({ kind: 'apply', node: next === '[' ? this.#list() : this.#primary() });
        } else ops.push({ kind: 'field', name: this.#eat('name').value });
      } else if (this.#peek()?.type === '[' || this.#peek()?.type === '[?') {
        const op = this.#bracket();
        if (!op) break;
        ops.push(op);
      } else break;
    }
    return ops.length ? { kind: 'chain', base, ops } : base;
  }

  /** `[0]`, `[]`, `[*]` or `[?cond]`; undefined (nothing read) for a multiselect list. */
  #bracket(): Op | undefined {
    if (this.#accept('[?')) {
      const condition = this.#pipe();
      this.#eat(']');
      return { kind: 'filter', condition };
    }
    const next = this.#peek(1)?.type;
    if (next === ']') {
      this.#at += 2;
      return { kind: 'flatten' };
    }
    if (next === '*' && this.#peek(2)?.type === ']') {
      this.#at += 3;
      return { kind: 'wildcard' };
    }
    if (next === 'number' && this.#peek(2)?.type === ']') {
      const index = Number(this.#peek(1)!.value);
      this.#at += 3;
      return { kind: 'index', index };
    }
    return undefined;
  }

  #primary(): Node {
    const token = this.#peek();
    if (!token) throw new Error('unexpected end');
    switch (token.type) {
      case '@':
        this.#at++;
        return { kind: 'current' };
      case 'variable':
        this.#at++;
        return { kind: 'variable', name: token.value };
      case 'raw':
        this.#at++;
        return { kind: 'literal', value: token.value };
      case 'json':
        this.#at++;
        return { kind: 'literal', value: JSON.parse(token.value) as unknown };
      case '(': {
        this.#at++;
        const inner = this.#pipe();
        this.#eat(')');
        return inner;
      }
      case '{':
        return this.#hash();
      case '[':
      case '[?':
        // A step on the current value (`[0]`, `[]` after a pipe), or a multiselect list.
        if (this.#bracketAhead()) return { kind: 'current' };
        return this.#list();
      case 'name': {
        this.#at++;
        if (this.#peek()?.type !== '(') {
          return {
            kind: 'chain',
            base: { kind: 'current' },
            ops: [{ kind: 'field', name: token.value }],
          };
        }
        this.#at++;
        const args: Node[] = [];
        if (!this.#accept(')')) {
          do args.push(this.#pipe());
          while (this.#accept(','));
          this.#eat(')');
        }
        return { kind: 'call', name: token.value, args };
      }
      default:
        throw new Error(`unexpected '${token.value}'`);
    }
  }

  #bracketAhead(): boolean {
    if (this.#peek()?.type === '[?') return true;
    const next = this.#peek(1)?.type;
    const after = this.#peek(2)?.type;
    return next === ']' || ((next === '*' || next === 'number') && after === ']');
  }

  #list(): Node {
    this.#eat('[');
    const items: Node[] = [];
    do items.push(this.#pipe());
    while (this.#accept(','));
    this.#eat(']');
    return { kind: 'list', items };
  }

  #hash(): Node {
    this.#eat('{');
    const entries: [string, Node][] = [];
    do {
      const key = this.#eat('name').value;
      this.#eat(':');
      entries.push([key, this.#pipe()]);
    } while (this.#accept(','));
    this.#eat('}');
    return { kind: 'hash', entries };
  }
}

/** The accessor helpers a compiled expression uses (to import them). */
export type Helper =
  | 'whole'
  | 'field'
  | 'index'
  | 'flatten'
  | 'project'
  | 'select'
  | 'or'
  | 'and'
  | 'equal'
  | 'join'
  | 'multiselect';

/** Compiled code of one expression, and the helpers it calls. */
export interface CompiledPath {
  /** A function expression of type `Path`: `(v) => field(v, 'Contents')`, or `whole`. */
  readonly code: string;
  readonly helpers: ReadonlySet<Helper>;
}

class Emitter {
  readonly helpers = new Set<Helper>();
  usesVariables = false;
  #names = 0;

  use(helper: Helper): string {
    this.helpers.add(helper);
    return helper;
  }

  fresh(): string {
    return `v${++this.#names}`;
  }

  /** Code for `node` evaluated on the value named `current`. */
  emit(node: Node, current: string): string {
    switch (node.kind) {
      case 'current':
        return current;
      case 'literal':
        return JSON.stringify(node.value);
      case 'variable':
        this.usesVariables = true;
        return `($[${JSON.stringify(node.name)}] ?? null)`;
      case 'list':
        return `${this.use('multiselect')}(${current}, () => [${node.items.map((item) => this.emit(item, current)).join(', ')}])`;
      case 'hash':
        return `${this.use('multiselect')}(${current}, () => ({ ${node.entries
          .map(([key, value]) => `${JSON.stringify(key)}: ${this.emit(value, current)}`)
          .join(', ')} }))`;
      case 'call': {
        if (node.name !== 'join' || node.args.length !== 2) {
          throw new Error(
            `function ${node.name}() with ${node.args.length} argument(s) is not supported`,
          );
        }
        const [separator, list] = node.args.map((arg) => this.emit(arg, current));
        return `${this.use('join')}(${separator}, ${list})`;
      }
      case 'binary': {
        if (node.op === '|') {
          const name = this.fresh();
          return `((${name}: unknown) => ${this.emit(node.right, name)})(${this.emit(node.left, current)})`;
        }
        const left = this.emit(node.left, current);
        const right = this.emit(node.right, current);
        if (node.op === '||') return `${this.use('or')}(${left}, ${right})`;
        if (node.op === '&&') return `${this.use('and')}(${left}, ${right})`;
        const test = `${this.use('equal')}(${left}, ${right})`;
        return node.op === '==' ? test : `!${test}`;
      }
      case 'chain':
        return this.#chain(this.emit(node.base, current), node.ops);
    }
  }

  /**
   * A chain of steps. A projection (`[]`, `[*]`, `[?]`) applies the steps after it to each
   * element, up to the next flatten, which then works on the projected list (JMESPath binds
   * `a[].b[].c` as `((a[].b)[]).c`).
   */
  #chain(code: string, ops: readonly Op[]): string {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      if (op.kind === 'field') code = `${this.use('field')}(${code}, ${JSON.stringify(op.name)})`;
      else if (op.kind === 'index') code = `${this.use('index')}(${code}, ${op.index})`;
      else if (op.kind === 'apply') {
        const name = this.fresh();
        code = `((${name}: unknown) => ${this.emit(op.node, name)})(${code})`;
      } else {
        let end = i + 1;
        while (end < ops.length && ops[end]!.kind !== 'flatten') end++;
        const rest = ops.slice(i + 1, end);
        if (op.kind === 'flatten' && rest.length === 0) {
          code = `${this.use('flatten')}(${code})`;
          i = end - 1;
          continue;
        }
        const item = this.fresh();
        const each = `(${item}: unknown) => ${this.#chain(item, rest)}`;
        if (op.kind === 'filter') {
          const test = this.fresh();
          code = `${this.use('select')}(${code}, (${test}: unknown) => ${this.emit(op.condition, test)}, ${each})`;
        } else {
          const list = op.kind === 'flatten' ? `${this.use('flatten')}(${code})` : code;
          code = `${this.use('project')}(${list}, ${each})`;
        }
        i = end - 1;
      }
    }
    return code;
  }
}

/** Compiles one JMESPath expression; throws naming the expression when it is not supported. */
export function compilePath(expression: string): CompiledPath {
  if (expression.trim() === '@') return { code: 'whole', helpers: new Set(['whole']) };
  let node: Node;
  try {
    node = new Parser(tokenize(expression)).parse();
  } catch (error) {
    throw new Error(`path '${expression}': ${(error as Error).message}`, { cause: error });
  }
  const emitter = new Emitter();
  const body = emitter.emit(node, 'v');
  const params = emitter.usesVariables ? '(v, $)' : '(v)';
  return { code: `${params} => ${body}`, helpers: emitter.helpers };
}

/**
 * For a list identifier read per element of the target's list: the member path inside one
 * element (`Contents[].Key` under `Contents[]` gives `Key`), or undefined.
 */
export function itemPathOf(
  identifierPath: string,
  targetPath: string | undefined,
): string | undefined {
  if (targetPath === undefined) return undefined;
  const prefix = `${targetPath}.`;
  return identifierPath.startsWith(prefix) ? identifierPath.slice(prefix.length) : undefined;
}

/** True when a path projects a list (`Contents[]`, `Tags[*]`, `[A,B]|[]`). */
export function isListPath(path: string): boolean {
  return /\[\*?\]/.test(path);
}
