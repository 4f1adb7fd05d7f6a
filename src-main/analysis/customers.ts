import { customerAnalysisChannels } from '../contract';
import { handlersFor } from '../ipc/handler';
import { abcAnalysis } from './abc';
import { churnAnalysis } from './churn';
import { clvAnalysis, profitAnalysis } from './profit';
import { rfmAnalysis } from './rfm';
import { serviceAnalysis } from './service';

/** Customer analytics (ABC, RFM, churn, profit, CLV) and service analytics. */
export const customerAnalysisHandlers = handlersFor(customerAnalysisChannels, {
  'analysis.abc': abcAnalysis,
  'analysis.rfm': rfmAnalysis,
  'analysis.churn': churnAnalysis,
  'analysis.profit': profitAnalysis,
  'analysis.clv': clvAnalysis,
  'analysis.service': serviceAnalysis,
});
