import {
  createTheme,
  MantineProvider,
  mergeThemeOverrides,
  Modal,
  Notification,
  type CSSVariablesResolver,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { datesLocale } from '../components/DateField';
import i18next from '../i18n';
import { router } from './router';

const theme = createTheme({
  // CJK fonts named explicitly so Chinese looks right on Windows, macOS and Linux alike.
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  primaryColor: 'blue',
  // Shade 8 in light mode: white on blue.6 (Mantine's default) reads at 3.5:1, on blue.8 at 5:1,
  // which WCAG AA asks of text; links and tabs use the same shade.
  primaryShade: { light: 8, dark: 8 },
  // Menus, dialogs and popovers appear without moving when the system asks for less motion.
  respectReducedMotion: true,
  defaultRadius: 'sm',
});

/**
 * Text colours that reach WCAG AA contrast (4.5:1) on light backgrounds, the striped and hovered
 * rows included: secondary ("dimmed") text a darker gray than Mantine's gray.6 (3.3:1), and the
 * text of light badges and buttons shade 9 darkened by 30 % (Mantine's shade 9 alone reads at
 * 2.7:1 to 3.8:1 on shade 1 for yellow, lime, green, orange and teal).
 */
const contrastResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5f666d',
    ...Object.fromEntries(
      Object.keys(t.colors).map((c) => [
        `--mantine-color-${c}-light-color`,
        `color-mix(in srgb, var(--mantine-color-${c}-9), black 30%)`,
      ]),
    ),
  },
  dark: {},
});

i18next.addResourceBundle('zh-CN', 'translation', { closeButton: '关闭' }, true, false);
i18next.addResourceBundle('en', 'translation', { closeButton: 'Close' }, true, false);

/** The × of dialogs and notifications, named: Mantine leaves it without a name. */
function useLocalizedTheme() {
  const { t } = useTranslation();
  return useMemo(() => {
    const closeButtonProps = { 'aria-label': t('closeButton') };
    return mergeThemeOverrides(theme, {
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
        // Under a title Mantine greys the message to gray.6 (3:1): the app's own dimmed reads at AA.
        Notification: Notification.extend({
          defaultProps: { closeButtonProps },
          styles: { description: { color: 'var(--mantine-color-dimmed)' } },
        }),
      },
    });
  }, [t]);
}

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
    <MantineProvider
      theme={useLocalizedTheme()}
      cssVariablesResolver={contrastResolver}
      defaultColorScheme="auto"
    >
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
