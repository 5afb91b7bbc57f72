/**
 * The generator reads each v3 paginator's tokens from the client package's build, including
 * paginators that have no page-size member (`createPaginator(..., "NextToken", "NextToken", "")`).
 */
import { paginatorTokensOf } from '../../scripts/generator/paginators.js';

describe('v3 paginator tokens', () => {
  it('reads a paginator with a page size', () => {
    expect(paginatorTokensOf('@aws-sdk/client-s3', 'ListObjectsV2')).toEqual({
      inputToken: 'ContinuationToken',
      outputToken: 'NextContinuationToken',
      pageSize: 'MaxKeys',
    });
  });

  it('reads a paginator without one (an empty page-size name)', () => {
    expect(paginatorTokensOf('@aws-sdk/client-cloudformation', 'DescribeStackEvents')).toEqual({
      inputToken: 'NextToken',
      outputToken: 'NextToken',
    });
    expect(paginatorTokensOf('@aws-sdk/client-cloudformation', 'ListStackResources')).toEqual({
      inputToken: 'NextToken',
      outputToken: 'NextToken',
    });
  });

  it('has no tokens for an operation without a paginator', () => {
    expect(paginatorTokensOf('@aws-sdk/client-cloudformation', 'DescribeStackResource')).toBe(
      undefined,
    );
  });
});
