import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AppErrorData,
  BackupInfo,
  FileState,
  OpenFileInfo,
  RecentFile,
  RestoreOutcome,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import {
  looksLikeSqlite,
  notSqlite,
  pathState,
  readHeader,
  sameFile,
  walModeHeader,
} from '../db/file-checks';
import { acquireWriterLock, type WriterLock } from '../db/lock';
import { loadMigrations, type Migration } from '../db/migrations';
import { closeDatabase, lockTarget, openDatabase, type OpenedDatabase } from '../db/open';
import { toErrorData } from '../ipc/errors';
import type { HandlerContext } from '../records/context';
import {
  backupFile,
  backupsDir,
  changeStamp,
  dueBackup,
  ensureDatabaseId,
  assignNewDatabaseId,
  findBackup,
  listBackups,
  readDatabaseId,
  readDatabaseIdOfFile,
  restoreBackup,
  restoreClosedFile,
  type BackupEvent,
  type ChangeStamp,
  type RestoreResult,
} from '../files/backups';
import { giveNewDatabaseId } from '../files/copy';
import { incomingFolder, UPLOAD_NAME } from '../files/places';
import { readRecent, recentDatabaseId, rememberRecent, writeRecent } from '../files/recent';
import { JobManager } from './jobs';
import type { Worker } from 'node:worker_threads';
import type { CheckThreadData, DatabaseWorkerData, FromCheck } from './messages';
import { siblingEntry, startThread } from './threads';

/** How often committed pages are copied from the write-ahead log into the file, between requests. */
const CHECKPOINT_EVERY_MS = 5000;
/** How long a write waits for the file's write lock (another program, a checkpoint). */
const BUSY_TIMEOUT_MS = 5000;
/**
 * The same while a job writes: a save waits only briefly and is refused as busy, rather than
 * holding up every read behind it for seconds.
 */
const BUSY_TIMEOUT_DURING_JOB_MS = 100;

/** A writable file's rolling backups: where they go, and the file's state at the last one. */
interface Backups {
  dir: string;
  /** The file's change stamp when the last backup began. */
  stamp: ChangeStamp;
  /** Asks every minute whether an interval backup is due. */
  tick: NodeJS.Timeout;
}

interface OpenFile {
  opened: OpenedDatabase;
  jobs: JobManager;
  checkpoint: NodeJS.Timeout | undefined;
  /** None for a file open read-only: it cannot change. */
  backups: Backups | undefined;
  /** A large file open for reading while its quick_check runs (openChecking). */
  checking?: Checking;
}

/** A large file being checked: the one-writer lock is held meanwhile, so no one else takes it. */
interface Checking {
  lock: WriterLock;
  thread: Worker;
  /** The file as it was when the check began: a file changed meanwhile is checked again. */
  stat: string;
}

/** Size and times of a file: what would change should anything write to it. */
function statOf(file: string): string {
  const s = fs.statSync(file, { bigint: true });
  return `${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Files this large open for reading at once and are checked in a thread meanwhile. */
const DEFER_CHECK_BYTES = 64 * 1024 * 1024;

/** How often the schedule is asked whether a backup is due (it decides; files/schedule.ts). */
const BACKUP_TICK_MS = 60_000;

export interface FileSessionOptions extends Omit<DatabaseWorkerData, 'file'> {
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
  private defaultMigrations: Migration[] | undefined;

  constructor(private readonly options: FileSessionOptions) {
    this.migrations = options.migrationsDir ? loadMigrations(options.migrationsDir) : undefined;
  }

  /** The handler context of whatever file is open: its parts read the current file when used. */
  context(): HandlerContext {
    const open = () => this.require().opened;
    // No file, no jobs: asking for one says NO_FILE, like any other request.
    const jobs = () => this.require().jobs;
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
      // Being checked: it becomes writable by itself once the check passes.
      if (this.current?.checking && !input.readOnly) return this.state();
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
    // Uploaded twice, a file makes two files: each keeps backups of its own.
    giveNewDatabaseId(target, this.options.nativeBinding);
    return this.replaceWith(target, {});
  }

  backups(): BackupInfo[] {
    const current = this.require();
    if (current.backups) return listBackups(current.backups.dir);
    // A file open read-only still shows its backups, when it has any.
    const id = readDatabaseId(current.opened.db);
    return id ? listBackups(backupsDir(this.options.dataFolder, id)) : [];
  }

  /**
   * The backups of the file at `path`, open or not: one refused as damaged still has them, found
   * by the id in the file (read as it is, never changed), else by the id the recent list kept
   * for that path. None when neither is known; the open file's are `backups()`.
   */
  backupsOf(input: { path: string }): BackupInfo[] {
    const file = this.resolve(input.path);
    if (this.isOpen(file)) return this.backups();
    const dir = this.backupsDirOf(file);
    return dir ? listBackups(dir) : [];
  }

  /**
   * 恢复: the backup takes the open file's place. The file is closed (its jobs stopped, no backup
   * at this close), copied as it is into its backups as the safety copy, swapped for the backup
   * and opened again; restoring the safety copy the same way is 撤销. A backup that fails its
   * check is refused and the file opens again untouched. With the `path` of another file (one
   * refused as damaged), that file is restored instead and opened in place of the open one.
   */
  restore(input: { name: string; path?: string }): RestoreOutcome {
    if (input.path !== undefined) {
      const file = this.resolve(input.path);
      if (!this.isOpen(file)) return this.restoreClosed(file, input.name);
    }
    const current = this.require();
    if (!current.backups) {
      throw new AppError('READ_ONLY', 'A file open read-only is not restored over', {
        reason: 'read_only_file',
      });
    }
    const backup = findBackup(current.backups.dir, input.name);
    const file = current.opened.path;
    this.closeCurrent(false);
    let result;
    try {
      result = restoreBackup(file, backup, {
        now: this.options.now,
        nativeBinding: this.options.nativeBinding,
      });
    } catch (err) {
      this.replaceWith(file, {});
      throw err;
    }
    return this.openRestored(file, result);
  }

  /** Closes the open file; the app then shows 新建 / 打开. */
  close(): FileState {
    this.closeCurrent();
    this.changed();
    return this.state();
  }

  recent(): RecentFile[] {
    return readRecent(this.options.dataFolder).map((r) => ({
      path: r.path,
      name: path.basename(r.path),
      openedAt: r.openedAt,
      exists: fs.existsSync(r.path),
    }));
  }

  forget(input: { path: string }): RecentFile[] {
    const folder = this.options.dataFolder;
    writeRecent(
      folder,
      readRecent(folder).filter((r) => r.path !== this.resolve(input.path)),
    );
    return this.recent();
  }

  /** Stops everything and closes the file (the worker is ending). */
  async shutdown(): Promise<void> {
    const current = this.current;
    if (!current) return;
    const closing = this.backupIfDue('close');
    this.current = undefined;
    clearInterval(current.checkpoint);
    clearInterval(current.backups?.tick);
    await current.jobs
      .stopAll(closing)
      .catch((err: unknown) => console.error('[solo-crm] stopping a job failed', err));
    // The app waits for the backup at close before it goes.
    if (closing !== undefined) await current.jobs.whenDone(closing);
    current.checking?.lock.release();
    closeDatabase(current.opened.db);
  }

  private require(): OpenFile {
    if (!this.current) throw new AppError('NO_FILE', 'No database file is open');
    return this.current;
  }

  private resolve(file: string): string {
    return path.resolve(this.options.dataFolder, file);
  }

  /** Whether `file` (resolved) is the open file, by any name (a link, another spelling). */
  private isOpen(file: string): boolean {
    const open = this.current?.opened.path;
    return open !== undefined && sameFile(open, file);
  }

  /** The backups folder of a file that is not open: by the id in it, else the recent list's. */
  private backupsDirOf(file: string): string | undefined {
    const id =
      readDatabaseIdOfFile(file, this.options.nativeBinding) ??
      recentDatabaseId(this.options.dataFolder, file);
    return id ? backupsDir(this.options.dataFolder, id) : undefined;
  }

  /**
   * 恢复 of a file that is not open (one refused as damaged): the same steps as for the open
   * file (restoreClosedFile), then the file is opened in place of the open one. Refused with
   * nothing changed, and the open file still open, when the file or the backup is not there, the
   * file cannot be written, or another program has it open (FILE_IN_USE).
   */
  private restoreClosed(file: string, name: string): RestoreOutcome {
    if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file} does not exist`);
    if (pathState(file).kind === 'folder') throw notSqlite(file);
    const dir = this.backupsDirOf(file);
    if (!dir) throw notFound('Backup', name);
    const result = restoreClosedFile(file, findBackup(dir, name), {
      now: this.options.now,
      nativeBinding: this.options.nativeBinding,
    });
    return this.openRestored(file, result);
  }

  /**
   * Opens a file a restore has just swapped. Should it not open (undone back to the damaged file
   * it was), the restore stands all the same: the state says why, and `safety` is the way back.
   */
  private openRestored(file: string, result: RestoreResult): RestoreOutcome {
    const safety = result.safety?.name ?? null;
    try {
      return { state: this.replaceWith(file, {}), safety };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { state: this.state(), safety };
    }
  }

  /** Opens `file` in place of the current one: at once, or a large file for reading while it is checked. */
  private replaceWith(file: string, opts: { readOnly?: boolean; initializeEmpty?: boolean }): FileState {
    return this.checksLater(file, opts) ? this.openChecking(file) : this.openNow(file, opts);
  }

  private get latestVersion(): number {
    return (this.migrations ?? (this.defaultMigrations ??= loadMigrations())).length;
  }

  /**
   * Whether `file` opens for reading first and is checked in a thread meanwhile: a large file
   * that is at rest (no log or journal beside it, not in write-ahead-log mode: then it is read as
   * it is, nothing made beside it) and needs no upgrade. Any other file is checked before it opens.
   */
  private checksLater(file: string, opts: { readOnly?: boolean; initializeEmpty?: boolean }): boolean {
    if (opts.readOnly || opts.initializeEmpty) return false;
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size === 0 || size < (this.options.deferCheckBytes ?? DEFER_CHECK_BYTES)) return false;
    if (['-wal', '-journal'].some((side) => fs.existsSync(file + side))) return false;
    const header = readHeader(file);
    return (
      header.length >= 100 &&
      looksLikeSqlite(header) &&
      !walModeHeader(header) &&
      header.readUInt32BE(60) === this.latestVersion
    );
  }

  /**
   * A large file: opened for reading at once (every check made but quick_check, which reads the
   * whole file), with the one-writer lock held, so its first screen shows while quick_check runs
   * in a thread; writes are refused meanwhile, and nothing is written to the file. Once the check
   * passes, the file opens for writing (`checked`); should it fail, it closes, refused as damaged.
   */
  private openChecking(file: string): FileState {
    const lock = acquireWriterLock(lockTarget(file), this.options.nativeBinding);
    // Held here already, or no lock can be made beside it: the usual way says what it is.
    if (lock.kind !== 'held') {
      lock.release();
      return this.openNow(file, {});
    }
    let opened: OpenedDatabase;
    try {
      opened = openDatabase(file, {
        migrations: this.migrations,
        nativeBinding: this.options.nativeBinding,
        readOnly: true,
        quickCheck: false,
        writerLock: lock,
      });
    } catch (err) {
      lock.release();
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
      readOnly: true,
    });
    this.current = { opened, jobs, checkpoint: undefined, backups: undefined };
    this.startCheck(this.current, lock);
    this.lastError = null;
    this.remember(opened.path, readDatabaseId(opened.db));
    this.changed();
    return this.state();
  }

  /** Starts the quick_check of `open`'s file in a thread of its own; `checked` takes its answer. */
  private startCheck(open: OpenFile, lock: WriterLock): void {
    const file = open.opened.path;
    const workerData: CheckThreadData = {
      file,
      nativeBinding: this.options.nativeBinding,
      delayMs: this.options.checkDelayMs,
    };
    const thread = startThread(siblingEntry('check-thread', import.meta.url), { workerData });
    // A check that is no longer wanted (the file was closed) ends by itself; it holds nothing up.
    thread.unref();
    const checking: Checking = { lock, thread, stat: statOf(file) };
    open.checking = checking;
    let answered = false;
    const answer = (result: FromCheck) => {
      if (answered) return;
      answered = true;
      this.checked(open, checking, result);
    };
    thread.once('message', answer);
    thread.once('error', (err) => answer({ ok: false, error: toErrorData(err) }));
    thread.once('exit', (code) =>
      answer({ ok: false, error: { code: 'INTERNAL', message: `The file check ended with code ${code}` } }),
    );
  }

  /** The answer of a file's quick_check: it opens for writing, is checked again, or is refused. */
  private checked(open: OpenFile, checking: Checking, result: FromCheck): void {
    // Closed, or another file opened, meanwhile: the lock went with it.
    if (this.current !== open || open.checking !== checking) return;
    try {
      this.takeCheck(open, checking, result);
    } catch (err) {
      // Called from a thread's message: whatever went wrong is told, and nothing stays half open.
      console.error('[solo-crm] opening a checked file failed', err);
      this.closeCurrent();
      this.lastError = { ...toErrorData(err), path: open.opened.path };
      this.changed();
    }
  }

  private takeCheck(open: OpenFile, checking: Checking, result: FromCheck): void {
    const file = open.opened.path;
    if (result.ok && statOf(file) !== checking.stat) {
      // Written to by another program while it was read: what passed is not what is there now.
      this.startCheck(open, checking.lock);
      return;
    }
    if (result.ok) {
      open.checking = undefined;
      try {
        // The lock passes to the writable open, which closes this reading one once it is open.
        this.openNow(file, { writerLock: checking.lock, quickCheck: false });
      } catch {
        // Refused (the state says why): nothing stays open; the lock went with the refusal.
        this.closeCurrent();
        this.changed();
      }
      return;
    }
    this.closeCurrent();
    this.lastError = { ...result.error, path: file };
    this.changed();
  }

  private openNow(
    file: string,
    opts: { readOnly?: boolean; initializeEmpty?: boolean; writerLock?: WriterLock; quickCheck?: boolean },
  ): FileState {
    let opened: OpenedDatabase;
    // A file older than this version is copied into its backups before it is upgraded; one from
    // before database ids is filed under an id it is given once upgraded.
    let idForUpgraded: string | undefined;
    try {
      opened = openDatabase(file, {
        migrations: this.migrations,
        nativeBinding: this.options.nativeBinding,
        backupBeforeUpgrade: (db) => {
          const id = readDatabaseId(db) ?? (idForUpgraded = crypto.randomUUID());
          return backupFile(file, backupsDir(this.options.dataFolder, id), 'before-upgrade', {
            now: this.options.now,
            nativeBinding: this.options.nativeBinding,
          }).file;
        },
        ...opts,
      });
    } catch (err) {
      return this.refused(file, err);
    }
    if (idForUpgraded && !opened.readOnly) assignNewDatabaseId(opened.db, idForUpgraded);
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
    this.current = { opened, jobs, checkpoint, backups: undefined };
    // Kept in the recent list too: the file's backups are found by it should it later not open.
    let databaseId: string | null;
    if (opened.readOnly) {
      databaseId = readDatabaseId(opened.db);
    } else {
      databaseId = ensureDatabaseId(opened.db);
      const backups: Backups = {
        dir: backupsDir(this.options.dataFolder, databaseId),
        stamp: changeStamp(opened.db),
        tick: setInterval(() => this.backupIfDue('tick'), BACKUP_TICK_MS),
      };
      backups.tick.unref();
      this.current.backups = backups;
      this.backupIfDue('open');
    }
    this.lastError = null;
    this.remember(opened.path, databaseId);
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

  /** `backup` false: no backup at this close (a restore copies the file itself). */
  private closeCurrent(backup = true): void {
    const current = this.current;
    if (!current) return;
    // The backup at close reads in a thread of its own and goes on after the file is closed here.
    const closing = backup ? this.backupIfDue('close') : undefined;
    this.current = undefined;
    clearInterval(current.checkpoint);
    clearInterval(current.backups?.tick);
    current.checking?.lock.release();
    // Every other running job's thread is stopped; its transaction never commits.
    void current.jobs
      .stopAll(closing)
      .catch((err: unknown) => console.error('[solo-crm] stopping a job failed', err));
    closeDatabase(current.opened.db);
  }

  /**
   * Starts the rolling backup the schedule asks for at `event` (files/schedule.ts), as a job;
   * its id, or undefined when none is due (or the file is read-only).
   */
  private backupIfDue(event: BackupEvent): number | undefined {
    const current = this.current;
    const backups = current?.backups;
    if (!current || !backups) return undefined;
    try {
      const stamp = changeStamp(current.opened.db);
      const reason = dueBackup({
        event,
        now: this.options.now(),
        newest: listBackups(backups.dir)[0]?.time ?? null,
        changed: stamp !== backups.stamp,
      });
      if (!reason) return undefined;
      backups.stamp = stamp;
      return current.jobs.start({ kind: 'backup.create', reason }).id;
    } catch (err) {
      // A backup that cannot start now is tried again at the next tick; the file is unharmed.
      console.warn(`[solo-crm] the ${event} backup did not start`, err);
      return undefined;
    }
  }

  private info(): OpenFileInfo | null {
    if (!this.current) return null;
    const { opened, checking } = this.current;
    return {
      path: opened.path,
      name: path.basename(opened.path),
      folder: path.dirname(opened.path),
      readOnly: opened.readOnly ?? false,
      readOnlyReason: checking ? 'checking' : (opened.readOnlyReason ?? null),
      schemaVersion: opened.schemaVersion,
      sizeBytes: fs.statSync(opened.path, { throwIfNoEntry: false })?.size ?? 0,
    };
  }

  private changed(): void {
    this.options.onChange?.(this.state());
  }

  private remember(file: string, databaseId: string | null): void {
    try {
      rememberRecent(this.options.dataFolder, {
        path: file,
        openedAt: this.options.now(),
        ...(databaseId ? { databaseId } : {}),
      });
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
