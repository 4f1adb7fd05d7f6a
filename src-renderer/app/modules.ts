import { addModuleMessages } from '../i18n';
import type { AppModule } from '../modules/app-module';
import { activitiesModule } from '../modules/activities';
import { analysisModule } from '../modules/analysis';
import { backupsModule } from '../modules/backups';
import { baseDataModule } from '../modules/base-data';
import { contactsModule } from '../modules/contacts';
import { customersModule } from '../modules/customers';
import { customFieldsModule } from '../modules/custom-fields';
import { expensesModule } from '../modules/expenses';
import { feedbackModule } from '../modules/feedback';
import { homeModule } from '../modules/home';
import { importModule } from '../modules/import';
import { opportunitiesModule } from '../modules/opportunities';
import { productsModule } from '../modules/products';
import { salesModule } from '../modules/sales';
import { trashModule } from '../modules/trash';

export type { AppModule };

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
  backupsModule,
  importModule,
].filter((m) => m.routes.length > 0);

for (const m of appModules) if (m.messages) addModuleMessages(m.key, m.messages);
