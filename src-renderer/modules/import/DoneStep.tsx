import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconFileImport, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportRunResult } from '../../../src-main/contract';
import { CountCards, ProblemTable, RejectedDownload } from './CheckStep';
import type { RecordKind } from './ChooseStep';

/** 完成: what the import did, the rows it left out, 撤销导入 and the way to 导入记录. */
export function DoneStep(props: {
  recordKind: RecordKind;
  result: ImportRunResult;
  fileName: string;
  undone: { deleted: number; restored: number } | null;
  undoing: boolean;
  onUndo: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const { result, undone } = props;
  const what = t(`import.kinds.${props.recordKind}`);
  return (
    <Stack gap="md">
      {undone ? (
        <Alert color="gray" variant="light" title={t('import.done.undoneTitle')} icon={<IconArrowBackUp />}>
          {t('import.done.undone', { ...undone })}
        </Alert>
      ) : (
        <Alert color="green" variant="light" title={t('import.done.title')} icon={<IconCircleCheck />}>
          <Stack gap={4}>
            <Text size="sm">{t('import.done.text', { ...result.counts })}</Text>
            {result.counts.linkedCreated > 0 && (
              <Text size="sm">{t('import.done.linked', { count: result.counts.linkedCreated })}</Text>
            )}
            <Text size="sm">{t('import.done.backup')}</Text>
          </Stack>
        </Alert>
      )}
      <CountCards counts={result.counts} />
      {result.problemCount > 0 && (
        <>
          <ProblemTable problems={result.problems} total={result.problemCount} />
          <RejectedDownload result={result} fileName={props.fileName} />
        </>
      )}
      <Group gap="sm">
        {!undone && (
          <Button
            color="orange"
            variant="light"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={props.onUndo}
            loading={props.undoing}
          >
            {t('import.done.undo')}
          </Button>
        )}
        <Button
          variant="default"
          component={Link}
          to={`/${props.recordKind}`}
          leftSection={<IconList size={16} />}
        >
          {t('import.done.open', { what })}
        </Button>
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={props.onAgain}>
          {t('import.done.again')}
        </Button>
        <Anchor component={Link} to="/import/history" size="sm">
          {t('import.history')}
        </Anchor>
      </Group>
    </Stack>
  );
}
