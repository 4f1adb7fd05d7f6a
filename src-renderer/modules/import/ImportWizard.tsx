import { Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconHistory, IconUpload, IconListCheck } from '@tabler/icons-react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useSearchParams } from 'react-router';
import {
  importKinds,
  type ImportCheckResult,
  type ImportMapping,
  type ImportPreview,
  type ImportRunResult,
} from '../../../src-main/contract';
import { errorText } from '../../lib/errors';
import { useJobRunner } from '../../lib/jobs';
import { LeaveQuestion, useUnloadGuard } from '../../lib/leave-guard';
import { CheckStep } from './CheckStep';
import { ChooseStep, type ReadOptions, type RecordKind } from './ChooseStep';
import { DoneStep } from './DoneStep';
import { MapStep, missingRequired, type ImportOptions } from './MapStep';
import { useImportFile, type ImportSource } from './useImportFile';

const kindOf = (v: string | null): RecordKind | null =>
  (importKinds as readonly string[]).includes(v ?? '') ? (v as RecordKind) : null;

const sameHeaders = (a: string[] | undefined, b: string[]) =>
  a !== undefined && a.length === b.length && a.every((h, i) => h === b[i]);

const sameFields = (a: ImportPreview, b: ImportPreview) =>
  a.fields.map((f) => f.key).join('\n') === b.fields.map((f) => f.key).join('\n');

/**
 * 导入: 选择文件 → 对应字段 → 检查 → 完成. The file is read by jobs in the database worker
 * (preview, check, run); going back keeps every choice; leaving with a file chosen asks first.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const runJob = useJobRunner();
  const [params] = useSearchParams();
  const [recordKind, setRecordKind] = useState<RecordKind>(kindOf(params.get('kind')) ?? 'customers');
  const [source, setSource] = useState<ImportSource | null>(null);
  const [read, setRead] = useState<ReadOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [fixed, setFixed] = useState<Record<string, string>>({});
  const [options, setOptions] = useState<ImportOptions>({ duplicates: 'skip', missingLinks: 'reject' });
  const [check, setCheck] = useState<ImportCheckResult | null>(null);
  const [result, setResult] = useState<ImportRunResult | null>(null);
  const [undone, setUndone] = useState<{ deleted: number; restored: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const shown = useRef<ImportPreview | null>(null);

  // The 导入 button of another list while the wizard is open, before a file is chosen.
  const askedKind = kindOf(params.get('kind'));
  const [seenKind, setSeenKind] = useState(askedKind);
  if (askedKind !== seenKind) {
    setSeenKind(askedKind);
    if (askedKind && !source) setRecordKind(askedKind);
  }

  const readFile = useCallback(
    async (kind: RecordKind, src: ImportSource, how: ReadOptions) => {
      setError(null);
      setBusy(true);
      const next = await runJob(
        { kind: 'import.preview', recordKind: kind, path: src.path, fileName: src.fileName, ...how },
        {
          title: t('import.file.reading'),
          failureText: (err) => {
            setError(errorText(t, err));
            return undefined;
          },
        },
      );
      setBusy(false);
      if (!next) return;
      // Read again with the same headers (another encoding, say): the user's mapping stays.
      const before = shown.current;
      if (!before || !sameHeaders(before.headers, next.headers) || !sameFields(before, next))
        setMapping(next.suggested);
      shown.current = next;
      setPreview(next);
      setCheck(null);
    },
    [runJob, t],
  );

  const chosen = useCallback(
    (src: ImportSource) => {
      setSource(src);
      setRead({});
      setPreview(null);
      shown.current = null;
      setFixed({});
      void readFile(recordKind, src, {});
    },
    [readFile, recordKind],
  );
  const file = useImportFile(chosen);

  const changeKind = (kind: RecordKind) => {
    setRecordKind(kind);
    setFixed({});
    setPreview(null);
    if (source) void readFile(kind, source, read);
  };
  const changeRead = (how: ReadOptions) => {
    setRead(how);
    if (source) void readFile(recordKind, source, how);
  };

  const jobInput = () => ({
    recordKind,
    path: source!.path,
    fileName: source!.fileName,
    ...read,
    mapping,
    fixed: Object.keys(fixed).length > 0 ? fixed : undefined,
    options,
  });

  const runCheck = async () => {
    setBusy(true);
    const checked = await runJob(
      { kind: 'import.check', ...jobInput() },
      { title: t('import.check.running') },
    );
    setBusy(false);
    if (!checked) return;
    setCheck(checked);
    setActive(2);
  };

  const what = t(`import.kinds.${recordKind}`);
  const runImport = async () => {
    setBusy(true);
    const ran = await runJob(
      { kind: 'import.run', ...jobInput() },
      { title: t('import.check.importing', { what }) },
    );
    setBusy(false);
    if (!ran) return;
    setResult(ran);
    setActive(3);
  };

  const undo = async () => {
    if (!result) return;
    setBusy(true);
    const back = await runJob(
      { kind: 'import.undo', importId: result.importId },
      // The result step says it in place of the notice.
      { title: t('import.done.undoing') },
    );
    setBusy(false);
    if (back) setUndone(back);
  };

  const again = () => {
    setSource(null);
    setPreview(null);
    shown.current = null;
    setMapping([]);
    setFixed({});
    setRead({});
    setCheck(null);
    setResult(null);
    setUndone(null);
    setActive(0);
  };

  // A chosen file and its mapping are work: leaving asks first, until the import has run.
  const holdsWork = source !== null && result === null;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => holdsWork && currentLocation.pathname !== nextLocation.pathname,
  );
  useUnloadGuard(() => holdsWork);

  const missing = preview ? missingRequired(preview.fields, mapping, fixed) : [];
  const done = result !== null;
  const importable = check ? check.counts.new + check.counts.update : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('import.title')}</Title>
        <Button
          variant="subtle"
          component={Link}
          to="/import/history"
          leftSection={<IconHistory size={16} />}
        >
          {t('import.history')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('import.intro')}
      </Text>
      <Paper withBorder radius="sm" p="md">
        <Stepper
          active={active}
          onStepClick={(step) => !done && step < active && setActive(step)}
          size="sm"
          allowNextStepsSelect={false}
        >
          <Stepper.Step label={t('import.steps.file')} description={t('import.steps.fileText')}>
            <ChooseStep
              recordKind={recordKind}
              onRecordKind={changeKind}
              source={source}
              preview={preview}
              read={read}
              onRead={changeRead}
              onChoose={() => void file.choose()}
              choosing={file.busy}
              error={error}
            />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.map')} description={t('import.steps.mapText')}>
            {preview && (
              <MapStep
                recordKind={recordKind}
                preview={preview}
                mapping={mapping}
                onMapping={(m) => {
                  setMapping(m);
                  setCheck(null);
                }}
                fixed={fixed}
                onFixed={setFixed}
                options={options}
                onOptions={setOptions}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.check')} description={t('import.steps.checkText')}>
            {check && source && <CheckStep result={check} fileName={source.fileName} />}
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.done')} description={t('import.steps.doneText')}>
            {result && source && (
              <DoneStep
                recordKind={recordKind}
                result={result}
                fileName={source.fileName}
                undone={undone}
                undoing={busy}
                onUndo={() => void undo()}
                onAgain={again}
              />
            )}
          </Stepper.Step>
        </Stepper>
        {!done && (
          <Group justify="space-between" mt="lg">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => setActive((a) => a - 1)}
              disabled={active === 0 || busy}
            >
              {t('import.back')}
            </Button>
            {active === 0 && (
              <Button
                rightSection={<IconArrowRight size={16} />}
                onClick={() => setActive(1)}
                disabled={!preview || busy}
              >
                {t('import.next')}
              </Button>
            )}
            {active === 1 && (
              <Button
                leftSection={<IconListCheck size={16} />}
                onClick={() => void runCheck()}
                disabled={missing.length > 0 || busy}
                loading={busy}
              >
                {t('import.check.run')}
              </Button>
            )}
            {active === 2 && (
              <Button
                leftSection={<IconUpload size={16} />}
                onClick={() => void runImport()}
                disabled={importable === 0 || busy}
                loading={busy}
              >
                {t('import.check.import')}
              </Button>
            )}
          </Group>
        )}
      </Paper>
      <LeaveQuestion
        opened={blocker.state === 'blocked'}
        text={t('import.leave')}
        onDiscard={() => blocker.proceed?.()}
        onKeepEditing={() => blocker.reset?.()}
      />
      {file.input}
    </Stack>
  );
}
