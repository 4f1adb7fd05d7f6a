import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactRow, contactSortColumns } from '../../../src-main/contract';
import { RecordSelect } from '../../components/RecordSelect';
import { KeywordInput, ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';
import { useChannelQuery } from '../../lib/queries';
import { useDeleteContactsFlow } from './useDeleteContactsFlow';

const PAGE_SIZE = 50;

/** 浏览联系人信息 and 查找联系人: the list, its keyword box and the customer filter. State lives in the URL. */
export function ContactList() {
  const { t } = useTranslation();
  const list = useListParams<(typeof contactSortColumns)[number], 'customerId'>({
    defaultSort: { column: 'updatedAt', direction: 'desc' },
    filters: ['customerId'],
  });
  const customerId = list.filters.customerId as number | undefined;
  // The filter's customer by name, also after a reload that only has its id in the URL.
  const customer = useChannelQuery('customers.get', { id: customerId ?? 1 }, { enabled: !!customerId });
  const [selected, setSelected] = useState<ContactRow[]>([]);
  const confirmDelete = useDeleteContactsFlow();

  const query = useChannelQuery('contacts.list', {
    keyword: list.debouncedKeyword || undefined,
    customerId,
    sort: list.sort,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const total = query.data?.total ?? 0;
  const field = (f: string) => t(`contacts.fields.${f}`);

  return (
    <Stack gap="sm">
      <ListHeader
        ns="contacts"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/contacts/new"
      />

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        <KeywordInput ns="contacts" value={list.keyword} onChange={list.setKeyword} />
        <RecordSelect
          key={customer.data?.id ?? 'none'}
          source="customers"
          label={t('contacts.customerFilter')}
          value={customerId ?? null}
          initialLabel={customerId ? customer.data?.name : null}
          onChange={(id) => list.setFilter('customerId', id == null ? null : String(id))}
        />
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('contacts.total', { count: total })}
      </Text>

      <RecordTable<ContactRow>
        label={t('contacts.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<ContactRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('contacts.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('contacts.selectRow', { name: r.name })}
        selectAllLabel={t('contacts.selectAll')}
        columns={[
          {
            accessor: 'name',
            title: field('name'),
            sortable: true,
            render: (r) => (
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/contacts/${r.id}`} size="sm">
                  {r.name}
                </Anchor>
                {r.isPrimary && (
                  <Badge size="xs" variant="light">
                    {t('contacts.primary')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            accessor: 'customer',
            title: field('customerId'),
            sortable: true,
            render: (r) => (
              <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm">
                {r.customerName}
              </Anchor>
            ),
          },
          { accessor: 'title', title: field('title'), sortable: true },
          { accessor: 'department', title: field('department'), sortable: true },
          { accessor: 'phone', title: field('phone'), sortable: true },
          { accessor: 'mobile', title: field('mobile'), sortable: true },
          { accessor: 'email', title: field('email'), sortable: true },
          {
            accessor: 'updatedAt',
            title: field('updatedAt'),
            sortable: true,
            render: (r) => formatDateTime(r.updatedAt),
          },
        ]}
      />
    </Stack>
  );
}
