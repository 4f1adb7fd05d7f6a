import { ActionIcon, Kbd, Modal, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKeyboard } from '@tabler/icons-react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isChannel, type Channel } from '../../src-main/contract';
import { call } from '../api';
import i18n from '../i18n';
import { appModules } from './modules';
import { isMac } from './Spotlight';

// App-wide texts of the shortcuts and their help sheet, as t('shortcuts.…').
const zh = {
  help: '快捷键 (?)',
  title: '快捷键',
  keys: '按键',
  action: '作用',
  or: '或',
  search: '全局查找',
  newRecord: '新建当前模块的记录（增加）',
  save: '保存正在填写的表单',
  cancel: '取消：离开表单，或关闭对话框',
  next: '下一条记录（在记录的详细页上）',
  previous: '上一条记录（在记录的详细页上）',
  showHelp: '显示本快捷键表',
  note: '在文本框里输入时，只有保存和取消快捷键有效。上一条/下一条按打开该记录的列表的顺序。',
  noList: '请从列表中打开记录，再用 J / K 逐条浏览',
  first: '已是第一条',
  last: '已是最后一条',
};
const en: typeof zh = {
  help: 'Keyboard shortcuts (?)',
  title: 'Keyboard shortcuts',
  keys: 'Keys',
  action: 'Action',
  or: 'or',
  search: 'Search everything',
  newRecord: 'New record in the current module (Add)',
  save: 'Save the open form',
  cancel: 'Cancel: leave the form, or close the dialog',
  next: 'Next record (on a record page)',
  previous: 'Previous record (on a record page)',
  showHelp: 'Show this list of shortcuts',
  note: 'While typing in a text box only Save and Cancel work. Next/previous follow the list the record was opened from.',
  noList: 'Open a record from a list to step through it with J / K',
  first: 'This is the first record',
  last: 'This is the last record',
};
i18n.addResourceBundle('zh-CN', 'translation', { shortcuts: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { shortcuts: en }, true, false);

const MOD = isMac ? '⌘' : 'Ctrl';

/** The module whose path the location is under (the longest match, as in the header's tabs). */
function currentModule(pathname: string) {
  return appModules
    .filter((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** A form being filled in: the one holding the focus, else the page's. */
function openForm(target: EventTarget | null): HTMLFormElement | null {
  const own = target instanceof Element ? target.closest('form') : null;
  return own ?? document.querySelector<HTMLFormElement>('main form');
}

const inDialog = (target: EventTarget | null) =>
  target instanceof Element && target.closest('[role="dialog"], [aria-modal="true"]') !== null;
const dialogOpen = () => document.querySelector('[role="dialog"], [aria-modal="true"]') !== null;

interface ListPage {
  rows: { id: number }[];
  total: number;
  page: number;
  pageSize: number;
}

const isListPage = (data: unknown): data is ListPage =>
  typeof data === 'object' && data !== null && Array.isArray((data as ListPage).rows);

/**
 * Next/previous record on a detail page (`/<kind>/<id>`): the neighbour in the list it was
 * opened from, i.e. the most recently loaded `<kind>.list` page holding the record (a list
 * screen, or a customer's tab); at a page's edge, the next or previous page of that same list.
 */
function useStepRecord() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { t } = useTranslation();

  return async (by: 1 | -1) => {
    const match = /^\/([a-z]+)\/(\d+)$/.exec(pathname);
    if (!match) return;
    const [, kind, idText] = match;
    const id = Number(idText);
    const channel = `${kind}.list`;
    if (!isChannel(channel)) return;
    const holding = client
      .getQueryCache()
      .findAll({ queryKey: [channel] })
      .filter((q: Query) => isListPage(q.state.data) && q.state.data.rows.some((r) => r.id === id))
      .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)[0];
    if (!holding || !isListPage(holding.state.data)) {
      notifications.show({ message: t('shortcuts.noList') });
      return;
    }
    const page = holding.state.data;
    const index = page.rows.findIndex((r) => r.id === id) + by;
    let target = page.rows[index]?.id;
    if (target === undefined) {
      const input = holding.queryKey[1] as Record<string, unknown>;
      const nextPage = page.page + by;
      if (nextPage >= 1 && (nextPage - 1) * page.pageSize < page.total) {
        const nextInput = { ...input, page: nextPage };
        const next = await client.fetchQuery({
          queryKey: [channel, nextInput],
          queryFn: () => call(channel as Channel, nextInput as never),
        });
        if (isListPage(next)) target = (by === 1 ? next.rows[0] : next.rows.at(-1))?.id;
      }
    }
    if (target === undefined) {
      notifications.show({ message: t(by === 1 ? 'shortcuts.last' : 'shortcuts.first') });
      return;
    }
    void navigate(`/${kind}/${target}`);
  };
}

/**
 * The app's keyboard shortcuts (Mantine useHotkeys), and the help sheet `?` opens. Single keys
 * are off while typing in a text box; Ctrl/⌘+S and Esc work there too. Ctrl/⌘+K belongs to the
 * search (Spotlight).
 */
export function Shortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [helpOpened, help] = useDisclosure(false);
  const step = useStepRecord();

  const newRecord = () => {
    if (dialogOpen()) return;
    const m = currentModule(pathname);
    if (m?.routes.some((r) => `/${r.path}` === `${m.path}/new`)) void navigate(`${m.path}/new`);
  };
  const stepBy = (by: 1 | -1) => () => {
    if (!dialogOpen()) void step(by);
  };

  useHotkeys([
    ['n', newRecord],
    ['alt+n', newRecord],
    ['j', stepBy(1)],
    ['k', stepBy(-1)],
    ['alt+ArrowRight', stepBy(1)],
    ['alt+ArrowLeft', stepBy(-1)],
    ['shift+?', help.open],
    ['?', help.open],
  ]);

  useHotkeys(
    [
      [
        'mod+s',
        (e) => {
          // Never the browser's "save page"; the form on screen instead.
          const form = openForm(e.target);
          if (form && (!dialogOpen() || inDialog(e.target))) form.requestSubmit();
        },
      ],
      [
        'Escape',
        (e) => {
          // A form with the focus cancels itself (FormShell), a dialog closes itself; this is
          // for Esc pressed elsewhere on a form page.
          if (inDialog(e.target) || dialogOpen() || (e.target instanceof Element && e.target.closest('form')))
            return;
          document
            .querySelector('main form')
            ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        },
        { preventDefault: false },
      ],
    ],
    [],
  );

  const rows: { keys: string[][]; action: string }[] = [
    { keys: [[MOD, 'K']], action: t('shortcuts.search') },
    { keys: [['N'], ['Alt', 'N']], action: t('shortcuts.newRecord') },
    { keys: [[MOD, 'S']], action: t('shortcuts.save') },
    { keys: [['Esc']], action: t('shortcuts.cancel') },
    { keys: [['J'], ['Alt', '→']], action: t('shortcuts.next') },
    { keys: [['K'], ['Alt', '←']], action: t('shortcuts.previous') },
    { keys: [['?']], action: t('shortcuts.showHelp') },
  ];

  return (
    <>
      <Tooltip label={t('shortcuts.title')}>
        <ActionIcon variant="default" aria-label={t('shortcuts.help')} onClick={help.open}>
          <IconKeyboard size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={helpOpened} onClose={help.close} title={t('shortcuts.title')} size="lg">
        <Table aria-label={t('shortcuts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shortcuts.keys')}</Table.Th>
              <Table.Th>{t('shortcuts.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.action}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {row.keys.map((combo, i) => (
                    <Fragment key={combo.join('+')}>
                      {i > 0 && ` ${t('shortcuts.or')} `}
                      {combo.map((k, j) => (
                        <Fragment key={k}>
                          {j > 0 && ' + '}
                          <Kbd>{k}</Kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </Table.Td>
                <Table.Td>{row.action}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed" mt="sm">
          {t('shortcuts.note')}
        </Text>
      </Modal>
    </>
  );
}
