import type { AppModule } from '../app-module';
import { FeedbackList } from './FeedbackList';
import { en, zh } from './messages';
import { FeedbackCreatePage, FeedbackEditPage, FeedbackFieldTablePage, FeedbackShowPage } from './pages';

/** 服务反馈: 新建, 结束服务反馈, 重新打开, 修改, 删除, 浏览, 查找 and 服务反馈字段详情表. */
export const feedbackModule: AppModule = {
  key: 'feedback',
  path: '/feedback',
  messages: { zh, en },
  routes: [
    { path: 'feedback', element: <FeedbackList /> },
    { path: 'feedback/new', element: <FeedbackCreatePage /> },
    { path: 'feedback/:id', element: <FeedbackShowPage /> },
    { path: 'feedback/:id/edit', element: <FeedbackEditPage /> },
    { path: 'feedback/:id/fields', element: <FeedbackFieldTablePage /> },
  ],
};
