import type { AppModule } from '../app-module';
import { CustomFieldsPage } from './CustomFieldsPage';
import { en, zh } from './messages';

/** 自定义字段: the user's own fields on customers, contacts, opportunities and sales. */
export const customFieldsModule: AppModule = {
  key: 'customFields',
  path: '/custom-fields',
  place: 'settings',
  messages: { zh, en },
  routes: [
    { path: 'custom-fields', element: <CustomFieldsPage /> },
    { path: 'custom-fields/:entity', element: <CustomFieldsPage /> },
  ],
};
