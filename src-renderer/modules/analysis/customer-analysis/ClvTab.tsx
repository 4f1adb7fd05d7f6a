import { NumberInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClvRow } from '../../../../src-main/contract';
import { formatNumber } from '../../../components/charts';
import { formatMoney } from '../../../lib/money';
import { CustomerAnalysisTab } from './CustomerAnalysisTab';
import { AsOfField, customerColumns, NS, TabFilters, type FigureColumn } from './shared';

const DEFAULT_RATE = 10;
const DEFAULT_YEARS = 5;
/** r in percent: above 0, at most 100 (the main process takes 0 < r ≤ 1). */
const validRate = (v: unknown): v is number => typeof v === 'number' && v > 0 && v <= 100;
const validYears = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 50;

/** (1 − (1 + r)^−n) / r: what one yearly profit of R is worth over n years, today. */
export const discountFactor = (rate: number, years: number) => (1 - (1 + rate) ** -years) / rate;

/** CLV: each customer's last 12 months' profit R, and its value over n years at rate r. */
export function ClvTab() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [typedRate, setTypedRate] = useState<number | string>(DEFAULT_RATE);
  const [typedYears, setTypedYears] = useState<number | string>(DEFAULT_YEARS);
  const [params, setParams] = useState({ ratePercent: DEFAULT_RATE, years: DEFAULT_YEARS });
  const [debounced] = useDebouncedValue(params, 300);
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.clv.${key}`, o);
  const money = (cents: number) => (
    <Text span size="sm" c={cents < 0 ? 'red' : undefined}>
      {formatMoney(cents, i18n.language)}
    </Text>
  );

  // The rate goes over as a fraction, rounded so 7.3 % is 0.073 and not 0.07299999….
  const rate = Math.round(debounced.ratePercent * 1e6) / 1e8;

  const columns: FigureColumn<ClvRow>[] = [
    ...customerColumns<ClvRow>(t),
    {
      accessor: 'yearlyProfit',
      title: k('yearlyProfit'),
      help: t(`${NS}.profit.help`),
      textAlign: 'right',
      render: (r) => money(r.yearlyProfit),
    },
    { accessor: 'clv', title: k('clv'), help: k('help'), textAlign: 'right', render: (r) => money(r.clv) },
  ];

  return (
    <CustomerAnalysisTab
      channel="analysis.clv"
      input={{ asOf: asOf ?? undefined, rate, years: debounced.years }}
      columns={columns}
      summary={() =>
        k('factor', { factor: formatNumber(discountFactor(rate, debounced.years), i18n.language, 4) })
      }
      filters={
        <TabFilters>
          <AsOfField value={asOf} onChange={setAsOf} />
          <NumberInput
            label={k('rate')}
            value={typedRate}
            min={0.01}
            max={100}
            step={0.5}
            decimalScale={2}
            allowNegative={false}
            w={150}
            error={validRate(typedRate) ? undefined : k('rateInvalid')}
            onChange={(v) => {
              setTypedRate(v);
              if (validRate(v)) setParams((p) => ({ ...p, ratePercent: v }));
            }}
          />
          <NumberInput
            label={k('years')}
            value={typedYears}
            min={1}
            max={50}
            allowDecimal={false}
            allowNegative={false}
            w={110}
            error={validYears(typedYears) ? undefined : k('yearsInvalid')}
            onChange={(v) => {
              setTypedYears(v);
              if (validYears(v)) setParams((p) => ({ ...p, years: v }));
            }}
          />
        </TabFilters>
      }
    />
  );
}
