import { createContext, use } from 'react';
import type { FileState, RestoreOutcome } from '../../src-main/contract';
import type { FileRefusal } from './file-text';

/** The browser edition's own file dialogs (the desktop app uses the system's), and 最近使用. */
export type FileDialog = 'new' | 'open' | 'saveCopy' | 'recent' | null;

/** A file that would not open while another one is: why, and the retry it allows. */
export interface Refusal {
  error: FileRefusal;
  /** FILE_IN_USE and FILE_EMPTY can be tried again (read-only, or made a database). */
  retry?: { path: string; readOnly: boolean };
}

/** What the 文件 menu, the start screen and the dialogs do, in either edition. */
export interface FileCommands {
  /** Which file is open; undefined until the first answer. */
  state: FileState | undefined;
  /** Counts changes of file: the screens are mounted afresh on each. */
  generation: number;
  dialog: FileDialog;
  setDialog: (dialog: FileDialog) => void;
  openPath: (path: string, opts?: { readOnly?: boolean; initializeEmpty?: boolean }) => void;
  /** 新建 at `path`: null when done (or not done: the user kept editing), else what is wrong with it. */
  createAt: (path: string) => Promise<string | null>;
  saveCopyAt: (path: string) => Promise<void>;
  newDatabase: () => void;
  openDatabase: () => void;
  manageRecent: () => void;
  saveCopy: () => void;
  showInFolder: () => void;
  importFile: () => void;
  exportFile: () => void;
  close: () => void;
  /**
   * 恢复 the backup `name` of the open file, or of the file at `path` (one that would not open,
   * being damaged), which is then the open file. 撤销 is restoring the safety copy a restore made.
   * Unsaved work is asked about first; then, since the file's content changed, every cached read
   * is dropped and the screens are mounted afresh on `to`, as after a change of file. Null when
   * the user kept editing; a refusal rejects (the files are then as they were).
   */
  restoreBackup: (name: string, to: string, path?: string) => Promise<RestoreOutcome | null>;
  /** 备份: the open file's backups screen. */
  showBackups: () => void;
  /** 导入 and 导入记录: the import wizard, and the imports into the open file. */
  showImport: () => void;
  showImportHistory: () => void;
  /** The path field's first value: the data folder and a suggested name. */
  suggestedPath: (kind: 'new' | 'saveCopy') => string;
}

export const FileContext = createContext<FileCommands | null>(null);

export function useFiles(): FileCommands {
  const files = use(FileContext);
  if (!files) throw new Error('useFiles() outside FileProvider');
  return files;
}
