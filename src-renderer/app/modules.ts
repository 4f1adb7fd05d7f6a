import type { RouteObject } from 'react-router';
import { activitiesModule } from '../modules/activities';
import { analysisModule } from '../modules/analysis';
import { baseDataModule } from '../modules/base-data';
import { contactsModule } from '../modules/contacts';
import { customersModule } from '../modules/customers';
import { customFieldsModule } from '../modules/custom-fields';
import { expensesModule } from '../modules/expenses';
import { feedbackModule } from '../modules/feedback';
import { homeModule } from '../modules/home';
import { opportunitiesModule } from '../modules/opportunities';
import { productsModule } from '../modules/products';
import { salesModule } from '../modules/sales';
import { trashModule } from '../modules/trash';

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

/** The modules in the lab guide's order. One without routes is not built yet and not shown. */
export const appModules: AppModule[] = [
  homeModule,
  customersModule,
  contactsModule,
  opportunitiesModule,
  salesModule,
  feedbackModule,
  expensesModule,
  activitiesModule,
  productsModule,
  analysisModule,
  baseDataModule,
  customFieldsModule,
  trashModule,
].filter((m) => m.routes.length > 0);
