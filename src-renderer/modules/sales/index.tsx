import type { AppModule } from '../app-module';
import { en, zh } from './messages';
import { SaleCreatePage, SaleEditPage, SaleFieldTablePage, SaleShowPage } from './pages';
import { SaleList } from './SaleList';

/** 销售和明细: 新建销售, 删除, 修改, 浏览, 查找, 销售明细察看 and 销售字段详情表. */
export const salesModule: AppModule = {
  key: 'sales',
  path: '/sales',
  messages: { zh, en },
  routes: [
    { path: 'sales', element: <SaleList /> },
    { path: 'sales/new', element: <SaleCreatePage /> },
    { path: 'sales/:id', element: <SaleShowPage /> },
    { path: 'sales/:id/edit', element: <SaleEditPage /> },
    { path: 'sales/:id/fields', element: <SaleFieldTablePage /> },
  ],
};
