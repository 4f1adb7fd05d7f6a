import type { AppModule } from '../app-module';
import { ActivityList } from './ActivityList';
import { en, zh } from './messages';
import { ActivityCreatePage, ActivityEditPage, ActivityFieldTablePage, ActivityShowPage } from './pages';

export const activitiesModule: AppModule = {
  key: 'activities',
  path: '/activities',
  messages: { zh, en },
  routes: [
    { path: 'activities', element: <ActivityList /> },
    { path: 'activities/new', element: <ActivityCreatePage /> },
    { path: 'activities/:id', element: <ActivityShowPage /> },
    { path: 'activities/:id/edit', element: <ActivityEditPage /> },
    { path: 'activities/:id/fields', element: <ActivityFieldTablePage /> },
  ],
};
