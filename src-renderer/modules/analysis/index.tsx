import type { AppModule } from '../app-module';
import { AnalysisPage } from './AnalysisPage';
import { en, zh } from './messages';

/** 分析: 销售走势, 销售漏斗, 销售构成, then customer and service analytics. */
export const analysisModule: AppModule = {
  key: 'analysis',
  path: '/analysis',
  messages: { zh, en },
  routes: [{ path: 'analysis', element: <AnalysisPage /> }],
};
