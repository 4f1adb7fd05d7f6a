import { Badge, Button, Group, Menu, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconCheck,
  IconCopy,
  IconDatabase,
  IconDatabaseExport,
  IconDatabaseImport,
  IconFileImport,
  IconFileOff,
  IconFilePlus,
  IconFolderOpen,
  IconHistory,
  IconListDetails,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../api';
import { useFiles } from '../../lib/file-context';
import { useRecentFiles } from './RecentList';

/** How many recent files the menu lists; the rest are in 管理最近使用的文件. */
const MENU_RECENT = 6;

/** The 最近使用 section of the menu: name and path of each; a missing file is marked, not openable. */
function RecentItems() {
  const { t } = useTranslation();
  const { state, openPath, manageRecent } = useFiles();
  const recent = useRecentFiles();
  const files = (recent.data ?? []).slice(0, MENU_RECENT);
  return (
    // A group in the menu, named by its heading (a menu may hold items and groups only).
    <div role="group" aria-labelledby="file-menu-recent">
      <Menu.Label id="file-menu-recent">{t('file.recent')}</Menu.Label>
      {recent.isSuccess && files.length === 0 && (
        <Menu.Item disabled leftSection={<IconHistory size={16} />}>
          {t('file.recentEmpty')}
        </Menu.Item>
      )}
      {files.map((file) => {
        const isCurrent = file.path === state?.file?.path;
        return (
          <Menu.Item
            key={file.path}
            // Gone from its path: listed, marked, not openable (管理最近使用的文件 removes it).
            disabled={!file.exists}
            leftSection={
              isCurrent ? (
                <IconCheck size={16} />
              ) : file.exists ? (
                <IconDatabase size={16} />
              ) : (
                <IconFileOff size={16} />
              )
            }
            aria-current={isCurrent ? 'true' : undefined}
            // The open file is open already: choosing it only closes the menu.
            onClick={() => !isCurrent && openPath(file.path)}
            rightSection={
              !file.exists ? (
                <Badge color="red" variant="light" size="xs">
                  {t('file.missing')}
                </Badge>
              ) : isCurrent ? (
                <Badge variant="light" size="xs">
                  {t('file.current')}
                </Badge>
              ) : undefined
            }
          >
            <Text size="sm" fw={500} lineClamp={1}>
              {file.name}
              <VisuallyHidden>{t('file.pathSeparator')}</VisuallyHidden>
            </Text>
            <Text
              size="xs"
              c={file.exists ? 'dimmed' : undefined}
              lineClamp={1}
              maw={360}
              style={{ overflowWrap: 'anywhere' }}
            >
              {file.path}
              {(!file.exists || isCurrent) && <VisuallyHidden>{t('file.pathSeparator')}</VisuallyHidden>}
            </Text>
          </Menu.Item>
        );
      })}
      <Menu.Item leftSection={<IconHistory size={16} />} onClick={manageRecent}>
        {t('file.manageRecent')}
      </Menu.Item>
    </div>
  );
}

/**
 * The header's 文件 menu: 新建 / 打开 / 最近使用 / 另存副本 / 在文件夹中显示 (desktop) /
 * 导入 and 导出数据库文件 (browser edition) / 关闭数据库; and beside it the open file's name,
 * with 只读 when it is read-only.
 */
export function FileMenu() {
  const { t } = useTranslation();
  const files = useFiles();
  const file = files.state?.file ?? null;
  const [opened, setOpened] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      {/* No focus placeholder: inside role=menu it is a child that is not an item (axe). */}
      <Menu
        position="bottom-end"
        withinPortal
        opened={opened}
        onChange={setOpened}
        width={420}
        withInitialFocusPlaceholder={false}
      >
        <Menu.Target>
          <Button variant="subtle" size="compact-md">
            {t('file.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFilePlus size={16} />} onClick={files.newDatabase}>
            {t('file.new')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFolderOpen size={16} />} onClick={files.openDatabase}>
            {t('file.open')}
          </Menu.Item>
          <Menu.Divider />
          {/* Read while the menu is open only, so the list is always as the data folder says. */}
          {opened && <RecentItems />}
          <Menu.Divider />
          <Menu.Item leftSection={<IconCopy size={16} />} onClick={files.saveCopy} disabled={!file}>
            {t('file.saveCopy')}
          </Menu.Item>
          {isDesktop ? (
            <Menu.Item
              leftSection={<IconFolderOpen size={16} />}
              onClick={files.showInFolder}
              disabled={!file}
            >
              {t('file.showInFolder')}
            </Menu.Item>
          ) : (
            <>
              <Menu.Item leftSection={<IconDatabaseImport size={16} />} onClick={files.importFile}>
                {t('file.importFile')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconDatabaseExport size={16} />}
                onClick={files.exportFile}
                disabled={!file}
              >
                {t('file.exportFile')}
              </Menu.Item>
            </>
          )}
          <Menu.Item leftSection={<IconHistory size={16} />} onClick={files.showBackups} disabled={!file}>
            {t('file.backups')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconFileImport size={16} />}
            onClick={files.showImport}
            disabled={!file || file.readOnly}
          >
            {t('file.importRecords')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconListDetails size={16} />}
            onClick={files.showImportHistory}
            disabled={!file}
          >
            {t('file.importHistory')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconX size={16} />} onClick={files.close} disabled={!file}>
            {t('file.close')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {file && (
        <Tooltip label={file.path} withinPortal multiline maw={480} style={{ overflowWrap: 'anywhere' }}>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" truncate maw={160} data-testid="open-file-name">
              <VisuallyHidden>{t('file.openFile')}</VisuallyHidden>
              {file.name}
            </Text>
            {file.readOnly && (
              <Badge color="orange" variant="light" size="sm" style={{ flexShrink: 0 }}>
                {t('file.readOnly')}
              </Badge>
            )}
          </Group>
        </Tooltip>
      )}
    </Group>
  );
}
