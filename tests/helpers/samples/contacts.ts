// STUB: being written; replaced before this lands.
import type { HandlerContext } from '../../../src-main/records/context';
import type { Sample } from './core';

export const contactSamples: Record<string, Sample> = {};

export function seedContacts(_ctx: HandlerContext): void {}
