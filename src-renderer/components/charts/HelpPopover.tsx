import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './charts.module.css';

/**
 * ⓘ beside a figure's name: a click opens its definition, short enough to quote in a report.
 * `term` names the figure (the button reads "加权金额的说明"); `children` is the definition.
 */
export function HelpPopover({ term, children }: { term: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Popover width={320} position="top" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          radius="xl"
          className={classes.noPrint}
          aria-label={t('chart.helpLabel', { term })}
        >
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
          {term}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {children}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A figure's name with its ⓘ, for a table heading or a statistic's label. */
export function Term({ term, help }: { term: string; help?: ReactNode }) {
  return (
    <span className={classes.term}>
      {term}
      {help && <HelpPopover term={term}>{help}</HelpPopover>}
    </span>
  );
}
