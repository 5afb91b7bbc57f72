/**
 * The client that sends lib-dynamodb's commands (native values) for a user's DynamoDBClient
 * (`service.clientAdapter: "document-client"` in resource-definitions/dynamodb.json).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeserializeMiddleware, MiddlewareStack, SerializeMiddleware } from '@smithy/types';
import { marshallInput, unmarshallOutput, type KeyNodes } from './translate.js';
import { translateConfig } from './values.js';

/** The package whose commands need the document client. */
export const DOCUMENT_CLIENT_PACKAGE = '@aws-sdk/lib-dynamodb';

/**
 * What the engine sends `packageName`'s commands with: for `@aws-sdk/lib-dynamodb` a
 * `DynamoDBDocumentClient` over the user's client, else the client itself.
 *
 * The document client shares the user's middleware stack (their middleware, request
 * counters and logging see every request) and config, without changing either: it gets a
 * shallow copy of the config (made once), so the `translateConfig` that
 * lib-dynamodb stores on its config never reaches the user's client, whose own
 * `client.send(new PutItemCommand(...))` keeps taking raw AttributeValues. Its lib-dynamodb
 * commands convert values with this library's rules (attribute-values.ts: errors name the
 * path, numbers never rounded, `__proto__`/`constructor` keys are plain data).
 *
 * @example
 * ```ts
 * const doc = clientAdapter(new DynamoDBClient({}), '@aws-sdk/lib-dynamodb') as DynamoDBDocumentClient;
 * await doc.send(new PutCommand({ TableName: 't', Item: { id: 'a', n: 2n ** 60n } }));
 * ```
 */
export function clientAdapter(client: object, packageName: string): object {
  if (packageName !== DOCUMENT_CLIENT_PACKAGE) return client;
  return documentClient(client as DynamoDBClient);
}

/**
 * A `DynamoDBDocumentClient` (so lib-dynamodb's paginators accept it) over `client`'s
 * middleware stack and a shallow copy of its config.
 *
 * @example
 * ```ts
 * const doc = documentClient(myDynamoDBClient);
 * for await (const page of paginateQuery({ client: doc }, input)) console.log(page.Items);
 * ```
 */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  const view = {
    // A copy, not Object.create(config): the SDK spreads configs ({ ...config }), which
    // drops inherited members.
    config: { ...client.config },
    middlewareStack: client.middlewareStack,
  } as DynamoDBClient;
  const doc = DynamoDBDocumentClient.from(view, translateConfig);
  const send = doc.send.bind(doc) as (command: unknown, ...rest: unknown[]) => unknown;
  // An own property of this client only: lib-dynamodb commands get our translation.
  Object.defineProperty(doc, 'send', {
    value: (command: unknown, ...rest: unknown[]) => send(useOwnTranslation(command), ...rest),
    configurable: true,
    writable: true,
  });
  return doc;
}

/** The parts of a lib-dynamodb command (`DynamoDBDocumentClientCommand`) used here. */
interface DocumentCommand {
  readonly inputKeyNodes: KeyNodes;
  readonly outputKeyNodes: KeyNodes;
  readonly clientCommand: { readonly middlewareStack: MiddlewareStack<object, object> };
  addMarshallingMiddleware(configuration: unknown): void;
}

function isDocumentCommand(command: unknown): command is DocumentCommand {
  if (typeof command !== 'object' || command === null) return false;
  const c = command as Partial<DocumentCommand>;
  return (
    typeof c.addMarshallingMiddleware === 'function' &&
    typeof c.inputKeyNodes === 'object' &&
    typeof c.outputKeyNodes === 'object' &&
    typeof c.clientCommand?.middlewareStack?.addRelativeTo === 'function'
  );
}

/**
 * Replaces, on this command object only, lib-dynamodb's (protected, overridable)
 * `addMarshallingMiddleware`: the same two middlewares under the same names and positions,
 * converting with attribute-values.ts instead of util-dynamodb's marshall/unmarshall.
 */
function useOwnTranslation(command: unknown): unknown {
  if (!isDocumentCommand(command)) return command;
  const { inputKeyNodes, outputKeyNodes, clientCommand } = command;
  const marshall: SerializeMiddleware<object, object> = (next, context) => async (args) => {
    const operation = (context.commandName ?? '').replace(/Command$/, '');
    return next({ ...args, input: marshallInput(args.input, inputKeyNodes, operation) });
  };
  const unmarshall: DeserializeMiddleware<object, object> = (next) => async (args) => {
    const deserialized = await next(args);
    if (deserialized.output) {
      deserialized.output = unmarshallOutput(deserialized.output, outputKeyNodes);
    }
    return deserialized;
  };
  const addMarshallingMiddleware = (): void => {
    const stack = clientCommand.middlewareStack;
    stack.addRelativeTo(marshall, {
      name: 'DocumentMarshall',
      relation: 'before',
      toMiddleware: 'serializerMiddleware',
      override: true,
    });
    stack.addRelativeTo(unmarshall, {
      name: 'DocumentUnmarshall',
      relation: 'before',
      toMiddleware: 'deserializerMiddleware',
      override: true,
    });
  };
  Object.defineProperty(command, 'addMarshallingMiddleware', {
    value: addMarshallingMiddleware,
    configurable: true,
    writable: true,
  });
  return command;
}
