// STUB: being written; replaced before this lands.
import type { HandlerContext } from '../../../src-main/records/context';
import type { Sample } from './core';

export const productSamples: Record<string, Sample> = {};

export function seedProducts(_ctx: HandlerContext): void {}
