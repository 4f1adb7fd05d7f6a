import { ActionIcon, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconBox, IconBriefcase, IconBuilding, IconReceipt, IconSearch, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../src-main/contract';
import i18n from '../i18n';
import { call } from '../api';

// App-wide texts of 全局查找, as t('search.…').
const zh = {
  open: '全局查找 (Ctrl+K)',
  openMac: '全局查找 (⌘K)',
  label: '查找客户、联系人、机会、销售和产品',
  placeholder: '输入名称、编号、电话…',
  hint: '输入至少一个字，查找客户、联系人、机会、销售和产品',
  nothing: '没有找到',
  footer: '↑ ↓ 选择 · Enter 打开 · Esc 关闭 · 按 ? 查看全部快捷键',
  kinds: { customer: '客户', contact: '联系人', opportunity: '机会', sale: '销售', product: '产品' },
};
const en: typeof zh = {
  open: 'Search everything (Ctrl+K)',
  openMac: 'Search everything (⌘K)',
  label: 'Find customers, contacts, opportunities, sales and products',
  placeholder: 'Name, code, phone…',
  hint: 'Type to find customers, contacts, opportunities, sales and products',
  nothing: 'Nothing found',
  footer: '↑ ↓ select · Enter open · Esc close · press ? for all shortcuts',
  kinds: {
    customer: 'Customers',
    contact: 'Contacts',
    opportunity: 'Opportunities',
    sale: 'Sales',
    product: 'Products',
  },
};
i18n.addResourceBundle('zh-CN', 'translation', { search: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { search: en }, true, false);

/** Whether the platform's command key is ⌘ (macOS) rather than Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const kindOrder: SearchHit['kind'][] = ['customer', 'contact', 'opportunity', 'sale', 'product'];

/** Where each kind's detail page lives. */
const pathOf: Record<SearchHit['kind'], string> = {
  customer: '/customers',
  contact: '/contacts',
  opportunity: '/opportunities',
  sale: '/sales',
  product: '/products',
};

const iconOf: Record<SearchHit['kind'], ReactNode> = {
  customer: <IconBuilding size={18} />,
  contact: <IconUser size={18} />,
  opportunity: <IconBriefcase size={18} />,
  sale: <IconReceipt size={18} />,
  product: <IconBox size={18} />,
};

/** The header's button that opens 全局查找; its name says the shortcut. */
export function SearchButton() {
  const { t } = useTranslation();
  const label = t(isMac ? 'search.openMac' : 'search.open');
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" aria-label={label} onClick={spotlight.open}>
        <IconSearch size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * 全局查找 (Ctrl/Cmd+K): as the user types, search.global (debounced) finds customers, contacts,
 * opportunities, sales and products; hits are grouped by kind, ↑/↓ pick one, Enter opens it.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const input = { query: debounced, limit: 5 };
  const search = useQuery({
    queryKey: ['search.global', input],
    queryFn: () => call('search.global', input),
    enabled: debounced !== '',
    // While the next answer loads, the last one stays on screen, so the list does not flash.
    placeholderData: keepPreviousData,
  });
  const hits = query.trim() === '' ? [] : (search.data ?? []);
  const pending = query.trim() !== '' && (query.trim() !== debounced || search.isFetching);

  const open = (hit: SearchHit) => void navigate(`${pathOf[hit.kind]}/${hit.id}`);

  // Spotlight selects the first action when the query changes, before the answer is in; Enter
  // with nothing selected opens the first hit.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.code !== 'Enter' && e.nativeEvent.code !== 'NumpadEnter') return;
    if (document.querySelector('[data-global-search] [data-selected]')) return;
    const first = hits[0];
    if (first) {
      e.preventDefault();
      spotlight.close();
      open(first);
    }
  };

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Ctrl+K works in text boxes too.
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch stroke={1.5} />}
        rightSection={pending ? <Loader size="xs" /> : null}
        onKeyDown={onKeyDown}
      />
      <Spotlight.ActionsList data-global-search aria-label={t('search.label')}>
        {kindOrder.map((kind) => {
          const group = hits.filter((h) => h.kind === kind);
          if (group.length === 0) return null;
          const label = t(`search.kinds.${kind}`);
          return (
            <Spotlight.ActionsGroup key={kind} label={label} role="group" aria-label={label}>
              {group.map((hit) => (
                <Spotlight.Action
                  key={`${hit.kind}:${hit.id}`}
                  label={hit.title}
                  description={hit.subtitle ?? undefined}
                  leftSection={iconOf[kind]}
                  onClick={() => open(hit)}
                />
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {query.trim() === '' && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        {query.trim() !== '' && !pending && hits.length === 0 && (
          <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group justify="center">
          <Text size="xs" c="dimmed">
            {t('search.footer')}
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
