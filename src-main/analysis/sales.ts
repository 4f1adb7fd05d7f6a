/** The sales analyses' channels: 销售走势, 销售漏斗 and 销售构成. */
import { salesAnalysisChannels } from '../contract';
import { handlersFor } from '../ipc/handler';
import { salesComposition } from './composition';
import { salesFunnel } from './funnel';
import { salesTrend } from './trend';

export const salesAnalysisHandlers = handlersFor(salesAnalysisChannels, {
  'analysis.trend': salesTrend,
  'analysis.funnel': salesFunnel,
  'analysis.composition': salesComposition,
});
