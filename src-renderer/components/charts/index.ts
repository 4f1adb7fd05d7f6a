/**
 * Shared pieces of the analysis charts. Import from here: it registers chart.js's controllers
 * (line, bar, doughnut, funnel) once.
 *
 * - ChartCard: a chart with its title, ⓘ definition, 保存图片 (PNG) and room for ExportMenu.
 * - FigureTable + figureExportColumns: the table behind a chart, and its columns for export.
 * - HelpPopover / Term: a figure's definition behind an ⓘ.
 * - PrintButton: window.print(); mark filters with `noPrintClass` so they stay off paper.
 * - useChartTheme, baseOptions, moneyScales: Mantine colours and the app's font for chart.js.
 * - formatMoneyShort, formatPercent, formatNumber: figures in the user's language.
 */
import './setup';
import classes from './charts.module.css';

export { ChartCard, PrintButton, saveChartPng, type ChartHandle } from './ChartCard';
export {
  countColumn,
  FigureTable,
  figureExportColumns,
  moneyColumn,
  type FigureColumn,
  type FigureHead,
} from './FigureTable';
export { HelpPopover, Term } from './HelpPopover';
export {
  baseOptions,
  formatMoneyShort,
  formatNumber,
  formatPercent,
  moneyScales,
  useChartTheme,
  type ChartTheme,
} from './theme';

/** Put on what should not print (filters, buttons). */
export const noPrintClass = classes.noPrint;
