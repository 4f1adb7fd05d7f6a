import { Button, Checkbox, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../api';
import { useFiles, type Refusal } from '../../lib/file-context';
import { refusalText, separatorOf, type FileRefusal } from '../../lib/file-text';
import { DamagedFileRecovery } from '../../modules/backups/DamagedFileRecovery';
import { RecentList } from './RecentList';

/** A path the worker takes as it is (not a name in the data folder). */
export const isAbsolutePath = (path: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);

/** A damaged file on this computer: its newest sound backup can take its place. */
export const isDamaged = (refusal: FileRefusal) =>
  String(refusal.code) === 'FILE_DAMAGED' && isAbsolutePath(refusal.path);

/** Whether a refusal can be answered by trying again differently (read-only, or made a database). */
const canRetry = (refusal: FileRefusal) =>
  isAbsolutePath(refusal.path) && ['FILE_IN_USE', 'FILE_EMPTY'].includes(String(refusal.code));

/**
 * The buttons a refusal allows: 以只读方式打开 for a file in use, 变成新的空数据库 for a 0-byte
 * file, each only for a file on this computer (an upload cannot be tried again).
 */
export function RetryButtons({ refusal, onDone }: { refusal: FileRefusal; onDone?: () => void }) {
  const { t } = useTranslation();
  const { openPath } = useFiles();
  const code = String(refusal.code);
  if (!canRetry(refusal)) return null;
  const retry = (opts: { readOnly?: boolean; initializeEmpty?: boolean }) => {
    onDone?.();
    openPath(refusal.path, opts);
  };
  if (code === 'FILE_IN_USE')
    return <Button onClick={() => retry({ readOnly: true })}>{t('file.openReadOnlyButton')}</Button>;
  if (code === 'FILE_EMPTY')
    return <Button onClick={() => retry({ initializeEmpty: true })}>{t('file.makeDatabase')}</Button>;
  return null;
}

/** Why a file would not open, and, for a 0-byte file, the question whether to make it a database. */
export function RefusalText({ refusal }: { refusal: FileRefusal }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {refusalText(t, refusal)}
      </Text>
      {String(refusal.code) === 'FILE_EMPTY' && canRetry(refusal) && (
        <Text size="sm" fw={600}>
          {t('file.emptyQuestion')}
        </Text>
      )}
    </>
  );
}

const refusalTitle = (code: string) =>
  code === 'FILE_IN_USE'
    ? 'file.inUseTitle'
    : code === 'FILE_EMPTY'
      ? 'file.emptyTitle'
      : 'file.refusedTitle';

/** While a file is open: another one would not open. It stays open; this says why. */
function RefusalDialog({ refusal, onClose }: { refusal: Refusal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const retryable = refusal?.retry !== undefined && canRetry(refusal.error);
  return (
    <Modal
      opened={refusal !== null}
      onClose={onClose}
      title={refusal ? t(refusalTitle(String(refusal.error.code))) : ''}
      size="lg"
      centered
    >
      {refusal && (
        <Stack>
          <RefusalText refusal={refusal.error} />
          {isDamaged(refusal.error) && <DamagedFileRecovery path={refusal.error.path} onRestore={onClose} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {retryable ? t('actions.cancel') : t('actions.confirm')}
            </Button>
            {retryable && <RetryButtons refusal={refusal.error} onDone={onClose} />}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Selects the file's name in a path field, without its extension, ready to be typed over. */
function selectName(input: HTMLInputElement) {
  const value = input.value;
  const start = value.lastIndexOf(separatorOf(value)) + 1;
  const dot = value.lastIndexOf('.');
  input.setSelectionRange(start, dot > start ? dot : value.length);
}

/**
 * 新建数据库 / 另存副本 in the browser edition: a path, the data folder and a suggested name to
 * begin with. `onSubmit` answers what is wrong with the path, or null.
 */
function PathDialog(props: {
  opened: boolean;
  title: string;
  intro: string;
  initialPath: string;
  dataFolder: string;
  submitLabel: string;
  onSubmit: (path: string) => Promise<string | null> | void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState(props.initialPath);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = path.trim();
    if (!value) return setError(t('validation.required'));
    setBusy(true);
    try {
      setError((await props.onSubmit(value)) ?? null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg" centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">{props.intro}</Text>
          <TextInput
            label={t('file.path')}
            description={t('file.pathHint', { folder: props.dataFolder })}
            value={path}
            error={error}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setError(null);
            }}
            onFocus={(e) => selectName(e.currentTarget)}
            spellCheck={false}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * 打开数据库 in the browser edition: 最近使用, or a path (absolute, or a name in the data folder);
 * 以只读方式打开 for either. On the desktop the same list manages 最近使用.
 */
function OpenDialog({
  opened,
  onClose,
  withPath,
}: {
  opened: boolean;
  onClose: () => void;
  withPath: boolean;
}) {
  const { t } = useTranslation();
  const { state, openPath } = useFiles();
  const dataFolder = state?.dataFolder ?? '';
  const folderPrefix = dataFolder ? dataFolder.replace(/[\\/]?$/, separatorOf(dataFolder)) : '';
  const [path, setPath] = useState(folderPrefix);
  const [readOnly, setReadOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = path.trim();
    if (!value || value === folderPrefix) return setError(t('validation.required'));
    openPath(value, { readOnly });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={withPath ? t('file.openTitle') : t('file.recent')}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {withPath && <Text size="sm">{t('file.openIntro')}</Text>}
          <RecentList currentPath={state?.file?.path} onOpen={(file) => openPath(file.path, { readOnly })} />
          {withPath && (
            <>
              <Divider />
              <TextInput
                label={t('file.path')}
                description={t('file.pathHint', { folder: dataFolder })}
                value={path}
                error={error}
                onChange={(e) => {
                  setPath(e.currentTarget.value);
                  setError(null);
                }}
                spellCheck={false}
              />
            </>
          )}
          <Checkbox
            label={t('file.openReadOnly')}
            checked={readOnly}
            onChange={(e) => setReadOnly(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            {withPath && <Button type="submit">{t('file.openButton')}</Button>}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The file dialogs of the 文件 menu and the start screen, and the refusal of a file. */
export function FileDialogs({
  refusal,
  onCloseRefusal,
}: {
  refusal: Refusal | null;
  onCloseRefusal: () => void;
}) {
  const { t } = useTranslation();
  const files = useFiles();
  const { dialog, setDialog, state } = files;
  const close = () => setDialog(null);
  const dataFolder = state?.dataFolder ?? '';
  return (
    <>
      {/* Mounted while open only, so each opening starts from the suggested path again. */}
      {dialog === 'new' && (
        <PathDialog
          opened
          title={t('file.newTitle')}
          intro={t('file.newIntro')}
          initialPath={files.suggestedPath('new')}
          dataFolder={dataFolder}
          submitLabel={t('file.create')}
          onSubmit={files.createAt}
          onClose={close}
        />
      )}
      {dialog === 'saveCopy' && (
        <PathDialog
          opened
          title={t('file.saveCopyTitle')}
          intro={t('file.saveCopyIntro')}
          initialPath={files.suggestedPath('saveCopy')}
          dataFolder={dataFolder}
          submitLabel={t('file.saveCopyButton')}
          onSubmit={(path) => void files.saveCopyAt(path)}
          onClose={close}
        />
      )}
      {(dialog === 'open' || dialog === 'recent') && (
        <OpenDialog opened onClose={close} withPath={dialog === 'open' && !isDesktop} />
      )}
      <RefusalDialog refusal={refusal} onClose={onCloseRefusal} />
    </>
  );
}
