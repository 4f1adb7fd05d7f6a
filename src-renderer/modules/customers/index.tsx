import type { AppModule } from '../app-module';
import { CustomerList } from './CustomerList';
import { CustomerCreatePage, CustomerEditPage, CustomerFieldTablePage, CustomerShowPage } from './pages';

export const customersModule: AppModule = {
  key: 'customers',
  path: '/customers',
  routes: [
    { path: 'customers', element: <CustomerList /> },
    { path: 'customers/new', element: <CustomerCreatePage /> },
    { path: 'customers/:id', element: <CustomerShowPage /> },
    { path: 'customers/:id/edit', element: <CustomerEditPage /> },
    { path: 'customers/:id/fields', element: <CustomerFieldTablePage /> },
  ],
};
