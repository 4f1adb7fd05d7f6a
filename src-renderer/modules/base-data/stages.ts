import type { BaseItem } from '../../../src-main/contract';

/** 赢单 and 输单: 结束机会 needs them, so they can be renamed but not deactivated or deleted. */
export const isClosedStage = (item: BaseItem): boolean =>
  item.kind === 'opportunity_stage' && (item.key === 'won' || item.key === 'lost');
