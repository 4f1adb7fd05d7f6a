import fc from 'fast-check';
import { allSamples } from './samples';

/**
 * Bodies for the fuzz test of the browser edition's door: a channel's valid sample
 * (tests/helpers/samples), broken in the ways its fields can be, or replaced by something that
 * is not its input or not JSON at all.
 */

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type Body =
  | { k: 'valid' | 'wrongType' | 'missing' | 'huge' | 'empty' | 'tooBig' }
  | { k: 'field'; pick: number; value: unknown }
  | { k: 'extra'; key: string; value: unknown }
  | { k: 'whole'; value: unknown }
  | { k: 'deep'; depth: number; shape: 'array' | 'object'; inField: boolean }
  | { k: 'text'; text: string }
  | { k: 'bytes'; bytes: Uint8Array };

const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    -1,
    0,
    -0,
    0.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\u202e',
    '%',
    "' OR 1=1 --",
    '"; DROP TABLE customers; --',
    '2026-02-30',
    '9999-12-31T23:59:59Z',
    '0000-00-00',
    'a'.repeat(10_000),
    [],
    {},
    null,
    true,
    false,
    [1, 1, 1],
    Array.from({ length: 2000 }, (_, i) => i + 1),
    { __proto__: null, constructor: 1 },
  ),
);

export const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ k: 'valid' as const }) },
  { weight: 3, arbitrary: fc.constant({ k: 'wrongType' as const }) },
  { weight: 3, arbitrary: fc.constant({ k: 'missing' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'huge' as const }) },
  { weight: 2, arbitrary: fc.constant({ k: 'empty' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({ k: fc.constant('field' as const), pick: fc.nat(), value: weirdValue }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('extra' as const),
      key: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype')),
      value: weirdValue,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('whole' as const), value: fc.jsonValue({ maxDepth: 4 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('deep' as const),
      depth: fc.constantFrom(64, 1000, 10_000, 200_000),
      shape: fc.constantFrom('array' as const, 'object' as const),
      inField: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('text' as const),
      text: fc.oneof(
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.constantFrom(
          '{',
          'null',
          'true',
          '0',
          '-0',
          '1e999',
          '"x"',
          '[]',
          'NaN',
          'undefined',
          '\ufeff{}',
          '{"__proto__":{"polluted":1}}',
          '{"constructor":{"prototype":{"polluted":1}}}',
          '{"ids":[1e309]}',
          '{"id":1,"id":"1"}',
          '{"a":"\\ud800"}',
          '{} {}',
          '{"a":1,}',
        ),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'tooBig' as const }) },
);

function nest(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The body's text: JSON built from the channel's valid sample, or not JSON at all. */
export function bodyOf(channelName: string, b: Body): string | Buffer {
  const sample = Object.hasOwn(allSamples, channelName) ? allSamples[channelName] : undefined;
  const valid: Record<string, unknown> = { ...(sample?.valid ?? {}) };
  const keys = Object.keys(valid);
  switch (b.k) {
    case 'valid':
      return JSON.stringify(valid);
    case 'wrongType':
      if (sample?.wrongType) valid[sample.wrongType.field] = sample.wrongType.value;
      return JSON.stringify(valid);
    case 'missing':
      if (sample?.required) delete valid[sample.required];
      return JSON.stringify(valid);
    case 'huge':
      valid[sample?.huge.field ?? 'padding'] = 'x'.repeat(1_000_000);
      return JSON.stringify(valid);
    case 'empty':
      return '';
    case 'tooBig':
      return JSON.stringify({ ...valid, padding: 'x'.repeat(MAX_BODY_BYTES) });
    case 'field':
      valid[keys.length ? keys[b.pick % keys.length]! : 'id'] = b.value;
      return JSON.stringify(valid);
    case 'extra':
      return JSON.stringify(valid)
        .replace(/^\{/, `{${JSON.stringify(b.key)}:${JSON.stringify(b.value) ?? 'null'},`)
        .replace(/,\}$/, '}');
    case 'whole':
      return JSON.stringify(b.value);
    case 'deep': {
      const deep = nest(b.depth, b.shape);
      if (!b.inField) return deep;
      const text = JSON.stringify({ ...valid, [keys[0] ?? 'id']: 0 });
      return text.replace(
        `${JSON.stringify(keys[0] ?? 'id')}:0`,
        `${JSON.stringify(keys[0] ?? 'id')}:${deep}`,
      );
    }
    case 'text':
      return b.text;
    case 'bytes':
      return Buffer.from(b.bytes);
  }
}
