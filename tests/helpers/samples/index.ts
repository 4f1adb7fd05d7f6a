import type { HandlerContext } from '../../../src-main/records/context';
import { call } from '../db';
import { activitySamples, seedActivities } from './activities';
import { salesAnalysisSamples } from './analysis';
import { customerAnalysisSamples } from './analysis-customers';
import { contactSamples, seedContacts } from './contacts';
import { coreSamples, type Sample } from './core';
import { customFieldSamples, seedCustomFields } from './custom-fields';
import { expenseSamples, seedExpenses } from './expenses';
import { feedbackSamples, seedFeedback } from './feedback';
import { opportunitySamples, seedOpportunities } from './opportunities';
import { productSamples, seedProducts } from './products';
import { saleSamples, seedSales } from './sales';
import { fileSamples, seedFiles } from './files';
import { jobSamples, seedJobs } from './jobs';
import { settingsSamples } from './settings';
import { seedTrash, trashSamples } from './trash';

export type { Sample };

/** One valid input per channel, from every record kind's file. */
export const allSamples: Record<string, Sample> = {
  ...coreSamples,
  ...settingsSamples,
  ...contactSamples,
  ...productSamples,
  ...opportunitySamples,
  ...saleSamples,
  ...activitySamples,
  ...feedbackSamples,
  ...expenseSamples,
  ...customFieldSamples,
  ...trashSamples,
  ...jobSamples,
  ...fileSamples,
  ...salesAnalysisSamples,
  ...customerAnalysisSamples,
};

/**
 * What the valid samples run against: customers 1 and 2 (version 1), then each kind's own
 * records, in dependency order (products before the opportunities and sales that use them; feedback and expenses last).
 */
export function seedForSamples(ctx: HandlerContext): void {
  call(ctx, 'customers.create', { name: '北京华信科技有限公司', phone: '010-8888 1234' });
  call(ctx, 'customers.create', { name: '上海明达贸易有限公司' });
  seedContacts(ctx);
  seedProducts(ctx);
  seedOpportunities(ctx);
  seedSales(ctx);
  seedActivities(ctx);
  seedFeedback(ctx);
  seedExpenses(ctx);
  seedCustomFields(ctx);
  seedTrash(ctx);
  seedJobs(ctx);
  seedFiles(ctx);
}
