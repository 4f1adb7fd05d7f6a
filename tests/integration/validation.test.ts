import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, type Channel } from '../../src-main/contract';
import { invoke } from '../../src-main/ipc/registry';
import { callError, dbSnapshot, makeTestDb, type TestDb } from '../helpers/db';
import { allSamples, seedForSamples, type Sample } from '../helpers/samples';

/**
 * One valid input per channel comes from tests/helpers/samples/ (a file per record kind); every
 * channel must have one: a new channel without a sample fails the "has a sample" test below.
 */
const samples: Partial<Record<string, Sample>> = allSamples;

const ONE_MB = 'x'.repeat(1024 * 1024);

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
  seedForSamples(t.ctx);
});
afterEach(() => t.close());

/** Invokes with bad input and checks the refusal names `field` and leaves the database as it was. */
function expectRefused(channel: string, input: unknown, field: string | undefined) {
  const before = dbSnapshot(t.db);
  const error = callError(t.ctx, channel, input);
  expect(error.code).toBe('VALIDATION');
  expect(error.field).toBe(field);
  expect(dbSnapshot(t.db)).toEqual(before);
  return error;
}

function sampleFor(channel: string): Sample {
  const s = samples[channel];
  if (!s) throw new Error(`No validation sample for channel ${channel}: add one to the table`);
  return s;
}

describe('the sample table', () => {
  it.each(channelNames)('has a sample for %s', (channel) => {
    expect(samples[channel], `add a sample for ${channel}`).toBeDefined();
  });

  it('has no sample for a channel that no longer exists', () => {
    expect(Object.keys(samples).filter((c) => !(channelNames as string[]).includes(c))).toEqual([]);
  });
});

describe.each(channelNames)('%s', (channel: Channel) => {
  it('accepts its valid sample', () => {
    const res = invoke(t.ctx, channel, sampleFor(channel).valid);
    expect(res).toMatchObject({ ok: true });
  });

  it('refuses a field of the wrong type', () => {
    const s = sampleFor(channel);
    if (s.wrongType === null) {
      // Only a channel without fields may skip this; prove it has none.
      expect(Object.keys((channels[channel] as z.ZodObject).shape)).toEqual([]);
      return;
    }
    const error = expectRefused(
      channel,
      { ...s.valid, [s.wrongType.field]: s.wrongType.value },
      s.wrongType.field,
    );
    expect(error.reason).toBe(s.wrongType.reason ?? 'invalid_type');
  });

  it('refuses a missing required field', () => {
    const s = sampleFor(channel);
    if (s.required === null) {
      // The sample says nothing is required: then an empty input must be accepted.
      expect(invoke(t.ctx, channel, {})).toMatchObject({ ok: true });
      return;
    }
    const input = { ...s.valid };
    delete input[s.required];
    const error = expectRefused(channel, input, s.required);
    expect(error.reason).toBe('required');
  });

  it('refuses an unknown field', () => {
    const error = expectRefused(channel, { ...sampleFor(channel).valid, sneaky: 1 }, 'sneaky');
    expect(error.reason).toBe('unknown_field');
  });

  it('refuses a 1 MB string without echoing it back', () => {
    const s = sampleFor(channel);
    const error = expectRefused(channel, { ...s.valid, [s.huge.field]: ONE_MB }, s.huge.field);
    expect(JSON.stringify(error).length).toBeLessThan(1000);
  });

  it.each([
    ['null', null],
    ['an array', [sampleFor(channel).valid]],
    ['a string', JSON.stringify(sampleFor(channel).valid)],
    ['a number', 42],
  ])('refuses %s as the whole input', (_what, input) => {
    const before = dbSnapshot(t.db);
    expect(invoke(t.ctx, channel, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('the registry', () => {
  it.each(['customers.drop', 'customers', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses the unknown channel %j',
    (channel) => {
      const before = dbSnapshot(t.db);
      expect(invoke(t.ctx, channel, {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) },
      });
      expect(dbSnapshot(t.db)).toEqual(before);
    },
  );

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, true, null])(
    'refuses the id %s',
    (id) => {
      expectRefused('customers.get', { id }, 'id');
    },
  );

  it('refuses an own __proto__ key as an unknown field', () => {
    const input = JSON.parse('{"name": "x", "__proto__": {"polluted": true}}') as unknown;
    const error = expectRefused('customers.create', input, '__proto__');
    expect(error.reason).toBe('unknown_field');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports the length limit of a too-long text', () => {
    expect(expectRefused('customers.create', { name: 'x'.repeat(201) }, 'name')).toMatchObject({
      reason: 'too_long',
      limit: 200,
    });
  });

  it('names the element of an array that is wrong', () => {
    expectRefused('customers.delete', { ids: [1, 'two'] }, 'ids.1');
  });

  it('refuses an empty id list', () => {
    expect(expectRefused('customers.delete', { ids: [] }, 'ids')).toMatchObject({ reason: 'too_small' });
  });

  it('refuses an unknown sort direction', () => {
    expectRefused('customers.list', { sort: { column: 'name', direction: 'sideways' } }, 'sort.direction');
  });
});
