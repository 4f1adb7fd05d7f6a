import { Button, Group } from '@mantine/core';
import { IconEdit, IconTable, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A detail page's buttons: 字段详情表, 修改 and 删除, with the module's own words
 * (`<ns>.fieldTable`, `<ns>.edit`, `<ns>.delete`); `children` come first (e.g. 结束服务反馈).
 */
export function RecordActions(props: {
  ns: string;
  /** The record's page, e.g. `/products/3`; the field table and the form hang off it. */
  path: string;
  onDelete: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group>
      {props.children}
      <Button
        component={Link}
        to={`${props.path}/fields`}
        variant="default"
        leftSection={<IconTable size={16} />}
      >
        {t(`${props.ns}.fieldTable`)}
      </Button>
      <Button component={Link} to={`${props.path}/edit`} leftSection={<IconEdit size={16} />}>
        {t(`${props.ns}.edit`)}
      </Button>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={props.onDelete}>
        {t(`${props.ns}.delete`)}
      </Button>
    </Group>
  );
}
