import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { datesLocale } from '../components/DateField';
import { router } from './router';

const theme = createTheme({
  // CJK fonts named explicitly so Chinese looks right on Windows, macOS and Linux alike.
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  primaryColor: 'blue',
  defaultRadius: 'sm',
});

const queryClient = new QueryClient({
  defaultOptions: {
    // One user, one local file: data changes only through this window, so refetch on demand.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        {/* Every calendar speaks the app's language; the dates themselves always read 2026-11-22. */}
        <DatesProvider settings={{ locale: datesLocale(i18n.language) }}>
          <ModalsProvider key={i18n.language}>
            <Notifications position="bottom-right" limit={3} autoClose={3000} />
            <RouterProvider router={router} />
          </ModalsProvider>
        </DatesProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
