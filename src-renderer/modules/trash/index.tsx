import type { AppModule } from '../app-module';
import { en, zh } from './messages';
import { TrashList } from './TrashList';

/** 回收站: deleted records with what went with them; restore, delete for good, empty. */
export const trashModule: AppModule = {
  key: 'trash',
  path: '/trash',
  place: 'settings',
  messages: { zh, en },
  routes: [{ path: 'trash', element: <TrashList /> }],
};
