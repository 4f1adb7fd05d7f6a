import { createHashRouter, Navigate } from 'react-router';
import { Layout } from './Layout';
import { appModules } from './modules';

const hasHome = appModules.some((m) => m.key === 'home');

// Hash routes: the desktop app loads the page from a file:// URL, where paths cannot be served.
export const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      ...(hasHome ? [] : [{ index: true, element: <Navigate to="/customers" replace /> }]),
      ...appModules.flatMap((m) => m.routes),
    ],
  },
]);
