/** camelCase: the definition's PascalCase names → the member names users see. */
import { camelCase } from '../../src/core/naming.js';

describe('camelCase', () => {
  it.each([
    ['ContentLength', 'contentLength'],
    ['ETag', 'eTag'],
    ['SSECustomerKey', 'sseCustomerKey'],
    ['ID', 'id'],
    ['VpcId', 'vpcId'],
    ['VPCId', 'vpcId'],
    ['BucketName', 'bucketName'],
    ['MFADelete', 'mfaDelete'],
    ['Key', 'key'],
    ['alreadyCamel', 'alreadyCamel'],
  ])('%s → %s', (name, expected) => {
    expect(camelCase(name)).toBe(expected);
  });
});
