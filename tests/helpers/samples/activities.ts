// STUB: being written; replaced before this lands.
import type { HandlerContext } from '../../../src-main/records/context';
import type { Sample } from './core';

export const activitySamples: Record<string, Sample> = {};

export function seedActivities(_ctx: HandlerContext): void {}
