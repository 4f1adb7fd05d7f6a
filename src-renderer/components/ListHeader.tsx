import { Button, Group, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportKind } from '../../src-main/contract';
import { ImportButton } from './ImportButton';

/**
 * A record list's title row: 浏览… as the title, 删除所选…（n） for the ticked rows, and 增加….
 * Texts come from the module's messages: `<ns>.browse`, `<ns>.deleteSelected`, `<ns>.add`.
 */
export function ListHeader(props: {
  ns: string;
  selectedCount: number;
  onDeleteSelected: () => void;
  addPath: string;
  /** More buttons before 删除所选, e.g. 导出. */
  extra?: ReactNode;
  /** The record kind 导入 opens the import wizard with; no 导入 button without it. */
  importKind?: ImportKind;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Title order={2}>{t(`${props.ns}.browse`)}</Title>
      <Group>
        {props.importKind && <ImportButton kind={props.importKind} />}
        {props.extra}
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} />}
          disabled={props.selectedCount === 0}
          onClick={props.onDeleteSelected}
        >
          {t(`${props.ns}.deleteSelected`, { count: props.selectedCount })}
        </Button>
        <Button component={Link} to={props.addPath} leftSection={<IconPlus size={16} />}>
          {t(`${props.ns}.add`)}
        </Button>
      </Group>
    </Group>
  );
}

/** The 查找 box of a record list: `<ns>.find` as its label, `<ns>.findPlaceholder` as its hint. */
export function KeywordInput(props: { ns: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t(`${props.ns}.find`)}
      placeholder={t(`${props.ns}.findPlaceholder`)}
      title={t(`${props.ns}.findPlaceholder`)}
      leftSection={<IconSearch size={16} />}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      type="search"
    />
  );
}
