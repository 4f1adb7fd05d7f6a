import { Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { noPrintClass } from '../../components/charts';
import { CompositionPanel } from './CompositionPanel';
import { CustomerAnalysisPanel } from './customer-analysis/CustomerAnalysisPanel';
import { FunnelPanel } from './FunnelPanel';
import { analysisTabs, useAnalysisParams } from './params';
import { ServiceAnalysisPanel } from './service-analysis/ServiceAnalysisPanel';
import { TrendPanel } from './TrendPanel';

const panels = {
  trend: TrendPanel,
  funnel: FunnelPanel,
  composition: CompositionPanel,
  customers: CustomerAnalysisPanel,
  service: ServiceAnalysisPanel,
};

/** 分析: sales trend, funnel and composition, customer and service analytics, one tab each. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const params = useAnalysisParams();
  const Panel = panels[params.tab];
  // The title names the PDF when the analysis is printed to a file.
  useDocumentTitle(`${t(`analysis.tab.${params.tab}`)} - Solo CRM`);
  return (
    <Stack gap="md">
      <Title order={2}>{t(`analysis.tab.${params.tab}`)}</Title>
      <Tabs value={params.tab} onChange={(v) => v && params.update({ tab: v })} keepMounted={false}>
        <Tabs.List aria-label={t('analysis.tabs')} className={noPrintClass}>
          {analysisTabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`analysis.tab.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Panel />
    </Stack>
  );
}
