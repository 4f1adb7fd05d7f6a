/** What crosses the boundary between the main process and the renderer. */

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  /**
   * The record is closed (a won or lost opportunity) and cannot be changed; or, with reason
   * `read_only_file`, the whole file is open read-only (`read_only_folder`: nothing can be made there).
   */
  'READ_ONLY',
  /** No database file is open: 新建 or 打开 one from the 文件 menu. */
  'NO_FILE',
  /** No file at the path (moved or deleted since it was last opened, e.g. from 最近使用). */
  'FILE_NOT_FOUND',
  /** The file is not a SQLite database at all (a text file, a folder, another program's format). */
  'FILE_NOT_SQLITE',
  /** A SQLite database of another program (its application id is not Solo CRM's). */
  'FILE_NOT_CRM',
  /** Written by a newer Solo CRM than this one: update the app. */
  'FILE_TOO_NEW',
  /** A Solo CRM file that fails its checks (quick_check, a cut-short file, a broken log): restore a backup. */
  'FILE_DAMAGED',
  /** A 0-byte file: made into a new database only when the user says so (`initializeEmpty`). */
  'FILE_EMPTY',
  /** Open for writing elsewhere (reason `open_elsewhere`, params pid, host, since): may be opened read-only. */
  'FILE_IN_USE',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  /** The database worker stopped and was started again: the request did not complete. */
  'DATABASE_RESTARTED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Why a value failed validation; the renderer turns it into a sentence in the user's language. */
export type ValidationReason =
  | 'required'
  | 'invalid_type'
  | 'too_long'
  | 'too_short'
  | 'too_big'
  | 'too_small'
  | 'invalid_format'
  | 'invalid_value'
  | 'unknown_field'
  | 'not_found'
  /** A product that is no longer sold cannot go on a new line. */
  | 'inactive'
  /** A restore needs a record that is gone for good (`params.what`, `params.title`). */
  | 'parent_missing'
  /** A restore needs a record that is itself in the trash: restore that first. */
  | 'parent_in_trash'
  /** A restore would make a second record where only one may be (`params.what`). */
  | 'duplicate'
  /** Still used by records (`params.count`): change those first. */
  | 'in_use'
  /** Another job is running (`params.kind`): one at a time. */
  | 'job_running'
  /** A long job holds the file for writing: try again once it is done. */
  | 'busy'
  /** The file is open read-only (READ_ONLY): nothing can be saved in it. */
  | 'read_only_file'
  /** The folder cannot be written (READ_ONLY): no file can be made there. */
  | 'read_only_folder'
  /** Another Solo CRM has the file open for writing (FILE_IN_USE; `params.pid`, `host`, `since`). */
  | 'open_elsewhere'
  /** 撤销导入 after records of the import were changed, or records added to them (`params.count`). */
  | 'changed_since_import'
  /** 撤销导入 of an import that was undone already. */
  | 'already_undone'
  /** An import file whose name is not .csv, .txt, .tsv, .xlsx or .vcf (`params.extension`). */
  | 'import_file_type'
  /** A .vcf file chosen for a record kind other than contacts. */
  | 'import_vcard_contacts'
  /** An old binary Excel file (.xls), or a workbook locked with a password: save it as .xlsx or CSV. */
  | 'import_old_xls'
  /** Named .xlsx but not a readable workbook: another format renamed, cut short or damaged. */
  | 'import_not_xlsx'
  /** Named .csv/.txt/.tsv but not text: a workbook or another program's file renamed. */
  | 'import_not_text'
  /** The file (or the chosen sheet) has no header row: it is empty. */
  | 'import_empty'
  /** Bytes that are not valid text in the chosen encoding (`params.encoding`, `params.line`). */
  | 'import_encoding'
  /** A quoted field that is not closed, or a stray quote after one (`params.line`). */
  | 'import_quote'
  /** The file changed since it was chosen: choose it again. */
  | 'import_file_changed'
  /** The file cannot be read (no permission, or it is a folder). */
  | 'import_unreadable'
  /** Rows of one order (`params.order`) name another customer or date (`params.field`). */
  | 'order_conflict'
  /** Another row of this order (`params.row`) has a problem: a sale is imported whole or not at all. */
  | 'order_rejected';

export interface AppErrorData {
  code: ErrorCode;
  /** English text for logs; the screen shows a translation chosen by `code` and `reason`. */
  message: string;
  /** Dotted path of the offending input field, e.g. `name` or `sort.column`. */
  field?: string;
  reason?: ValidationReason;
  /** The bound that was crossed (a length or a number), when there is one. */
  limit?: number;
  /** Values for the translated sentence, e.g. the title of a record a restore needs. */
  params?: Record<string, string | number>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };
