import type { AppModule } from '../app-module';
import { en, zh } from './messages';
import { OpportunityList } from './OpportunityList';
import {
  OpportunityCreatePage,
  OpportunityEditPage,
  OpportunityFieldTablePage,
  OpportunityShowPage,
} from './pages';

/** 机会与明细: 增加机会, 删除, 修改, 浏览 (list and pipeline board), 结束机会(转为销售), 机会明细察看. */
export const opportunitiesModule: AppModule = {
  key: 'opportunities',
  path: '/opportunities',
  messages: { zh, en },
  routes: [
    { path: 'opportunities', element: <OpportunityList /> },
    { path: 'opportunities/new', element: <OpportunityCreatePage /> },
    { path: 'opportunities/:id', element: <OpportunityShowPage /> },
    { path: 'opportunities/:id/edit', element: <OpportunityEditPage /> },
    { path: 'opportunities/:id/fields', element: <OpportunityFieldTablePage /> },
  ],
};
