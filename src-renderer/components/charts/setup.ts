import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
  type PluginOptionsByType,
} from 'chart.js';
import { isLightColor } from '@mantine/core';
import { FunnelController, TrapezoidElement } from 'chartjs-chart-funnel';

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    /** The colour painted behind the chart, so a saved PNG is not transparent. */
    background?: { color?: string };
    /**
     * Text written on each bar or funnel step: `text(index)`; nothing when absent. On the step
     * in black or white, whichever reads on its colour; beside it in `color` when it does not fit.
     */
    valueLabels?: {
      text?: (index: number) => string | string[];
      color?: string;
      font?: string;
    };
  }
}

/** Fills the canvas behind everything, so `toBase64Image()` gives the card's own background. */
const background: Plugin = {
  id: 'background',
  beforeDraw(chart, _args, options: { color?: string }) {
    if (!options.color) return;
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

type ValueLabelOptions = NonNullable<PluginOptionsByType<ChartType>['valueLabels']>;

/** What the plugin needs of an element: funnel steps have bounds; bars and arcs only a centre. */
interface Labelled {
  getCenterPoint(useFinalPosition: boolean): { x: number; y: number };
  getBounds?(useFinalPosition: boolean): { left: number; right: number };
  options: { backgroundColor?: unknown };
}

/**
 * Writes each element's figure onto it (a funnel step's count and amount), centred and once:
 * filled text at whole pixels, so it stays sharp. (It used to stroke a 3-pixel outline in the
 * background colour under each label first, so every label was drawn twice, a white copy under
 * the dark one, and read as doubled and blurred.) The text is black or white, whichever reads
 * on the step's colour; a label wider than its step goes beside it, on the chart's background.
 */
const valueLabels: Plugin = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, _args, options: ValueLabelOptions) {
    if (!options.text) return;
    const { ctx } = chart;
    const size = Chart.defaults.font.size ?? 12;
    const gap = 6;
    ctx.save();
    ctx.font = `600 ${size}px ${options.font ?? Chart.defaults.font.family ?? 'sans-serif'}`;
    ctx.textBaseline = 'middle';
    chart.getDatasetMeta(0).data.forEach((item, i) => {
      const element = item as unknown as Labelled;
      const lines = [options.text!(i)].flat();
      const { x, y } = element.getCenterPoint(true);
      if (x == null || y == null) return;
      const box = element.getBounds?.(true);
      const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
      const fill = element.options.backgroundColor;
      const inside = !box || width + 2 * gap <= box.right - box.left;
      if (inside) {
        ctx.textAlign = 'center';
        ctx.fillStyle = typeof fill === 'string' && !isLightColor(fill) ? '#fff' : '#000';
      } else {
        ctx.textAlign = 'left';
        ctx.fillStyle = options.color ?? String(Chart.defaults.color);
      }
      const textX = Math.round(inside ? x : box.right + gap);
      lines.forEach((line, n) => {
        ctx.fillText(line, textX, Math.round(y + (n - (lines.length - 1) / 2) * (size + 3)));
      });
    });
    ctx.restore();
  },
};

/**
 * Registers what the analysis charts draw, once: line, bar, doughnut and the funnel
 * (chartjs-chart-funnel's controller and trapezoid), with tooltips and legends.
 */
Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  FunnelController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TrapezoidElement,
  Tooltip,
  background,
  valueLabels,
);

export { Chart };
