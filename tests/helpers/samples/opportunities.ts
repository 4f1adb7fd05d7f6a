// STUB: being written; replaced before this lands.
import type { HandlerContext } from '../../../src-main/records/context';
import type { Sample } from './core';

export const opportunitySamples: Record<string, Sample> = {};

export function seedOpportunities(_ctx: HandlerContext): void {}
