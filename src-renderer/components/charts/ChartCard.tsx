import { ActionIcon, Button, Card, Center, Group, Text, Title, Tooltip } from '@mantine/core';
import { IconPhoto, IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../lib/export';
import { HelpPopover } from './HelpPopover';
import classes from './charts.module.css';

/** What ChartCard needs of a chart: react-chartjs-2's `ref` gives the chart.js instance. */
export interface ChartHandle {
  options: { devicePixelRatio?: number };
  resize(): void;
  draw(): void;
  toBase64Image(type?: string, quality?: number): string;
}

/** Pixels per CSS pixel in a saved picture: sharp when a report scales or prints it. */
const PNG_PIXEL_RATIO = 2;

/** A `data:image/png;base64,…` URL as bytes, for saveFile. */
export function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves the chart as `<fileName>.png`, on the card's own background, drawn at two pixels per
 * CSS pixel at least (a copy of a canvas at 1:1 blurs once a report scales or prints it), then
 * redraws it for the screen as it was.
 */
export function saveChartPng(chart: ChartHandle, fileName: string): void {
  const screenRatio = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = Math.max(PNG_PIXEL_RATIO, window.devicePixelRatio);
  chart.resize();
  chart.draw();
  const png = chart.toBase64Image('image/png', 1);
  chart.options.devicePixelRatio = screenRatio;
  chart.resize();
  chart.draw();
  saveFile(dataUrlBytes(png), `${fileName}.png`, 'image/png');
}

/** 打印: the system print dialog ("Save as PDF" is one of its printers); filters do not print. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      className={classes.noPrint}
      leftSection={<IconPrinter size={16} />}
      onClick={() => window.print()}
    >
      {t('actions.print')}
    </Button>
  );
}

/**
 * A chart in a card: its title with a ⓘ definition, a 保存图片 (PNG) button, room for more
 * actions (an ExportMenu), and the chart in a box of `height` pixels. Pass the chart's ref as
 * `chartRef`: `const ref = useRef<ChartJS<'line'>>(null)` and `<Line ref={ref} …/>`. Name the
 * chart for screen readers on the chart itself, `<Line aria-label={title} …/>`: its canvas is
 * the image (react-chartjs-2 gives it role="img"), and an image inside an image is not read.
 * With `empty`, the card says there is nothing to draw instead of an empty chart.
 */
export function ChartCard(props: {
  title: string;
  help?: ReactNode;
  /** The PNG's name without extension, e.g. 销售走势 2026-11-22. */
  fileName: string;
  chartRef: { current: ChartHandle | null | undefined };
  actions?: ReactNode;
  height?: number;
  empty?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const height = props.height ?? 320;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      className={classes.card}
      component="section"
      aria-label={props.title}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Title order={3} size="h5">
            {props.title}
          </Title>
          {props.help && <HelpPopover term={props.title}>{props.help}</HelpPopover>}
        </Group>
        <Group gap="xs" className={classes.noPrint} wrap="nowrap">
          {props.actions}
          <Tooltip label={t('chart.png')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('chart.pngLabel', { title: props.title })}
              disabled={props.empty}
              onClick={() => props.chartRef.current && saveChartPng(props.chartRef.current, props.fileName)}
            >
              <IconPhoto size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {props.empty ? (
        <Center h={Math.min(height, 160)}>
          <Text c="dimmed" size="sm">
            {t('chart.empty')}
          </Text>
        </Center>
      ) : (
        <div className={classes.chartBox} style={{ height }}>
          {props.children}
        </div>
      )}
    </Card>
  );
}
