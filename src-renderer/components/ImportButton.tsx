import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportKind } from '../../src-main/contract';

/** 导入: opens the import wizard with this record kind chosen. */
export function ImportButton(props: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      component={Link}
      to={`/import?kind=${props.kind}`}
      leftSection={<IconFileImport size={16} />}
    >
      {t('import.button')}
    </Button>
  );
}
