import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AbcTab } from './AbcTab';
import { ChurnTab } from './ChurnTab';
import { ClvTab } from './ClvTab';
import { noPrintClass } from '../../../components/charts';
import { useAnalysisParams } from '../params';
import { ProfitTab } from './ProfitTab';
import { RfmTab } from './RfmTab';
import { NS } from './shared';

const VIEWS = ['abc', 'rfm', 'churn', 'profit', 'clv'] as const;
type View = (typeof VIEWS)[number];
/** The URL key of the open sub-tab, so Back and a reload keep it. */
const PARAM = 'sub';
const tabs: Record<View, () => React.JSX.Element> = {
  abc: AbcTab,
  rfm: RfmTab,
  churn: ChurnTab,
  profit: ProfitTab,
  clv: ClvTab,
};

/** 客户分析: ABC 分类, RFM, 流失预警, 客户利润 and 客户终身价值, one sub-tab each. */
export function CustomerAnalysisPanel() {
  const { t } = useTranslation();
  const params = useAnalysisParams();
  const asked = params.raw(PARAM) as View | null;
  const view: View = asked && VIEWS.includes(asked) ? asked : 'abc';

  return (
    <Tabs value={view} keepMounted={false} variant="pills" onChange={(v) => params.update({ [PARAM]: v })}>
      <Tabs.List aria-label={t(`${NS}.tabs`)} mb="md" className={noPrintClass}>
        {VIEWS.map((v) => (
          <Tabs.Tab key={v} value={v}>
            {t(`${NS}.${v}.tab`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {VIEWS.map((v) => {
        const Tab = tabs[v];
        return (
          <Tabs.Panel key={v} value={v}>
            <Tab />
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
