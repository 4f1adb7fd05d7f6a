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
} from 'chart.js';
import { FunnelController, TrapezoidElement } from 'chartjs-chart-funnel';

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    /** The colour painted behind the chart, so a saved PNG is not transparent. */
    background?: { color?: string };
    /** Text drawn in the middle of each bar or funnel step: `text(index)`; nothing when absent. */
    valueLabels?: {
      text?: (index: number) => string | string[];
      color?: string;
      halo?: string;
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

/** Writes each element's figure onto it (a funnel step's count and amount), centred. */
const valueLabels: Plugin = {
  id: 'valueLabels',
  afterDatasetsDraw(
    chart,
    _args,
    options: { text?: (index: number) => string | string[]; color?: string; halo?: string; font?: string },
  ) {
    if (!options.text) return;
    const meta = chart.getDatasetMeta(0);
    const { ctx } = chart;
    const size = Chart.defaults.font.size ?? 12;
    ctx.save();
    ctx.font = `600 ${size}px ${options.font ?? Chart.defaults.font.family ?? 'sans-serif'}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = options.color ?? '#000';
    // A halo in the background colour keeps the text readable on a step of any width and colour.
    ctx.strokeStyle = options.halo ?? '#fff';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    meta.data.forEach((element, i) => {
      const lines = [options.text!(i)].flat();
      // Bars, funnel steps and arcs all have a centre point.
      const { x, y } = (element as unknown as BarElement).getCenterPoint(true);
      if (x == null || y == null) return;
      lines.forEach((line, n) => {
        const lineY = y + (n - (lines.length - 1) / 2) * (size + 3);
        ctx.strokeText(line, x, lineY);
        ctx.fillText(line, x, lineY);
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
