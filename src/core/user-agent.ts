/**
 * The library names itself in the User-Agent of the requests it sends, the way the SDK's own
 * libraries do (`lib/<name>#<version>`): through the request's handler context, which the
 * v3 user-agent middleware appends to the header. The entry goes on each command the library
 * makes, never on the client, so a client the user passed in keeps its config and the
 * requests the user sends with it directly are unchanged.
 *
 * @packageDocumentation
 */
import type { HandlerExecutionContext, InitializeMiddleware, UserAgentPair } from '@smithy/types';
import { VERSION } from './version.js';

/** `lib/aws-resources#<version>` once escaped by the v3 user-agent middleware. */
export const LIBRARY_USER_AGENT: UserAgentPair = ['lib/aws-resources', VERSION];

const MIDDLEWARE_NAME = 'awsResourcesUserAgent';

const addLibraryUserAgent: InitializeMiddleware<object, object> =
  (next, context: HandlerExecutionContext) => (args) => {
    const entries = context.userAgent ?? [];
    if (!entries.some(([name]) => name === LIBRARY_USER_AGENT[0]))
      context.userAgent = [...entries, LIBRARY_USER_AGENT];
    return next(args);
  };

/** What a v3 command has (lib-dynamodb's commands too): a stack of its own. */
interface CommandWithStack {
  readonly middlewareStack?: {
    add(middleware: InitializeMiddleware<object, object>, options: object): void;
  };
}

/**
 * Names the library in the User-Agent of `command`'s request: a middleware on the command's
 * own stack, so nothing is added to the client.
 *
 * @example
 * ```ts
 * await client.send(withLibraryUserAgent(new HeadObjectCommand({ Bucket, Key })));
 * ```
 */
export function withLibraryUserAgent<C extends object>(command: C): C {
  (command as CommandWithStack).middlewareStack?.add(addLibraryUserAgent, {
    step: 'initialize',
    name: MIDDLEWARE_NAME,
    override: true,
  });
  return command;
}

/**
 * A view of `client` whose `send` names the library on every command, for code that hands a
 * client to v3 helpers which make their own commands (waiters). The client is not changed.
 *
 * @example
 * ```ts
 * await waitUntilBucketExists({ client: libraryClient(client), maxWaitTime: 30 }, { Bucket });
 * ```
 */
export function libraryClient<C extends object>(client: C): C {
  const target = client as unknown as { send(command: object, ...rest: unknown[]): unknown };
  const view = Object.create(client) as typeof target;
  view.send = (command: object, ...rest: unknown[]) =>
    target.send(withLibraryUserAgent(command), ...rest);
  return view as unknown as C;
}
