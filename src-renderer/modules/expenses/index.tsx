import type { AppModule } from '../app-module';
import { ExpenseList } from './ExpenseList';
import { en, zh } from './messages';
import { ExpenseCreatePage, ExpenseEditPage, ExpenseFieldTablePage, ExpenseShowPage } from './pages';

/** 费用: 新建费用记录, 删除, 修改, 浏览 and 费用字段详情表. */
export const expensesModule: AppModule = {
  key: 'expenses',
  path: '/expenses',
  messages: { zh, en },
  routes: [
    { path: 'expenses', element: <ExpenseList /> },
    { path: 'expenses/new', element: <ExpenseCreatePage /> },
    { path: 'expenses/:id', element: <ExpenseShowPage /> },
    { path: 'expenses/:id/edit', element: <ExpenseEditPage /> },
    { path: 'expenses/:id/fields', element: <ExpenseFieldTablePage /> },
  ],
};
