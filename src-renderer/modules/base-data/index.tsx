import type { AppModule } from '../app-module';
import { BaseDataPage } from './BaseDataPage';
import { en, zh } from './messages';

/** 基础数据: the editable lists (types, levels, stages, categories, sales reps …). */
export const baseDataModule: AppModule = {
  key: 'baseData',
  path: '/base-data',
  place: 'settings',
  messages: { zh, en },
  routes: [
    { path: 'base-data', element: <BaseDataPage /> },
    { path: 'base-data/:kind', element: <BaseDataPage /> },
  ],
};
