import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FileState } from '../../../src-main/contract';
import { ApiError, call, callNative, isDesktop } from '../../api';
import { holdsUnsavedWork, leaveDiscardingWork, LeaveQuestion } from '../../lib/leave-guard';
import { errorText, notifyError } from '../../lib/errors';
import { FileContext, type FileCommands, type FileDialog, type Refusal } from '../../lib/file-context';
import { FileDialogs } from './FileDialogs';
import { useTransfers } from './transfers';
import { errorCode, isPathTaken, joinPath, stemOf } from '../../lib/file-text';

/** How often the open file's state is read while it is being checked (a few seconds in all). */
const CHECKING_POLL_MS = 500;

/** What the desktop app's 文件 menu sends the page (main.ts dispatchToPage). */
type MenuCommand =
  | {
      command:
        | 'new'
        | 'open'
        | 'saveCopy'
        | 'showInFolder'
        | 'backups'
        | 'importRecords'
        | 'importHistory'
        | 'close';
    }
  | { command: 'openPath'; path: string };

/**
 * The open database file and every way to change it: 新建, 打开, 最近使用, 另存副本, 导入 /
 * 导出 (browser edition), 关闭 and 恢复 of a backup, for the 文件 menu, the start screen and the desktop app's own
 * menu alike. A change of file drops every cached read, goes to 桌面 and mounts the screens
 * afresh (`generation`), so nothing of the previous file stays on screen. Before a change, typed
 * work in any form is asked about; a refusal leaves the current file open and says why.
 */
export function FileProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<FileState>();
  const [generation, setGeneration] = useState(0);
  const [dialog, setDialog] = useState<FileDialog>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [asking, setAsking] = useState<((discard: boolean) => void) | null>(null);
  const current = useRef<FileState | undefined>(undefined);

  /** After a change of file: nothing cached of the old one, 桌面, the screens mounted again. */
  const apply = useCallback(
    async (next: FileState, to = '/') => {
      current.current = next;
      await client.cancelQueries();
      client.clear();
      await leaveDiscardingWork(() => navigate(to));
      setState(next);
      setGeneration((g) => g + 1);
    },
    [client, navigate],
  );

  /** Reads which file is open; a different one than the screens show (another window) is applied. */
  const refresh = useCallback(async (): Promise<FileState | undefined> => {
    let next: FileState;
    try {
      next = await call('file.current', {});
    } catch (err) {
      notifyError(t, err);
      return undefined;
    }
    const before = current.current;
    const wasChecking = before?.file?.readOnlyReason === 'checking';
    if (wasChecking && next.file?.path === before.file?.path) {
      // The check passed: the same file, now writable; what the screens show stays as it is.
      current.current = next;
      setState(next);
    } else if (wasChecking && !next.file) {
      // The check failed: the start screen says why, and offers the file's backups.
      await apply(next);
    } else if (
      before &&
      (before.file?.path !== next.file?.path || before.file?.readOnly !== next.file?.readOnly)
    ) {
      await apply(next);
      if (next.file) notifications.show({ message: t('file.changedElsewhere', { name: next.file.name }) });
    } else {
      current.current = next;
      setState((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
    }
    return next;
  }, [apply, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A large file being checked opens for writing, or is refused, by itself: look until it has.
  const checking = state?.file?.readOnlyReason === 'checking';
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => void refresh(), CHECKING_POLL_MS);
    return () => clearInterval(timer);
  }, [checking, refresh]);

  // A read refused with NO_FILE: the file was closed elsewhere (another tab of the browser edition).
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (
          event.type === 'updated' &&
          event.action.type === 'error' &&
          errorCode(event.action.error) === 'NO_FILE'
        )
          void refresh();
      }),
    [client, refresh],
  );
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  // The title bar (and the browser's tab) names the open file.
  const file = state?.file;
  useEffect(() => {
    document.title = file
      ? `${file.name}${file.readOnly ? ` (${t('file.readOnly')})` : ''} - ${t('app.name')}`
      : t('app.name');
  }, [file, t]);

  /** True when nothing typed would be lost, or the user chose 放弃修改. */
  const mayDiscard = useCallback(
    () =>
      holdsUnsavedWork()
        ? new Promise<boolean>((resolve) => setAsking(() => resolve))
        : Promise.resolve(true),
    [],
  );

  /** A file that would not open: the start screen says why when none is open, else a dialog. */
  const refused = useCallback(
    async (err: unknown, path: string, retry?: Refusal['retry']) => {
      if (!(err instanceof ApiError)) {
        notifyError(t, err);
        return;
      }
      const code = String(err.data.code);
      const next = await refresh();
      const error =
        next?.lastError && String(next.lastError.code) === code ? next.lastError : { ...err.data, path };
      setDialog(null);
      if (next?.file) setRefusal({ error, retry });
    },
    [refresh, t],
  );

  const openPath = useCallback(
    async (path: string, opts: { readOnly?: boolean; initializeEmpty?: boolean } = {}) => {
      if (!(await mayDiscard())) return;
      setRefusal(null);
      let next: FileState;
      try {
        next = await call('file.open', { path, ...opts });
      } catch (err) {
        await refused(
          err,
          path,
          opts.initializeEmpty ? undefined : { path, readOnly: opts.readOnly ?? false },
        );
        return;
      }
      setDialog(null);
      await apply(next);
      if (next.file)
        notifications.show({ color: 'green', message: t('file.opened', { name: next.file.name }) });
    },
    [apply, mayDiscard, refused, t],
  );

  /** Makes a new file at `path`; answers a message for the path field when it is refused. */
  const createAt = useCallback(
    async (path: string): Promise<string | null> => {
      if (!(await mayDiscard())) return null;
      let next: FileState;
      try {
        next = await call('file.new', { path });
      } catch (err) {
        return isPathTaken(err) ? t('file.pathTaken') : errorText(t, err);
      }
      setDialog(null);
      await apply(next);
      if (next.file)
        notifications.show({ color: 'green', message: t('file.created', { name: next.file.name }) });
      return null;
    },
    [apply, mayDiscard, t],
  );

  const restoreBackup = useCallback(
    async (name: string, to: string, path?: string) => {
      if (!(await mayDiscard())) return null;
      const outcome = await call('backups.restore', path ? { name, path } : { name });
      await apply(outcome.state, to);
      return outcome;
    },
    [apply, mayDiscard],
  );

  const openAny = useCallback((path: string) => void openPath(path), [openPath]);
  const transfers = useTransfers({ apply, mayDiscard, refused, openPath: openAny, setDialog });

  const commands = useMemo<FileCommands>(() => {
    const nativeFailed = (err: unknown) => notifyError(t, err);
    const copyName = () => t('file.copyName', { stem: stemOf(state?.file?.name ?? t('file.defaultName')) });
    return {
      state,
      generation,
      dialog,
      setDialog,
      openPath: (path, opts) => void openPath(path, opts),
      createAt,
      saveCopyAt: transfers.saveCopyAt,
      newDatabase: () => {
        if (!isDesktop) return setDialog('new');
        callNative('native.chooseSaveLocation', { suggestedName: t('file.defaultName') })
          .then(async (path) => {
            if (!path) return;
            const problem = await createAt(path);
            if (problem) notifications.show({ color: 'red', title: t('file.newTitle'), message: problem });
          })
          .catch(nativeFailed);
      },
      openDatabase: () => {
        if (!isDesktop) return setDialog('open');
        callNative('native.chooseDatabase', {})
          .then((path) => {
            if (path) void openPath(path);
          })
          .catch(nativeFailed);
      },
      manageRecent: () => setDialog(isDesktop ? 'recent' : 'open'),
      saveCopy: () => {
        if (!state?.file) return;
        if (!isDesktop) return setDialog('saveCopy');
        callNative('native.chooseSaveLocation', { suggestedName: copyName() })
          .then((path) => {
            if (path) void transfers.saveCopyAt(path);
          })
          .catch(nativeFailed);
      },
      showInFolder: () => {
        if (state?.file) callNative('native.showInFolder', { path: state.file.path }).catch(nativeFailed);
      },
      importFile: transfers.chooseUpload,
      exportFile: () => void transfers.exportFile(),
      close: () => {
        void (async () => {
          if (!state?.file || !(await mayDiscard())) return;
          try {
            await apply(await call('file.close', {}));
          } catch (err) {
            notifyError(t, err);
          }
        })();
      },
      restoreBackup,
      showBackups: () => void navigate('/backups'),
      showImport: () => void navigate('/import'),
      showImportHistory: () => void navigate('/import/history'),
      suggestedPath: (kind) =>
        state ? joinPath(state.dataFolder, kind === 'new' ? t('file.defaultName') : copyName()) : '',
    };
  }, [
    state,
    generation,
    dialog,
    openPath,
    createAt,
    transfers,
    mayDiscard,
    apply,
    restoreBackup,
    navigate,
    t,
  ]);

  // The desktop app's 文件 menu: each command exactly as from the page's own menu.
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  useEffect(() => {
    const onCommand = (event: Event) => {
      const detail = (event as CustomEvent<MenuCommand>).detail;
      const c = latest.current;
      if (detail?.command === 'openPath') {
        if (typeof detail.path === 'string' && detail.path) c.openPath(detail.path);
        return;
      }
      const commandsByName: Record<string, () => void> = {
        new: c.newDatabase,
        open: c.openDatabase,
        saveCopy: c.saveCopy,
        showInFolder: c.showInFolder,
        backups: c.showBackups,
        importRecords: c.showImport,
        importHistory: c.showImportHistory,
        close: c.close,
      };
      const name = detail?.command;
      if (typeof name === 'string' && Object.hasOwn(commandsByName, name)) commandsByName[name]!();
    };
    window.addEventListener('solo-crm:file', onCommand);
    return () => window.removeEventListener('solo-crm:file', onCommand);
  }, []);

  return (
    <FileContext value={commands}>
      {children}
      <FileDialogs refusal={refusal} onCloseRefusal={() => setRefusal(null)} />
      {transfers.input}
      <LeaveQuestion
        opened={asking !== null}
        text={t('file.unsavedText')}
        onDiscard={() => {
          asking?.(true);
          setAsking(null);
        }}
        onKeepEditing={() => {
          asking?.(false);
          setAsking(null);
        }}
      />
    </FileContext>
  );
}
