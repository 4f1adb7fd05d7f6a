import { alpha, Card, Group, Table, Text, TextInput, Title, useMantineTheme } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmRow } from '../../../../src-main/contract';
import { formatNumber, HelpPopover } from '../../../components/charts';
import { formatMoney } from '../../../lib/money';
import { CustomerAnalysisTab } from './CustomerAnalysisTab';
import { AsOfField, customerColumns, NS, TabFilters, type FigureColumn } from './shared';

const SCORES = [1, 2, 3, 4, 5];
const validScore = (v: string) => /^[1-5]{3}$/.test(v);

/** Customers per R score (rows, 5 on top) and F score (columns): a heat map as a table. */
function RfmGrid({ grid }: { grid: number[][] }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.rfm.${key}`, o);
  const max = Math.max(1, ...grid.flat());
  const base = theme.colors.blue[6];

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={k('gridTitle')}>
      <Group gap={4} mb="sm">
        <Title order={3} size="h5">
          {k('gridTitle')}
        </Title>
        <HelpPopover term={k('gridTitle')}>{k('gridHelp')}</HelpPopover>
      </Group>
      <Table withTableBorder withColumnBorders aria-label={k('gridLabel')} maw={560} ta="center">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {SCORES.map((f) => (
              <Table.Th key={f} ta="center">
                {k('gridColumn', { score: f })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...SCORES].reverse().map((r) => (
            <Table.Tr key={r}>
              <Table.Th ta="center">{k('gridRow', { score: r })}</Table.Th>
              {SCORES.map((f) => {
                const n = grid[r - 1]![f - 1]!;
                const share = n / max;
                return (
                  <Table.Td
                    key={f}
                    ta="center"
                    title={k('gridCell', { r, f, count: n })}
                    style={{
                      // Dark text on every shade: 6.7:1 on the darkest, where white read at 3:1.
                      background: n ? alpha(base, 0.12 + 0.78 * share) : undefined,
                      fontWeight: n ? 600 : undefined,
                    }}
                  >
                    {n ? formatNumber(n, i18n.language) : ''}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** RFM: each customer's recency, frequency and monetary scores, filterable by score (e.g. 555). */
export function RfmTab() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.rfm.${key}`, o);
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const number = (n: number) => formatNumber(n, i18n.language);

  const columns: FigureColumn<RfmRow>[] = [
    ...customerColumns<RfmRow>(t),
    { accessor: 'lastSaleDate', title: k('lastSaleDate'), width: 120 },
    {
      accessor: 'recencyDays',
      title: k('recencyDays'),
      textAlign: 'right',
      render: (r) => number(r.recencyDays),
    },
    { accessor: 'frequency', title: k('frequency'), textAlign: 'right', render: (r) => number(r.frequency) },
    { accessor: 'monetary', title: k('monetary'), textAlign: 'right', render: (r) => money(r.monetary) },
    { accessor: 'r', title: k('r'), textAlign: 'center', width: 80 },
    { accessor: 'f', title: k('f'), textAlign: 'center', width: 80 },
    { accessor: 'm', title: k('m'), textAlign: 'center', width: 80 },
    {
      accessor: 'rfm',
      title: k('rfm'),
      help: k('help'),
      textAlign: 'center',
      width: 90,
      render: (r) => (
        <Text span fw={700} ff="monospace" size="sm">
          {`${r.r}${r.f}${r.m}`}
        </Text>
      ),
    },
  ];

  return (
    <CustomerAnalysisTab
      channel="analysis.rfm"
      input={{ asOf: asOf ?? undefined, score: validScore(typed) ? typed : undefined }}
      columns={columns}
      summary={(data) =>
        data && `${k('customers', { count: data.customers })} · ${t(`${NS}.asOf`)} ${data.asOf}`
      }
      figures={(data) => <RfmGrid grid={data.grid} />}
      filters={
        <TabFilters>
          <AsOfField value={asOf} onChange={setAsOf} />
          <TextInput
            label={k('score')}
            placeholder={k('scorePlaceholder')}
            value={typed}
            maxLength={3}
            w={210}
            error={typed && !validScore(typed) ? k('scoreInvalid') : undefined}
            onChange={(e) => setTyped(e.currentTarget.value.trim())}
          />
        </TabFilters>
      }
    />
  );
}
