import type { RouteObject } from 'react-router';

/** A screen of the app: its tab in the header (`nav.<key>`), its path and its routes. */
export interface AppModule {
  key: string;
  path: string;
  routes: RouteObject[];
  /**
   * Where it opens from instead of a tab: `settings`, the header's 设置 menu (lists and tools the
   * forms rely on); `file`, the 文件 menu (the database file itself: its backups).
   */
  place?: 'settings' | 'file';
  /** Its messages, merged into the translations under `<key>.` */
  messages?: { zh: Record<string, unknown>; en: Record<string, unknown> };
}
