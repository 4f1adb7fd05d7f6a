import type { AppModule } from '../app-module';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';
import { en, zh } from './messages';

/** 导入: the wizard (选择文件 → 对应字段 → 检查 → 完成) and 导入记录. Opens from the 文件 menu and the lists. */
export const importModule: AppModule = {
  key: 'import',
  path: '/import',
  place: 'file',
  messages: { zh, en },
  routes: [
    { path: 'import', element: <ImportWizard /> },
    { path: 'import/history', element: <ImportHistory /> },
  ],
};
