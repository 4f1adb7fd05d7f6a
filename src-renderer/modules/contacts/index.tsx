import type { AppModule } from '../app-module';
import { ContactList } from './ContactList';
import { en, zh } from './messages';
import { ContactCreatePage, ContactEditPage, ContactFieldTablePage, ContactShowPage } from './pages';

/** 联系人管理: 增加, 删除, 查找, 浏览, 修改 and 联系人字段详情表. */
export const contactsModule: AppModule = {
  key: 'contacts',
  path: '/contacts',
  messages: { zh, en },
  routes: [
    { path: 'contacts', element: <ContactList /> },
    { path: 'contacts/new', element: <ContactCreatePage /> },
    { path: 'contacts/:id', element: <ContactShowPage /> },
    { path: 'contacts/:id/edit', element: <ContactEditPage /> },
    { path: 'contacts/:id/fields', element: <ContactFieldTablePage /> },
  ],
};
