import type { z } from 'zod';

/** A key that no value has: what a channel answers rides on it as a type alone. */
declare const result: unique symbol;

/** One channel of the door: the zod schema of its input, and (as a type only) what it answers. */
export interface ChannelSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: S;
  readonly [result]?: R;
}

/** A record kind's channels, by name. Each contract module declares its own one. */
export type ChannelTable = Readonly<Record<string, ChannelSpec>>;

/** Declares a channel: `channel(customerListInput).returns<Page<CustomerRow>>()`. */
export function channel<S extends z.ZodType>(input: S): { returns: <R>() => ChannelSpec<S, R> } {
  return { returns: () => ({ input }) };
}

export type InputOf<S extends ChannelSpec> = z.input<S['input']>;
export type ParsedInputOf<S extends ChannelSpec> = z.output<S['input']>;
export type ResultOf<S extends ChannelSpec> = S extends ChannelSpec<z.ZodType, infer R> ? R : never;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The one object that a list of objects with no key in common makes. */
export type Merged<T extends readonly object[]> = {
  [K in keyof Intersection<T[number]>]: Intersection<T[number]>[K];
};

/** The keys that two or more of the objects have. */
export type SharedKeys<T extends readonly object[], Seen = never> = T extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? (keyof Head & Seen) | SharedKeys<Rest, Seen | keyof Head>
  : never;

/**
 * Every kind's table in one. A name two tables declare does not compile (the error names it),
 * and, should a table's type hide it, throws as the contract loads.
 */
export function mergeChannelTables<const T extends readonly ChannelTable[]>(
  ...tables: T & ([SharedKeys<T>] extends [never] ? unknown : { declaredTwice: SharedKeys<T> })
): Merged<T> {
  const merged: Record<string, ChannelSpec> = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new Error(`Channel ${name} is declared twice`);
      }
      merged[name] = spec;
    }
  }
  return merged as Merged<T>;
}
