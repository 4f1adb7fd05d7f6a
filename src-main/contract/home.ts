import { z } from 'zod';
import type { ActivityRow } from './activities';
import { channel } from './channel';
import { isoDate } from './common';
import type { FeedbackRow } from './feedback';
import type { OpportunityRow } from './opportunities';

/** 桌面. `today` is the user's local date (the window knows it); it defaults to the machine's. */
export const homeSummaryInput = z.strictObject({ today: isoDate.optional() });

export interface RecentRecord {
  kind: 'customer' | 'contact' | 'product' | 'opportunity' | 'sale' | 'activity' | 'feedback' | 'expense';
  id: number;
  title: string;
  updatedAt: string;
}

export interface HomeSummary {
  today: string;
  /** 今日回访: follow-ups due today or overdue, not done, oldest first. */
  followUps: ActivityRow[];
  /** Open opportunities expected to close in the next 14 days. */
  closingSoon: OpportunityRow[];
  salesThisMonth: { amount: number; count: number };
  salesLastMonth: { amount: number; count: number };
  /** The ten records touched last. */
  recent: RecentRecord[];
  /** Service feedback still open: how many, and the oldest few. */
  openFeedback: { count: number; oldest: FeedbackRow[] };
}

export const homeChannels = {
  'home.summary': channel(homeSummaryInput).returns<HomeSummary>(),
};
