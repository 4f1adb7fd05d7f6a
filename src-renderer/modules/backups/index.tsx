import type { AppModule } from '../app-module';
import { BackupsPage } from './BackupsPage';
import { en, zh } from './messages';

/** 备份: the open file's rolling backups, 立即备份, and 恢复 one with 撤销. Opens from the 文件 menu. */
export const backupsModule: AppModule = {
  key: 'backups',
  path: '/backups',
  place: 'file',
  messages: { zh, en },
  routes: [{ path: 'backups', element: <BackupsPage /> }],
};
