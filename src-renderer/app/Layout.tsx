import {
  AppShell,
  Button,
  Group,
  Menu,
  SegmentedControl,
  Tabs,
  Text,
  Tooltip,
  VisuallyHidden,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import {
  IconDeviceDesktop,
  IconForms,
  IconListDetails,
  IconMoon,
  IconSettings,
  IconSun,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { languages } from '../i18n';
import { useFiles } from '../lib/file-context';
import { FileMenu } from './files/FileMenu';
import { FileProvider } from './files/FileProvider';
import { ReadOnlyBanner } from './files/ReadOnlyBanner';
import { StartScreen } from './files/StartScreen';
import { FirstRun } from './FirstRun';
import { appModules as modules } from './modules';
import { Shortcuts } from './Shortcuts';
import { GlobalSearch, SearchButton } from './Spotlight';

/** The 设置 menu's entries: the lists and tools the forms rely on, out of the row of tabs. */
const settingsIcons: Record<string, React.ReactNode> = {
  baseData: <IconListDetails size={16} />,
  customFields: <IconForms size={16} />,
  trash: <IconTrash size={16} />,
};

/** The window: the open file's screens, or the start screen while no file is open. */
export function Layout() {
  return (
    <FileProvider>
      <Shell />
    </FileProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const files = useFiles();
  // Until the first answer nothing is shown; then the open file's screens, or the start screen.
  const hasFile = files.state ? files.state.file !== null : null;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  // The longest matching path wins, so `/` (桌面) is current only on the home page itself.
  const current =
    modules
      .filter((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)))
      .sort((a, b) => b.path.length - a.path.length)[0]?.key ?? null;

  const tabs = modules.filter((m) => !m.place);
  const settings = modules.filter((m) => m.place === 'settings');
  const inSettings = settings.some((m) => m.key === current);

  const schemes: { value: MantineColorScheme; label: string; icon: React.ReactNode }[] = [
    { value: 'light', label: t('app.themeLight'), icon: <IconSun size={16} /> },
    { value: 'dark', label: t('app.themeDark'), icon: <IconMoon size={16} /> },
    { value: 'auto', label: t('app.themeAuto'), icon: <IconDeviceDesktop size={16} /> },
  ];

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header data-app-chrome>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Text fw={700} size="lg" c="blue.8" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
            {hasFile && (
              <Tabs
                value={tabs.some((m) => m.key === current) ? current : null}
                onChange={(v) => v && void navigate(modules.find((m) => m.key === v)!.path)}
                style={{ minWidth: 0 }}
              >
                {/* One row whatever the language: on a narrow window the tabs scroll sideways. */}
                <Tabs.List
                  aria-label={t('app.modules')}
                  style={{ borderBottom: 0, flexWrap: 'nowrap', overflowX: 'auto', scrollbarWidth: 'none' }}
                >
                  {tabs.map((m) => (
                    <Tabs.Tab key={m.key} value={m.key} fz="md" px="xs" style={{ whiteSpace: 'nowrap' }}>
                      {t(`nav.${m.key}`)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
              </Tabs>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <FileMenu />
            {hasFile && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant={inSettings ? 'light' : 'subtle'}
                    size="compact-md"
                    leftSection={<IconSettings size={18} />}
                    aria-current={inSettings ? 'page' : undefined}
                  >
                    {t('app.settings')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {settings.map((m) => (
                    <Menu.Item
                      key={m.key}
                      leftSection={settingsIcons[m.key]}
                      onClick={() => void navigate(m.path)}
                      aria-current={m.key === current ? 'page' : undefined}
                      fw={m.key === current ? 600 : undefined}
                    >
                      {t(`nav.${m.key}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            {hasFile && <SearchButton />}
            {hasFile && <Shortcuts />}
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={i18n.language}
              onChange={(lng) => void i18n.changeLanguage(lng)}
              data={languages.map((l) => ({ value: l.value, label: l.label }))}
            />
            <SegmentedControl
              size="xs"
              aria-label={t('app.theme')}
              value={colorScheme}
              onChange={(v) => setColorScheme(v as MantineColorScheme)}
              data={schemes.map((s) => ({
                value: s.value,
                label: (
                  <Tooltip label={s.label} withinPortal>
                    {/* The name as hidden text: a span may not carry aria-label. */}
                    <span style={{ display: 'flex' }}>
                      {s.icon}
                      <VisuallyHidden>{s.label}</VisuallyHidden>
                    </span>
                  </Tooltip>
                ),
              }))}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <ReadOnlyBanner />
        {/* A new file's screens are mounted afresh: nothing of the previous file stays. */}
        {hasFile === true && <Outlet key={files.generation} />}
        {hasFile === false && <StartScreen />}
      </AppShell.Main>
      {hasFile && <GlobalSearch key={files.generation} />}
      {/* A file that cannot be written cannot be set up: it is only looked at. */}
      {hasFile && !files.state?.file?.readOnly && <FirstRun key={files.generation} />}
    </AppShell>
  );
}
