/**
 * Electron entry: lifecycle, the window, the menu and dialogs. No SQL and no rules here: every
 * request from the page goes to the database worker (service/host.ts), which runs the registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, shell } from 'electron';
import { createAppUrlPolicy, type AppUrlPolicy } from './app-url';
import { AppError } from './db/errors';
import { resolveDatabasePath } from './db/paths';
import { registerIpc } from './ipc/electron';
import { buildAppMenu, menuLabels } from './menu';
import { electronBinding } from './native';
import { installSecurity } from './security';
import { DatabaseHost } from './service/host';
import type { OpenedInfo } from './service/messages';
import { loadWindowState, MIN_SIZE, trackWindowState, WINDOW_STATE_FILE } from './window-state';

/** The folder of package.json when run from the source tree, app.asar when packaged. */
const appRoot = app.getAppPath();

let mainWindow: BrowserWindow | undefined;
/** The open file's database worker, and what it said of the file. */
let database: { host: DatabaseHost; opened: OpenedInfo } | undefined;

/** `--db PATH` or `--db=PATH` on the command line. */
function cliDatabasePath(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') return argv[i + 1];
    if (arg?.startsWith('--db=')) return arg.slice('--db='.length);
  }
  return undefined;
}

/** The worker stopped on its own: say so; the host is already opening the file again. */
function reportCrash(reason: string): void {
  console.error(`[solo-crm] the database worker stopped (${reason}); restarting it`);
  const t = menuLabels();
  const options = { type: 'warning' as const, title: 'Solo CRM', message: t.workerRestarted, detail: reason };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((err: unknown) => console.error('[solo-crm] crash dialog', err));
}

/** Opens the file in a database worker, or shows why the file cannot be used and returns undefined. */
async function openOrExplain(file: string): Promise<{ host: DatabaseHost; opened: OpenedInfo } | undefined> {
  const host = new DatabaseHost({
    file,
    appVersion: app.getVersion(),
    // Unpackaged runs use better-sqlite3 built for Electron (npm run rebuild:electron); a packaged
    // app carries the one electron-builder rebuilt, at the default place.
    nativeBinding: app.isPackaged ? undefined : electronBinding(appRoot),
    // The migrations ship in the app root (electron-builder.yml `files`); naming the folder
    // here keeps it right however the bundler places the db modules.
    migrationsDir: path.join(appRoot, 'migrations'),
    onCrash: reportCrash,
  });
  try {
    const opened = await host.start();
    if (opened.backupPath)
      console.info(`[solo-crm] upgraded ${file}; the earlier copy is ${opened.backupPath}`);
    return { host, opened };
  } catch (err) {
    const code = err instanceof AppError ? err.code : undefined;
    const detail = err instanceof Error ? err.message : String(err);
    // openDatabase reports any failure of `new Database()` as FILE_NOT_CRM, including an addon
    // built for the wrong ABI; that is not the file's fault, so it gets its own words.
    const addonFailed = /NODE_MODULE_VERSION|better_sqlite3\.node|did not self-register|dlopen/i.test(detail);
    let text: string;
    if (addonFailed) {
      text = '数据库组件无法加载。\nThe database engine could not be loaded.';
      if (!app.isPackaged) text += '\n\nBuild better-sqlite3 for Electron first: npm run rebuild:electron';
    } else if (code === 'FILE_TOO_NEW') {
      text =
        '这个数据文件是由更新版本的 Solo CRM 创建的，当前版本无法打开。请先升级 Solo CRM。\n' +
        'This data file was written by a newer version of Solo CRM and cannot be opened by this ' +
        'version. Please update Solo CRM first.';
    } else if (code === 'FILE_NOT_CRM') {
      text =
        '无法打开这个文件：它不是 Solo CRM 数据文件，或者已经损坏。\n' +
        'This file cannot be opened: it is not a Solo CRM data file, or it is damaged.';
    } else {
      text = '打开数据文件时出错。\nAn error occurred while opening the data file.';
    }
    console.error('[solo-crm] cannot open the database', err);
    dialog.showErrorBox('Solo CRM', `${text}\n\n${file}\n\n${detail}`);
    return undefined;
  }
}

function createWindow(policy: AppUrlPolicy): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: app.name,
    webPreferences: {
      preload: path.join(appRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  // A form with changes holds the window open (beforeunload in the renderer); Electron asks nobody,
  // so ask here: 继续编辑 keeps the window, 放弃修改 closes (or reloads) it.
  win.webContents.on('will-prevent-unload', (event) => {
    const t = menuLabels();
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: t.unsavedTitle,
      message: t.unsavedTitle,
      detail: t.unsavedText,
      buttons: [t.keepEditing, t.discard],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });

  const loaded =
    policy.entry.kind === 'url' ? win.loadURL(policy.entry.url) : win.loadFile(policy.entry.path);
  loaded.catch((err: unknown) => console.error('[solo-crm] cannot load the app page', err));
  mainWindow = win;
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function showAbout(): void {
  const t = menuLabels();
  const options = {
    type: 'info' as const,
    title: t.about,
    message: `${app.name} ${app.getVersion()}`,
    detail: [
      database ? `${database.opened.path} (schema ${database.opened.schemaVersion})` : '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((err: unknown) => console.error('[solo-crm] about dialog', err));
}

function openDataFolder(): void {
  shell
    .openPath(app.getPath('userData'))
    .then((error) => {
      if (error) console.error(`[solo-crm] cannot open the data folder: ${error}`);
    })
    .catch((err: unknown) => console.error('[solo-crm] cannot open the data folder', err));
}

/** File → Print: the page's print stylesheet leaves only the record (e.g. a field detail table). */
function printPage(): void {
  mainWindow?.webContents.print({}, (ok, reason) => {
    if (!ok && reason !== 'Print job canceled') console.error(`[solo-crm] printing failed: ${reason}`);
  });
}

/** File → Save as PDF: the current page, as printed, into a PDF file the user names. */
async function savePageAsPdf(): Promise<void> {
  const win = mainWindow;
  if (!win) return;
  const title =
    win.webContents
      .getTitle()
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .trim() || 'Solo CRM';
  const { canceled, filePath } = await dialog.showSaveDialog(win, {
    defaultPath: path.join(app.getPath('documents'), `${title}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return;
  const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: false });
  await fs.promises.writeFile(filePath, pdf);
  void shell.openPath(filePath);
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId('com.solocrm.app');

  const policy = createAppUrlPolicy(appRoot);
  installSecurity(policy);

  const databasePath = resolveDatabasePath({
    cliPath: cliDatabasePath(process.argv),
    userData: app.getPath('userData'),
  });
  database = await openOrExplain(databasePath);
  if (!database) {
    app.exit(1);
    return;
  }
  const host = database.host;
  registerIpc(() => (channel, input) => host.invoke(channel, input), policy);
  Menu.setApplicationMenu(
    buildAppMenu({
      showAbout,
      openDataFolder,
      print: printPage,
      savePdf: () =>
        void savePageAsPdf().catch((err: unknown) => console.error('[solo-crm] PDF failed', err)),
    }),
  );
  createWindow(policy);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(policy);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Solo CRM is running: it gets focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The worker closes the file (PRAGMA optimize) before the app goes.
  let closed = false;
  app.on('will-quit', (event) => {
    if (!database || closed) return;
    event.preventDefault();
    const { host } = database;
    database = undefined;
    host
      .close()
      .catch((err: unknown) => console.error('[solo-crm] closing the database failed', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  start().catch((err: unknown) => {
    console.error('[solo-crm] startup failed', err);
    dialog.showErrorBox('Solo CRM', `启动失败。\nSolo CRM could not start.\n\n${String(err)}`);
    app.exit(1);
  });
}
