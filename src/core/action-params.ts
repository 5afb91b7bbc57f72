/**
 * The params a resource method takes: the v3 command input minus the members the resource
 * fills from its identifiers (`Filled`). Members the resource fills only in part (a nested
 * target such as `VersioningConfiguration.Status`) stay, as optional partial objects.
 *
 * @example
 * ```ts
 * type PutParams = ActionParams<PutObjectCommandInput, 'Bucket'>; // Key, Body, ... but no Bucket
 * ```
 *
 * @public
 */
export type ActionParams<
  Input extends object,
  Filled extends keyof Input = never,
  Partly extends keyof Input = never,
> = Omit<Input, Filled | Partly> & { [K in Partly]?: Partial<NonNullable<Input[K]>> };
