import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, channelNames, mergeChannelTables } from '../../src-main/contract';

const ping = { 'test.ping': channel(z.strictObject({})).returns<string>() };
const pong = { 'test.pong': channel(z.strictObject({})).returns<string>() };

describe('the kinds’ channel tables, merged', () => {
  it('keeps every declaration as its kind wrote it', () => {
    const merged = mergeChannelTables(ping, pong);
    expect(Object.keys(merged)).toEqual(['test.ping', 'test.pong']);
    expect(merged['test.ping']).toBe(ping['test.ping']);
  });

  it('refuses a name two tables declare, to the compiler and as the module loads', () => {
    // @ts-expect-error: a channel declared twice does not compile (the error names it).
    expect(() => mergeChannelTables(ping, pong, ping)).toThrow('Channel test.ping is declared twice');
  });

  it('gives the door each channel once', () => {
    expect(new Set(channelNames).size).toBe(channelNames.length);
  });
});
