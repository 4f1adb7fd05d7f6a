import { createHashRouter, Navigate } from 'react-router';
import {
  CustomerCreatePage,
  CustomerEditPage,
  CustomerFieldTablePage,
  CustomerShowPage,
} from '../modules/customers/pages';
import { CustomerList } from '../modules/customers/CustomerList';
import { Layout } from './Layout';

// Hash routes: the desktop app loads the page from a file:// URL, where paths cannot be served.
export const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: 'customers', element: <CustomerList /> },
      { path: 'customers/new', element: <CustomerCreatePage /> },
      { path: 'customers/:id', element: <CustomerShowPage /> },
      { path: 'customers/:id/edit', element: <CustomerEditPage /> },
      { path: 'customers/:id/fields', element: <CustomerFieldTablePage /> },
    ],
  },
]);
