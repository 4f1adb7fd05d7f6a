import { useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { ChartOptions } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/money';

/** The series colours, in order: Mantine's palette at shade 6. "Other" is always gray. */
const SERIES = [
  'blue',
  'teal',
  'orange',
  'grape',
  'cyan',
  'lime',
  'pink',
  'indigo',
  'yellow',
  'red',
  'violet',
  'green',
];

const isZh = (language: string) => language.toLowerCase().startsWith('zh');

/** Money on an axis, short: ¥1.2万 in Chinese, ¥12K in English. */
export function formatMoneyShort(cents: number, language: string): string {
  return new Intl.NumberFormat(isZh(language) ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

/** A share or rate 0–1 as a percent with one decimal: 0.4567 → 45.7%; empty for null. */
export function formatPercent(value: number | null | undefined, language: string): string {
  if (value == null) return '';
  return new Intl.NumberFormat(isZh(language) ? 'zh-CN' : 'en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A count or other plain number with thousands separators. */
export function formatNumber(value: number | null | undefined, language: string, digits = 0): string {
  if (value == null) return '';
  return new Intl.NumberFormat(isZh(language) ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * The charts' look, from the Mantine theme and colour scheme: the app's font (with its CJK
 * fonts), text and grid colours, a background for saved images, and series colours.
 */
export function useChartTheme() {
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('light');
  const { i18n } = useTranslation();
  // Read at once (not in an effect), so a chart never starts an animation it then stops.
  const reducedMotion = useReducedMotion(false, { getInitialValueInEffect: false });
  const dark = scheme === 'dark';
  // Canvas text cannot read CSS variables: every chart gets the font stack itself.
  const fontFamily = theme.fontFamily ?? 'sans-serif';
  const text = dark ? theme.colors.dark[0] : theme.colors.gray[7];
  const grid = dark ? theme.colors.dark[4] : theme.colors.gray[2];
  return {
    language: i18n.language,
    /** The system asks for less motion (and the e2e tests emulate it): charts appear drawn. */
    reducedMotion,
    fontFamily,
    text,
    grid,
    background: dark ? theme.colors.dark[7] : theme.white,
    /** The i-th series colour. */
    color: (i: number) => theme.colors[SERIES[i % SERIES.length]!]![6],
    /** The colour of "other" and of a comparison series. */
    gray: dark ? theme.colors.dark[2] : theme.colors.gray[5],
    /** Money ticks on an axis. */
    moneyTick: (value: number | string) => formatMoneyShort(Number(value), i18n.language),
    money: (cents: number) => formatMoney(cents, i18n.language),
  };
}

export type ChartTheme = ReturnType<typeof useChartTheme>;

/**
 * Options every chart shares: sized by its box, a short animation unless the system asks for
 * reduced motion, legend and tooltips in the theme's colours, the background for PNG export.
 * Merge the chart's own options over these.
 */
export function baseOptions(t: ChartTheme): ChartOptions {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: t.reducedMotion ? false : { duration: 300 },
    color: t.text,
    font: { family: t.fontFamily },
    plugins: {
      background: { color: t.background },
      legend: { labels: { color: t.text, boxWidth: 14, font: { family: t.fontFamily } } },
      tooltip: { titleFont: { family: t.fontFamily }, bodyFont: { family: t.fontFamily } },
    },
  };
}

/** An x category axis and a y money axis, each with a title, in the theme's colours. */
export function moneyScales(t: ChartTheme, xTitle: string, yTitle: string) {
  const tick = { color: t.text, font: { family: t.fontFamily } };
  const title = (text: string) => ({ display: true, text, color: t.text, font: { family: t.fontFamily } });
  return {
    x: { ticks: { ...tick, autoSkip: true, maxRotation: 0 }, grid: { display: false }, title: title(xTitle) },
    y: {
      beginAtZero: true,
      ticks: { ...tick, callback: t.moneyTick },
      grid: { color: t.grid },
      title: title(yTitle),
    },
  };
}
