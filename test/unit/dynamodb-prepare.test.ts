/**
 * prepareExpressions: conditions in request params become expression strings whose
 * placeholders merge with (and never clash with) the caller's own.
 */
import { ParamValidationError } from '../../src/core/errors.js';
import { Attr, Key, prepareExpressions } from '../../src/resources/dynamodb/conditions/index.js';

describe('prepareExpressions', () => {
  it('turns KeyConditionExpression and FilterExpression into strings with shared placeholders', () => {
    const params = {
      TableName: 't',
      KeyConditionExpression: Key('pk').eq('u1').and(Key('sk').beginsWith('order#')),
      FilterExpression: Attr('status').eq('open').or(Attr('pk').ne('x')),
      Limit: 5,
    };
    expect(prepareExpressions(params, 'Table.query')).toEqual({
      TableName: 't',
      KeyConditionExpression: '(#n0 = :v0 AND begins_with(#n1, :v1))',
      FilterExpression: '(#n2 = :v2 OR #n0 <> :v3)',
      Limit: 5,
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'sk', '#n2': 'status' },
      ExpressionAttributeValues: { ':v0': 'u1', ':v1': 'order#', ':v2': 'open', ':v3': 'x' },
    });
  });

  it("merges with the caller's names and values, picking fresh placeholders", () => {
    const params = {
      TableName: 't',
      Key: { id: 1 },
      UpdateExpression: 'SET #n0 = :v0, #count = #count + :one',
      ConditionExpression: Attr('version').eq(3).and(Attr('count').lt(10)),
      ExpressionAttributeNames: { '#n0': 'name', '#count': 'count' },
      ExpressionAttributeValues: { ':v0': 'Ann', ':one': 1 },
    };
    const prepared = prepareExpressions(params, 'Table.updateItem');
    expect(prepared).toEqual({
      TableName: 't',
      Key: { id: 1 },
      UpdateExpression: 'SET #n0 = :v0, #count = #count + :one',
      ConditionExpression: '(#n1 = :v1 AND #n2 < :v2)',
      ExpressionAttributeNames: {
        '#n0': 'name',
        '#count': 'count',
        '#n1': 'version',
        '#n2': 'count',
      },
      ExpressionAttributeValues: { ':v0': 'Ann', ':one': 1, ':v1': 3, ':v2': 10 },
    });
  });

  it('leaves string expressions and their maps untouched', () => {
    const params = {
      TableName: 't',
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'attribute_exists(#a)',
      ExpressionAttributeNames: { '#a': 'a' },
      ExpressionAttributeValues: { ':pk': 'x' },
    };
    const prepared = prepareExpressions(params);
    expect(prepared).toEqual(params);
    expect(prepared).not.toBe(params);
  });

  it('mixes a string expression with a condition in another member', () => {
    expect(
      prepareExpressions({
        KeyConditionExpression: 'pk = :v0',
        ExpressionAttributeValues: { ':v0': 'a' },
        FilterExpression: Attr('x').eq(1),
      }),
    ).toEqual({
      KeyConditionExpression: 'pk = :v0',
      FilterExpression: '#n0 = :v1',
      ExpressionAttributeNames: { '#n0': 'x' },
      ExpressionAttributeValues: { ':v0': 'a', ':v1': 1 },
    });
  });

  it('never mutates the params', () => {
    const names = { '#n0': 'mine' };
    const values = { ':v0': 1 };
    const params = {
      ConditionExpression: Attr('a').exists(),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
    const before = JSON.stringify({ names, values });
    const prepared = prepareExpressions(params);
    expect(params.ConditionExpression).toBeInstanceOf(Object);
    expect(typeof prepared.ConditionExpression).toBe('string');
    expect(JSON.stringify({ names, values })).toBe(before);
    expect(prepared.ExpressionAttributeNames).not.toBe(names);
  });

  it('adds no empty ExpressionAttributeValues when a condition has no values', () => {
    expect(prepareExpressions({ ConditionExpression: Attr('id').notExists() })).toEqual({
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'id' },
    });
  });

  it('turns a ProjectionExpression list into placeholders shared with the conditions', () => {
    expect(
      prepareExpressions({
        ProjectionExpression: ['id', 'info.tags[0]', 'name'],
        FilterExpression: Attr('name').exists(),
      }),
    ).toEqual({
      FilterExpression: 'attribute_exists(#n0)',
      ProjectionExpression: '#n1, #n2.#n3[0], #n0',
      ExpressionAttributeNames: { '#n0': 'name', '#n1': 'id', '#n2': 'info', '#n3': 'tags' },
    });
    expect(prepareExpressions({ ProjectionExpression: 'a, b' })).toEqual({
      ProjectionExpression: 'a, b',
    });
    expect(() => prepareExpressions({ ProjectionExpression: [] }, 'q')).toThrow(
      /q: ProjectionExpression: give a string or a non-empty array/,
    );
    expect(() => prepareExpressions({ ProjectionExpression: ['a..b'] }, 'q')).toThrow(
      /q: ProjectionExpression: attribute path 'a\.\.b'/,
    );
  });

  it('an Attr in the KeyConditionExpression fails naming where and which attribute', () => {
    const params = {
      KeyConditionExpression: Key('pk')
        .eq(1)
        .and(Attr('sk').gt(2) as never),
    };
    expect(() => prepareExpressions(params, 'Table.query')).toThrow(ParamValidationError);
    expect(() => prepareExpressions(params, 'Table.query')).toThrow(
      /^Table\.query: KeyConditionExpression: Attr\("sk"\) cannot be used in a key condition/,
    );
  });

  it('rejects an expression member that is neither a string nor a condition', () => {
    expect(() =>
      prepareExpressions({ FilterExpression: { expression: 'x' } }, 'Table.scan'),
    ).toThrow(/Table\.scan: FilterExpression must be a string or a condition made by Attr/);
    expect(() => prepareExpressions({ KeyConditionExpression: 42 }, 'Table.query')).toThrow(
      /KeyConditionExpression must be a string or a condition made by Key/,
    );
  });

  it('prepares each TransactItems member on its own', () => {
    const params = {
      ClientRequestToken: 'tok',
      TransactItems: [
        { Put: { TableName: 't', Item: { id: 1 }, ConditionExpression: Attr('id').notExists() } },
        {
          Update: {
            TableName: 't',
            Key: { id: 2 },
            UpdateExpression: 'SET v = :v0',
            ExpressionAttributeValues: { ':v0': 5 },
            ConditionExpression: Attr('v').lt(5),
          },
        },
        { Delete: { TableName: 't', Key: { id: 3 }, ConditionExpression: 'attribute_exists(id)' } },
        {
          ConditionCheck: {
            TableName: 'u',
            Key: { id: 4 },
            ConditionExpression: Attr('ok').eq(true),
          },
        },
      ],
    };
    expect(prepareExpressions(params, 'transactWrite')).toEqual({
      ClientRequestToken: 'tok',
      TransactItems: [
        {
          Put: {
            TableName: 't',
            Item: { id: 1 },
            ConditionExpression: 'attribute_not_exists(#n0)',
            ExpressionAttributeNames: { '#n0': 'id' },
          },
        },
        {
          Update: {
            TableName: 't',
            Key: { id: 2 },
            UpdateExpression: 'SET v = :v0',
            ConditionExpression: '#n0 < :v1',
            ExpressionAttributeNames: { '#n0': 'v' },
            ExpressionAttributeValues: { ':v0': 5, ':v1': 5 },
          },
        },
        { Delete: { TableName: 't', Key: { id: 3 }, ConditionExpression: 'attribute_exists(id)' } },
        {
          ConditionCheck: {
            TableName: 'u',
            Key: { id: 4 },
            ConditionExpression: '#n0 = :v0',
            ExpressionAttributeNames: { '#n0': 'ok' },
            ExpressionAttributeValues: { ':v0': true },
          },
        },
      ],
    });
    expect(() =>
      prepareExpressions(
        { TransactItems: [{ Put: {} }, { Delete: { ConditionExpression: 7 } }] },
        'tx',
      ),
    ).toThrow(/^tx: TransactItems\[1\]\.Delete: ConditionExpression must be/);
  });

  it('the exported function works per transaction item too', () => {
    expect(prepareExpressions({ ConditionExpression: Attr('a').exists() }, 'item')).toEqual({
      ConditionExpression: 'attribute_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'a' },
    });
  });

  it('TransactGetItems and BatchGetItem projections', () => {
    expect(
      prepareExpressions({
        TransactItems: [
          { Get: { TableName: 't', Key: { id: 1 }, ProjectionExpression: ['a', 'b'] } },
        ],
      }),
    ).toEqual({
      TransactItems: [
        {
          Get: {
            TableName: 't',
            Key: { id: 1 },
            ProjectionExpression: '#n0, #n1',
            ExpressionAttributeNames: { '#n0': 'a', '#n1': 'b' },
          },
        },
      ],
    });
    const batchWrite = { RequestItems: { t: [{ PutRequest: { Item: { id: 1 } } }] } };
    expect(prepareExpressions(batchWrite)).toEqual(batchWrite);
    expect(
      prepareExpressions({
        RequestItems: { t: { Keys: [{ id: 1 }], ProjectionExpression: ['size'] } },
      }),
    ).toEqual({
      RequestItems: {
        t: {
          Keys: [{ id: 1 }],
          ProjectionExpression: '#n0',
          ExpressionAttributeNames: { '#n0': 'size' },
        },
      },
    });
  });
});
