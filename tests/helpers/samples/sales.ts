// STUB: being written; replaced before this lands.
import type { HandlerContext } from '../../../src-main/records/context';
import type { Sample } from './core';

export const saleSamples: Record<string, Sample> = {};

export function seedSales(_ctx: HandlerContext): void {}
