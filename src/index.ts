/**
 * aws-resources: object-oriented, typed resources on the AWS SDK for JavaScript v3.
 * Services live in their own entry points (`aws-resources/s3`); this one holds what they
 * share: errors, collections and the engine's types.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
