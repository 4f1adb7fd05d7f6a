import { Alert, Button, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconDatabaseImport,
  IconFilePlus,
  IconFolderOpen,
  IconInfoCircle,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../api';
import { useFiles } from '../../lib/file-context';
import { isDamaged, RefusalText, RetryButtons } from './FileDialogs';
import { DamagedFileRecovery } from '../../modules/backups/DamagedFileRecovery';
import { RecentList, useForgetRecent, useRecentFiles } from './RecentList';

/** One of the start screen's big buttons, with a line under it saying what it does. */
function BigButton(props: { icon: ReactNode; label: string; hint: string; id: string; onClick: () => void }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs" align="stretch">
        <Button size="lg" leftSection={props.icon} onClick={props.onClick} aria-describedby={props.id}>
          {props.label}
        </Button>
        <Text size="sm" c="dimmed" ta="center" id={props.id}>
          {props.hint}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * What the window shows while no database file is open: why (the file that would not open, in
 * the user's language, with what to do), 新建数据库 / 打开数据库 (and 导入 in the browser
 * edition), and 最近使用.
 */
export function StartScreen() {
  const { t } = useTranslation();
  const files = useFiles();
  const error = files.state?.lastError ?? null;
  const recent = useRecentFiles();
  const forget = useForgetRecent();
  // A file that is gone from where 最近使用 remembers it: it can be taken off the list here.
  const missing =
    error && String(error.code) === 'FILE_NOT_FOUND'
      ? recent.data?.find((r) => r.path === error.path && !r.exists)
      : undefined;
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('file.start.title')}
        </Title>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('file.start.failed')}>
            <Stack gap="sm">
              <RefusalText refusal={error} />
              {isDamaged(error) && <DamagedFileRecovery path={error.path} />}
              <Group gap="sm">
                <RetryButtons refusal={error} />
                {missing && (
                  <Button variant="default" size="xs" onClick={() => void forget(missing)}>
                    {t('file.forget', { name: missing.name })}
                  </Button>
                )}
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
            {t('file.start.closed')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: isDesktop ? 2 : 3 }}>
          <BigButton
            id="start-new-hint"
            icon={<IconFilePlus size={22} />}
            label={t('file.start.new')}
            hint={t('file.start.newHint')}
            onClick={files.newDatabase}
          />
          <BigButton
            id="start-open-hint"
            icon={<IconFolderOpen size={22} />}
            label={t('file.start.open')}
            hint={t('file.start.openHint')}
            onClick={files.openDatabase}
          />
          {!isDesktop && (
            <BigButton
              id="start-import-hint"
              icon={<IconDatabaseImport size={22} />}
              label={t('file.start.import')}
              hint={t('file.start.importHint')}
              onClick={files.importFile}
            />
          )}
        </SimpleGrid>
        <Stack gap="xs" component="section" aria-labelledby="start-recent">
          <Title order={2} size="h4" id="start-recent">
            {t('file.start.recentTitle')}
          </Title>
          <RecentList onOpen={(file) => files.openPath(file.path)} />
        </Stack>
      </Stack>
    </Container>
  );
}
