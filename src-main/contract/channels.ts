import { z } from 'zod';
import {
  activityCompleteInput,
  activityCreateInput,
  activityListInput,
  activityRescheduleInput,
  activityUpdateInput,
  timelineInput,
  type Activity,
  type ActivityRow,
  type TimelineEntry,
} from './activities';
import {
  baseDataCreateInput,
  baseDataDeleteInput,
  baseDataListInput,
  baseDataReorderInput,
  baseDataUpdateInput,
  baseDataUsageInput,
  type BaseDataUsage,
  type BaseItem,
} from './base-data';
import { globalSearchInput, type SearchHit } from './search';
import {
  appSetupInput,
  baseDataApplyTemplateInput,
  settingsGetInput,
  settingsUpdateInput,
  type AppSettings,
  type ApplyTemplateResult,
} from './settings';
import {
  abcInput,
  churnInput,
  clvInput,
  compositionInput,
  funnelInput,
  profitInput,
  rfmInput,
  serviceAnalysisInput,
  trendInput,
  type AbcResult,
  type ChurnPage,
  type ClvPage,
  type CompositionResult,
  type FunnelResult,
  type ProfitPage,
  type RfmResult,
  type ServiceAnalysis,
  type TrendResult,
} from './analysis';
import {
  customFieldCreateInput,
  customFieldListInput,
  customFieldReorderInput,
  customFieldUpdateInput,
  type CustomField,
  type CustomFieldUsage,
} from './custom-fields';
import {
  trashEmptyInput,
  trashListInput,
  trashPurgeInput,
  trashRestoreInput,
  type DeleteResult,
  type TrashEntry,
  type TrashRestoreResult,
} from './trash';
import {
  expenseCreateInput,
  expenseListInput,
  expenseUpdateInput,
  type Expense,
  type ExpensePage,
} from './expenses';
import {
  feedbackCloseInput,
  feedbackCreateInput,
  feedbackListInput,
  feedbackReopenInput,
  feedbackUpdateInput,
  type Feedback,
  type FeedbackRow,
} from './feedback';
import { idInput, idsInput, type Page } from './common';
import {
  contactCreateInput,
  contactListInput,
  contactUpdateInput,
  type Contact,
  type ContactRow,
} from './contacts';
import {
  customerCreateInput,
  customerListInput,
  customerUpdateInput,
  type Customer,
  type CustomerRow,
} from './customers';
import { customerRelatedInput, homeSummaryInput, type CustomerRelated, type HomeSummary } from './home';
import {
  opportunityBoardInput,
  opportunityCloseInput,
  opportunityCreateInput,
  opportunityListInput,
  opportunityMoveInput,
  opportunityUpdateInput,
  opportunityVersionInput,
  type Opportunity,
  type OpportunityBoard,
  type OpportunityCloseResult,
  type OpportunityRow,
} from './opportunities';
import {
  productCreateInput,
  productListInput,
  productUpdateInput,
  type Product,
  type ProductRow,
} from './products';
import { saleCreateInput, saleListInput, saleUpdateInput, type Sale, type SaleRow } from './sales';

export interface AppInfo {
  version: string;
  /** Path of the open database file. */
  databasePath: string;
  schemaVersion: number;
}

/**
 * Every channel of the one door: its zod input schema and its result type.
 * The registry refuses a channel that is not here and an input its schema rejects.
 */
export const channels = {
  'app.info': z.strictObject({}),
  'app.setup': appSetupInput,
  'settings.get': settingsGetInput,
  'settings.update': settingsUpdateInput,
  'baseData.list': baseDataListInput,
  'baseData.create': baseDataCreateInput,
  'baseData.update': baseDataUpdateInput,
  'baseData.reorder': baseDataReorderInput,
  'baseData.delete': baseDataDeleteInput,
  'baseData.usage': baseDataUsageInput,
  'baseData.applyTemplate': baseDataApplyTemplateInput,
  'home.summary': homeSummaryInput,
  'search.global': globalSearchInput,

  'customFields.list': customFieldListInput,
  'customFields.create': customFieldCreateInput,
  'customFields.update': customFieldUpdateInput,
  'customFields.reorder': customFieldReorderInput,
  'customFields.usage': idInput,
  'customFields.delete': idInput,

  'analysis.trend': trendInput,
  'analysis.funnel': funnelInput,
  'analysis.composition': compositionInput,
  'analysis.abc': abcInput,
  'analysis.rfm': rfmInput,
  'analysis.churn': churnInput,
  'analysis.profit': profitInput,
  'analysis.clv': clvInput,
  'analysis.service': serviceAnalysisInput,

  'trash.list': trashListInput,
  'trash.restore': trashRestoreInput,
  'trash.purge': trashPurgeInput,
  'trash.empty': trashEmptyInput,

  'customers.list': customerListInput,
  'customers.get': idInput,
  'customers.create': customerCreateInput,
  'customers.update': customerUpdateInput,
  'customers.delete': idsInput,
  'customers.related': customerRelatedInput,
  'customers.timeline': timelineInput,

  'contacts.list': contactListInput,
  'contacts.get': idInput,
  'contacts.create': contactCreateInput,
  'contacts.update': contactUpdateInput,
  'contacts.delete': idsInput,

  'products.list': productListInput,
  'products.get': idInput,
  'products.create': productCreateInput,
  'products.update': productUpdateInput,
  'products.delete': idsInput,

  'opportunities.list': opportunityListInput,
  'opportunities.get': idInput,
  'opportunities.create': opportunityCreateInput,
  'opportunities.update': opportunityUpdateInput,
  'opportunities.delete': idsInput,
  'opportunities.close': opportunityCloseInput,
  'opportunities.reopen': opportunityVersionInput,
  'opportunities.move': opportunityMoveInput,
  'opportunities.board': opportunityBoardInput,

  'sales.list': saleListInput,
  'sales.get': idInput,
  'sales.create': saleCreateInput,
  'sales.update': saleUpdateInput,
  'sales.delete': idsInput,

  'activities.list': activityListInput,
  'activities.get': idInput,
  'activities.create': activityCreateInput,
  'activities.update': activityUpdateInput,
  'activities.delete': idsInput,
  'activities.complete': activityCompleteInput,
  'activities.reschedule': activityRescheduleInput,

  'feedback.list': feedbackListInput,
  'feedback.get': idInput,
  'feedback.create': feedbackCreateInput,
  'feedback.update': feedbackUpdateInput,
  'feedback.delete': idsInput,
  'feedback.close': feedbackCloseInput,
  'feedback.reopen': feedbackReopenInput,

  'expenses.list': expenseListInput,
  'expenses.get': idInput,
  'expenses.create': expenseCreateInput,
  'expenses.update': expenseUpdateInput,
  'expenses.delete': idsInput,
} as const;

export interface ChannelResults {
  'app.info': AppInfo;
  'app.setup': AppSettings;
  'settings.get': AppSettings;
  'settings.update': AppSettings;
  'baseData.list': BaseItem[];
  'baseData.create': BaseItem;
  'baseData.update': BaseItem;
  'baseData.reorder': BaseItem[];
  'baseData.delete': { deleted: number; moved: number };
  'baseData.usage': BaseDataUsage;
  'baseData.applyTemplate': ApplyTemplateResult;
  'home.summary': HomeSummary;
  'search.global': SearchHit[];

  'customFields.list': CustomField[];
  'customFields.create': CustomField;
  'customFields.update': CustomField;
  'customFields.reorder': CustomField[];
  'customFields.usage': CustomFieldUsage;
  /** The field goes, and its values with it (the dialog names how many records hold one). */
  'customFields.delete': { deleted: number; values: number };

  'analysis.trend': TrendResult;
  'analysis.funnel': FunnelResult;
  'analysis.composition': CompositionResult;
  'analysis.abc': AbcResult;
  'analysis.rfm': RfmResult;
  'analysis.churn': ChurnPage;
  'analysis.profit': ProfitPage;
  'analysis.clv': ClvPage;
  'analysis.service': ServiceAnalysis;

  'trash.list': Page<TrashEntry>;
  'trash.restore': TrashRestoreResult;
  'trash.purge': { purged: number };
  'trash.empty': { purged: number };

  'customers.list': Page<CustomerRow>;
  'customers.get': Customer;
  'customers.create': Customer;
  'customers.update': Customer;
  'customers.delete': DeleteResult;
  'customers.related': CustomerRelated;
  'customers.timeline': Page<TimelineEntry>;

  'contacts.list': Page<ContactRow>;
  'contacts.get': Contact;
  'contacts.create': Contact;
  'contacts.update': Contact;
  'contacts.delete': DeleteResult;

  'products.list': Page<ProductRow>;
  'products.get': Product;
  'products.create': Product;
  'products.update': Product;
  'products.delete': DeleteResult;

  'opportunities.list': Page<OpportunityRow>;
  'opportunities.get': Opportunity;
  'opportunities.create': Opportunity;
  'opportunities.update': Opportunity;
  'opportunities.delete': DeleteResult;
  'opportunities.close': OpportunityCloseResult;
  'opportunities.reopen': Opportunity;
  'opportunities.move': Opportunity;
  'opportunities.board': OpportunityBoard;

  'sales.list': Page<SaleRow>;
  'sales.get': Sale;
  'sales.create': Sale;
  'sales.update': Sale;
  'sales.delete': DeleteResult;

  'activities.list': Page<ActivityRow>;
  'activities.get': Activity;
  'activities.create': Activity;
  'activities.update': Activity;
  'activities.delete': DeleteResult;
  'activities.complete': Activity;
  'activities.reschedule': Activity;

  'feedback.list': Page<FeedbackRow>;
  'feedback.get': Feedback;
  'feedback.create': Feedback;
  'feedback.update': Feedback;
  'feedback.delete': DeleteResult;
  'feedback.close': Feedback;
  'feedback.reopen': Feedback;

  'expenses.list': ExpensePage;
  'expenses.get': Expense;
  'expenses.create': Expense;
  'expenses.update': Expense;
  'expenses.delete': DeleteResult;
}

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
