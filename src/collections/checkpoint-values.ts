import { ParamValidationError } from '../core/errors.js';

/**
 * A value codec for the values a service's params hold beyond JSON (DynamoDB's `NumberValue`):
 * `encode` gives the JSON of a value it knows (else undefined), `decode` rebuilds it.
 */
export interface ValueCodec {
  readonly tag: string;
  encode(value: object): string | undefined;
  decode(json: string): unknown;
}

/**
 * Turns request params into plain JSON. Values JSON cannot hold become one-key objects:
 * `{"$bytes": base64}` (Uint8Array), `{"$bigint": "12"}`, `{"$set": [...]}`, `{"$map":
 * [[k, v], ...]}`, `{"$date": iso}`, and a codec's own tag (`{"$number": "1.5"}`); a plain
 * object with a key starting with `$` is kept unambiguous as `{"$object": {...}}`.
 */
export function encodeValue(value: unknown, codec: ValueCodec | undefined, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, `${value} has no JSON form`);
    return value;
  }
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (typeof value !== 'object') return fail(path, `a ${typeof value} has no JSON form`);
  if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, codec, `${path}[${i}]`));
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (value instanceof Set) {
    return { $set: [...value].map((v: unknown, i) => encodeValue(v, codec, `${path}[${i}]`)) };
  }
  if (value instanceof Map) {
    return {
      $map: [...value].map(([k, v]: [unknown, unknown]) => [
        encodeValue(k, codec, path),
        encodeValue(v, codec, `${path}.${String(k)}`),
      ]),
    };
  }
  if (value instanceof Date) return { $date: value.toISOString() };
  const own = codec?.encode(value);
  if (own !== undefined && codec) return { [codec.tag]: own };
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    return fail(path, `a ${value.constructor.name} has no JSON form`);
  }
  // fromEntries: keys such as `__proto__` stay plain data.
  const out = Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => [key, encodeValue(v, codec, `${path}.${key}`)]),
  );
  return Object.keys(out).some((key) => key.startsWith('$')) ? { $object: out } : out;
}

/** The inverse of {@link encodeValue}; `path` names the place in messages. */
export function decodeValue(json: unknown, codec: ValueCodec | undefined, path: string): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((v, i) => decodeValue(v, codec, `${path}[${i}]`));
  const entries = Object.entries(json as Record<string, unknown>);
  const [first] = entries;
  if (entries.length === 1 && first && first[0].startsWith('$')) {
    const [tag, inner] = first;
    const text = (): string =>
      typeof inner === 'string' ? inner : fail(path, `${tag} must hold a string`);
    const list = (): unknown[] =>
      Array.isArray(inner) ? inner : fail(path, `${tag} must hold a list`);
    switch (tag) {
      case '$bytes':
        return new Uint8Array(Buffer.from(text(), 'base64'));
      case '$bigint':
        try {
          return BigInt(text());
        } catch {
          return fail(path, `'${text()}' is not an integer`);
        }
      case '$set':
        return new Set(list().map((v, i) => decodeValue(v, codec, `${path}[${i}]`)));
      case '$map':
        return new Map(
          list().map((pair, i) => {
            if (!Array.isArray(pair) || pair.length !== 2)
              fail(path, '$map holds [key, value] pairs');
            const [k, v] = pair as [unknown, unknown];
            return [decodeValue(k, codec, path), decodeValue(v, codec, `${path}[${i}]`)];
          }),
        );
      case '$date':
        return new Date(text());
      case '$object':
        if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
          return fail(path, '$object must hold an object');
        }
        return decodePlain(inner as Record<string, unknown>, codec, path);
      default:
        if (codec && tag === codec.tag) return codec.decode(text());
        return fail(path, `unknown value tag '${tag}'`);
    }
  }
  return decodePlain(json as Record<string, unknown>, codec, path);
}

function decodePlain(
  json: Record<string, unknown>,
  codec: ValueCodec | undefined,
  path: string,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(json).map(([key, v]) => [key, decodeValue(v, codec, `${path}.${key}`)]),
  );
}

function fail(path: string, problem: string): never {
  throw new ParamValidationError(`${path}: ${problem}`);
}
