import type { TFunction } from 'i18next';
import type { AppErrorData } from '../../src-main/contract';
import { ApiError } from '../api';
import { errorText } from './errors';

/** A refusal to open a file, with the path it was about (FileState's lastError). */
export interface FileRefusal {
  code: string;
  message: string;
  reason?: string;
  params?: AppErrorData['params'];
  path: string;
}

/** The refusals of file.open, each with words of its own (file.errors.*). */
const fileCodes = new Set([
  'FILE_NOT_FOUND',
  'FILE_NOT_SQLITE',
  'FILE_NOT_CRM',
  'FILE_TOO_NEW',
  'FILE_DAMAGED',
  'FILE_EMPTY',
  'FILE_IN_USE',
]);

/** The error code of a refused call, as a plain string (NETWORK for a lost server). */
export const errorCode = (err: unknown): string | undefined =>
  err instanceof ApiError ? String(err.data.code) : undefined;

/** A file that is already at the path a new file or a copy should take. */
export const isPathTaken = (err: unknown): boolean =>
  err instanceof ApiError && err.data.code === 'CONFLICT' && err.data.reason === 'duplicate';

/** What happened to the file at `refusal.path`, and what to do, in the user's language. */
export function refusalText(t: TFunction, refusal: FileRefusal): string {
  const code = String(refusal.code);
  if (fileCodes.has(code)) {
    const text = t(`file.errors.${code}`, { path: refusal.path });
    // Who holds a file in use, when its lock says.
    const holder = refusal.params;
    return code === 'FILE_IN_USE' && holder?.host !== undefined
      ? `${text}${t('file.inUseBy', { host: holder.host, pid: holder.pid, since: holder.since })}`
      : text;
  }
  const reason = errorText(t, new ApiError(refusal as AppErrorData));
  return t('file.errors.other', { path: refusal.path, reason });
}

/** A size in bytes as people read it: 96 KB, 1.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The separator of the paths on the computer the files are on (from one of its paths). */
export const separatorOf = (somePath: string): string =>
  somePath.includes('\\') && !somePath.includes('/') ? '\\' : '/';

/** `name` in `folder`, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = separatorOf(folder);
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** A file name without its extension: 客户资料.db → 客户资料. */
export const stemOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};
