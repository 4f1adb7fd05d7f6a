import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, channelNames, mergeChannelTables } from '../../src-main/contract';
import { handlers, mergeHandlers } from '../../src-main/ipc/registry';

const ping = { 'test.ping': channel(z.strictObject({})).returns<string>() };
const pong = { 'test.pong': channel(z.strictObject({})).returns<string>() };
const answer = () => 'ok';

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

describe('the handler objects, merged by the registry', () => {
  it('has exactly one handler for every channel, and none for anything else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('merges handler objects that answer the channels one to one', () => {
    const merged = mergeHandlers(
      ['test.ping', 'test.pong'],
      [{ 'test.ping': answer }, { 'test.pong': answer }],
    );
    expect(Object.keys(merged)).toEqual(['test.ping', 'test.pong']);
  });

  it('refuses to start when a channel has no handler', () => {
    expect(() => mergeHandlers(['test.ping', 'test.pong'], [{ 'test.ping': answer }])).toThrow(
      'No handler for channel test.pong',
    );
  });

  it('refuses to start when a handler is for no channel', () => {
    expect(() => mergeHandlers(['test.ping'], [{ 'test.ping': answer, 'test.gone': answer }])).toThrow(
      'A handler for test.gone, which is not a channel',
    );
  });

  it('refuses to start when a channel has two handlers', () => {
    expect(() => mergeHandlers(['test.ping'], [{ 'test.ping': answer }, { 'test.ping': answer }])).toThrow(
      'Channel test.ping has two handlers',
    );
  });
});
