import type { RouteObject } from 'react-router';

/** A screen of the app: its tab in the header (`nav.<key>`), its path and its routes. */
export interface AppModule {
  key: string;
  path: string;
  routes: RouteObject[];
  /** `settings`: in the header's 设置 menu instead of a tab (lists and tools the forms rely on). */
  place?: 'settings';
  /** Its messages, merged into the translations under `<key>.` */
  messages?: { zh: Record<string, unknown>; en: Record<string, unknown> };
}
