import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorData, FileState, OpenFileInfo, RecentFile } from '../contract';
import { AppError } from '../db/errors';
import { loadMigrations, type Migration } from '../db/migrations';
import { closeDatabase, openDatabase, type OpenedDatabase } from '../db/open';
import { toErrorData } from '../ipc/errors';
import type { HandlerContext } from '../records/context';
import { incomingFolder, UPLOAD_NAME } from '../files/places';
import { JobManager } from './jobs';
import type { ConnectionOptions } from './messages';

/** How often committed pages are copied from the write-ahead log into the file, between requests. */
const CHECKPOINT_EVERY_MS = 5000;
/** How long a write waits for the file's write lock (another program, a checkpoint). */
const BUSY_TIMEOUT_MS = 5000;
/**
 * The same while a job writes: a save waits only briefly and is refused as busy, rather than
 * holding up every read behind it for seconds.
 */
const BUSY_TIMEOUT_DURING_JOB_MS = 100;
/** 最近使用 keeps this many files. */
const RECENT_MAX = 10;

interface OpenFile {
  opened: OpenedDatabase;
  jobs: JobManager;
  checkpoint: NodeJS.Timeout | undefined;
}

export interface FileSessionOptions extends ConnectionOptions {
  /** Where 最近使用 is kept, and what a relative path is relative to. */
  dataFolder: string;
  now: () => string;
  /** Told after every change of the open file (none, another one), e.g. for the window title. */
  onChange?: (state: FileState) => void;
}

/**
 * The database file the worker has open, if any, and the ways to change it: 打开, 新建, 关闭,
 * with 最近使用 kept in the data folder. Opening another file closes the current one only once
 * the new one is open, so a refused file leaves the user where they were.
 */
export class FileSession {
  private current: OpenFile | undefined;
  private lastError: FileState['lastError'] = null;
  private readonly migrations: Migration[] | undefined;

  constructor(private readonly options: FileSessionOptions) {
    this.migrations = options.migrationsDir ? loadMigrations(options.migrationsDir) : undefined;
  }

  /** The handler context of whatever file is open: its parts read the current file when used. */
  context(): HandlerContext {
    const open = () => this.require().opened;
    const jobs = () => this.current?.jobs;
    return {
      get db() {
        return open().db;
      },
      now: this.options.now,
      get databasePath() {
        return open().path;
      },
      get schemaVersion() {
        return open().schemaVersion;
      },
      appVersion: this.options.appVersion,
      get jobs() {
        return jobs();
      },
      files: this,
    };
  }

  state(): FileState {
    return { file: this.info(), lastError: this.lastError, dataFolder: this.options.dataFolder };
  }

  /** Opens `file` (absolute or relative to the data folder) in place of the current one. */
  open(input: { path: string; readOnly?: boolean; initializeEmpty?: boolean }): FileState {
    const file = this.resolve(input.path);
    const current = this.current?.opened;
    if (current?.path === file) {
      if (!input.readOnly === !current.readOnly) return this.state();
      // The same file in the other mode: this session's own lock must go first. Should the file
      // not open that way (another Solo CRM took it meanwhile), it opens again as it was.
      const wasReadOnly = current.readOnly;
      this.closeCurrent();
      try {
        return this.replaceWith(file, { readOnly: input.readOnly });
      } catch (err) {
        try {
          this.replaceWith(file, { readOnly: wasReadOnly });
        } catch {
          // Neither way: the state says why, and the screens offer 打开.
        }
        throw err;
      }
    }
    if (!fs.existsSync(file)) {
      return this.refused(file, new AppError('FILE_NOT_FOUND', `${file} does not exist`));
    }
    return this.replaceWith(file, { readOnly: input.readOnly, initializeEmpty: input.initializeEmpty });
  }

  /** Makes a new, empty database at `file` and opens it. */
  create(input: { path: string }): FileState {
    const file = this.resolve(input.path);
    if (fs.existsSync(file)) {
      throw new AppError('CONFLICT', `${file} exists already`, { field: 'path', reason: 'duplicate' });
    }
    return this.replaceWith(file, {});
  }

  /**
   * 导入数据库文件: an uploaded file is checked without a byte of it changing (identity, version,
   * quick_check), then moved into the data folder under its own name (made unique) and opened.
   * A refused upload is removed.
   */
  importUpload(input: { upload: string; name: string }): FileState {
    const upload = path.join(incomingFolder(this.options.dataFolder), input.upload);
    try {
      if (!UPLOAD_NAME.test(input.upload) || !fs.existsSync(upload)) {
        throw new AppError('NOT_FOUND', `No upload named ${input.upload}`);
      }
      closeDatabase(
        openDatabase(upload, {
          migrations: this.migrations,
          nativeBinding: this.options.nativeBinding,
          readOnly: true,
          lock: false,
          create: false,
        }).db,
      );
    } catch (err) {
      fs.rmSync(upload, { force: true });
      return this.refused(input.name, err);
    }
    const target = freeName(this.options.dataFolder, path.basename(input.name));
    fs.renameSync(upload, target);
    return this.replaceWith(target, {});
  }

  /** Closes the open file; the app then shows 新建 / 打开. */
  close(): FileState {
    this.closeCurrent();
    this.changed();
    return this.state();
  }

  recent(): RecentFile[] {
    return this.readRecent().map((r) => ({
      ...r,
      name: path.basename(r.path),
      exists: fs.existsSync(r.path),
    }));
  }

  forget(input: { path: string }): RecentFile[] {
    this.writeRecent(this.readRecent().filter((r) => r.path !== this.resolve(input.path)));
    return this.recent();
  }

  /** Stops everything and closes the file (the worker is ending). */
  async shutdown(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    clearInterval(current.checkpoint);
    await current.jobs
      .stopAll()
      .catch((err: unknown) => console.error('[solo-crm] stopping a job failed', err));
    closeDatabase(current.opened.db);
  }

  private require(): OpenFile {
    if (!this.current) throw new AppError('NO_FILE', 'No database file is open');
    return this.current;
  }

  private resolve(file: string): string {
    return path.resolve(this.options.dataFolder, file);
  }

  private replaceWith(file: string, opts: { readOnly?: boolean; initializeEmpty?: boolean }): FileState {
    let opened: OpenedDatabase;
    try {
      opened = openDatabase(file, {
        migrations: this.migrations,
        nativeBinding: this.options.nativeBinding,
        ...opts,
      });
    } catch (err) {
      return this.refused(file, err);
    }
    this.closeCurrent();
    const jobs = new JobManager({
      file: opened.path,
      dataFolder: this.options.dataFolder,
      appVersion: this.options.appVersion,
      migrationsDir: this.options.migrationsDir,
      nativeBinding: this.options.nativeBinding,
      now: this.options.now,
      readOnly: opened.readOnly,
      onWriting: (writing) =>
        opened.db.pragma(`busy_timeout = ${writing ? BUSY_TIMEOUT_DURING_JOB_MS : BUSY_TIMEOUT_MS}`),
    });
    // A save rarely pays for the copy itself (openDatabase lets the log grow); PASSIVE never waits
    // on a reader and does nothing when the log is already copied. A read-only file has no log of
    // its own to copy.
    const checkpoint = opened.readOnly
      ? undefined
      : setInterval(() => {
          try {
            opened.db.pragma('wal_checkpoint(PASSIVE)');
          } catch (err) {
            // The next commit checkpoints on its own; nothing is lost by skipping one.
            console.warn('[solo-crm] checkpoint skipped', err);
          }
        }, CHECKPOINT_EVERY_MS);
    // Nothing to copy once everything else has stopped: the timer keeps no process alive.
    checkpoint?.unref();
    this.current = { opened, jobs, checkpoint };
    this.lastError = null;
    this.remember(opened.path);
    this.changed();
    return this.state();
  }

  /** A file that could not be opened: the current one stays; the refusal is kept and thrown. */
  private refused(file: string, err: unknown): never {
    const error: AppErrorData = err instanceof AppError ? err.toData() : toErrorData(err);
    this.lastError = { ...error, path: file };
    this.changed();
    throw err instanceof AppError ? err : new AppError(error.code, error.message, error);
  }

  private closeCurrent(): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearInterval(current.checkpoint);
    // A running job's thread is stopped; its transaction never commits.
    void current.jobs
      .stopAll()
      .catch((err: unknown) => console.error('[solo-crm] stopping a job failed', err));
    closeDatabase(current.opened.db);
  }

  private info(): OpenFileInfo | null {
    if (!this.current) return null;
    const { opened } = this.current;
    return {
      path: opened.path,
      name: path.basename(opened.path),
      folder: path.dirname(opened.path),
      readOnly: opened.readOnly ?? false,
      readOnlyReason: opened.readOnlyReason ?? null,
      schemaVersion: opened.schemaVersion,
      sizeBytes: fs.statSync(opened.path, { throwIfNoEntry: false })?.size ?? 0,
    };
  }

  private changed(): void {
    this.options.onChange?.(this.state());
  }

  private recentFile(): string {
    return path.join(this.options.dataFolder, 'recent.json');
  }

  private readRecent(): { path: string; openedAt: string }[] {
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile(), 'utf8')) as unknown;
      return Array.isArray(list)
        ? list.filter((r): r is { path: string; openedAt: string } => typeof r?.path === 'string')
        : [];
    } catch {
      // None yet, or a damaged list: 最近使用 starts again.
      return [];
    }
  }

  private writeRecent(list: { path: string; openedAt: string }[]): void {
    fs.mkdirSync(this.options.dataFolder, { recursive: true });
    // Written whole under another name, then renamed: a crash never leaves half a list.
    const temp = `${this.recentFile()}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(list, null, 2));
    fs.renameSync(temp, this.recentFile());
  }

  private remember(file: string): void {
    try {
      const rest = this.readRecent().filter((r) => r.path !== file);
      this.writeRecent([{ path: file, openedAt: this.options.now() }, ...rest].slice(0, RECENT_MAX));
    } catch (err) {
      // A data folder that cannot be written does not stop the file from opening.
      console.warn('[solo-crm] could not update the recent files', err);
    }
  }
}

/** `name` in `folder`, or `name (2)`, `name (3)` … before its extension when that is taken. */
function freeName(folder: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}
