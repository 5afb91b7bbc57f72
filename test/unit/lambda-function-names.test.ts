/**
 * Lambda function names: the factories and the params that name a new function accept what
 * the Lambda API accepts (names, ARNs, partial ARNs, `name:qualifier`) and refuse the rest
 * before any request.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import { IdentifierError, ParamValidationError } from '../../src/core/errors.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { countRequests } from '../support/request-counter.js';

const client = new LambdaClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const counter = countRequests(client);
const lambda = new Lambda({ client });

afterAll(() => {
  counter.remove();
  client.destroy();
});
afterEach(() => expect(counter.total).toBe(0));

describe('Lambda function names', () => {
  it.each([
    'my-function',
    'my_function.v2',
    'my-function:1',
    'my-function:live',
    'my-function:$LATEST',
    '123456789012:function:my-function',
    '123456789012:function:my-function:live',
    'arn:aws:lambda:us-west-2:123456789012:function:my-function',
    'arn:aws:lambda:us-west-2:123456789012:function:my-function:7',
    'arn:aws-cn:lambda:cn-north-1:123456789012:function:my-function',
    'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-function:$LATEST',
    'arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f',
    'arn:aws-eusc:lambda:eusc-de-east-1:123456789012:function:f',
  ])('%s is accepted', (name) => {
    expect(lambda.Function(name).name).toBe(name);
    expect(lambda.FunctionVersion(name, '1').functionName).toBe(name);
    expect(lambda.Alias(name, 'live').functionName).toBe(name);
  });

  it.each([
    ['whitespace', ' '],
    ['a space inside', 'my function'],
    ['a newline', 'f\n'],
    ['a slash', 'fn/1'],
    ['an empty qualifier', 'f:'],
    ['two qualifiers', 'f:1:2'],
    ['an S3 ARN', 'arn:aws:s3:::bucket'],
    ['a non-ASCII letter', 'fünction'],
  ])('%s is refused, naming the identifier and the value', (_, name) => {
    const attempt = () => lambda.Function(name);
    expect(attempt).toThrow(IdentifierError);
    expect(attempt).toThrow(
      `LambdaFunction: identifier 'name' must be a function name, ARN or partial ARN, with an optional :version or :alias (letters, digits, '-', '_', '.'), got ${JSON.stringify(name)}`,
    );
    expect(() => lambda.Alias(name, 'live')).toThrow(/^Alias: identifier 'functionName' must be/);
  });

  it('createFunction refuses a FunctionName the function could not be named by', async () => {
    const attempt = lambda.createFunction({
      FunctionName: 'my function',
      Role: 'arn:aws:iam::123456789012:role/r',
      Code: { S3Bucket: 'b', S3Key: 'k' },
    });
    await expect(attempt).rejects.toThrow(ParamValidationError);
    await expect(attempt).rejects.toThrow(
      /^Lambda\.createFunction: params\.FunctionName must be a function name.*got "my function" \(it is the LambdaFunction's name\)$/,
    );
  });
});
