import type { InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { Alias$invoke, AliasBase } from './generated/alias.js';
import type { QualifiedInvokeParams } from './function-version.js';
import { invokeWithCodec, type InvokeOptions, type InvokeResult } from './invoke.js';
import { runAction } from '../../core/index.js';

/**
 * An alias of a function (`fn.Alias('live')`, `await fn.createAlias(...)`): its
 * configuration, a JSON `invoke` through the alias, `update`, `delete`, and the version it
 * points to (`await alias.version`).
 *
 * @example
 * ```ts
 * const live = fn.Alias('live');
 * await live.update({ FunctionVersion: '4' });
 * const { payload } = await live.invoke({ Payload: { id: 1 } });
 * ```
 *
 * @public
 */
export class Alias extends AliasBase {
  /**
   * Invokes the function through this alias (`Qualifier` is the alias name) with a JSON
   * event and decodes its JSON result; see `LambdaFunction.invoke`.
   *
   * @param params - the Invoke input without `FunctionName` and `Qualifier`
   * @param options - `abortSignal`; `raw: true` resolves to the v3 output, undecoded and never raising
   * @example
   * ```ts
   * const { payload, ExecutedVersion } = await fn.Alias('live').invoke({ Payload: { id: 1 } });
   * ```
   */
  invoke(
    params: QualifiedInvokeParams | undefined,
    options: InvokeOptions & { readonly raw: true },
  ): Promise<InvokeCommandOutput>;
  invoke(
    params: QualifiedInvokeParams & { readonly InvocationType: 'Event' | 'DryRun' },
    options?: InvokeOptions & { readonly raw?: false },
  ): Promise<InvokeCommandOutput>;
  invoke<T = unknown>(
    params?: QualifiedInvokeParams,
    options?: InvokeOptions & { readonly raw?: false },
  ): Promise<InvokeResult<T>>;
  invoke(params?: QualifiedInvokeParams, options?: InvokeOptions): Promise<unknown> {
    return invokeWithCodec(
      (p, o) => runAction(this, Alias$invoke, p, o),
      params,
      options,
      { functionName: this.functionName, qualifier: this.name },
      'Alias.invoke',
    );
  }
}
