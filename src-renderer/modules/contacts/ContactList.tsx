import type { DataTableColumn } from 'mantine-datatable';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactRow, contactSortColumns } from '../../../src-main/contract';
import { CustomFieldFilter } from '../../components/CustomFieldFilter';
import { RecordSelect } from '../../components/RecordSelect';
import { KeywordInput, ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useCustomList } from '../../lib/custom-fields';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';
import { useChannelQuery } from '../../lib/queries';
import { ListExport } from '../../components/ExportMenu';
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
  const custom = useCustomList<ContactRow>('contacts');

  const input = {
    keyword: list.debouncedKeyword || undefined,
    customerId,
    customFilters: custom.customFilters,
    sort: list.sort,
  };
  const query = useChannelQuery(
    'contacts.list',
    { ...input, page: list.page, pageSize: PAGE_SIZE },
    { enabled: custom.ready },
  );
  const total = query.data?.total ?? 0;
  const field = (f: string) => t(`contacts.fields.${f}`);

  const columns: DataTableColumn<ContactRow>[] = [
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
    ...custom.columns,
    {
      accessor: 'updatedAt',
      title: field('updatedAt'),
      sortable: true,
      render: (r) => formatDateTime(r.updatedAt),
    },
  ];

  return (
    <Stack gap="sm">
      <ListHeader
        ns="contacts"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/contacts/new"
        importKind="contacts"
        extra={
          <ListExport
            title={t('nav.contacts')}
            columns={columns}
            channel="contacts.list"
            recordKind="contacts"
            input={input}
            // The name alone, without the 主要联系人 badge beside it.
            exportValues={{ ...custom.exportValues, name: (r) => r.name }}
          />
        }
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
        <CustomFieldFilter filter={custom} />
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
        columns={columns}
      />
    </Stack>
  );
}
