/**
 * Electron entry: lifecycle, the window, the menu and dialogs. No SQL and no rules here: every
 * request from the page goes to the database worker (service/host.ts), which runs the registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, shell } from 'electron';
import { createAppUrlPolicy, type AppUrlPolicy } from './app-url';
import { resolveDatabasePath } from './db/paths';
import { lastOpenedFile } from './files/recent';
import { registerIpc, type NativeHandlers } from './ipc/electron';
import { buildAppMenu, menuLabels } from './menu';
import { electronBinding } from './native';
import { installSecurity } from './security';
import { DatabaseHost } from './service/host';
import type { FileState } from './contract';
import { loadWindowState, MIN_SIZE, trackWindowState, WINDOW_STATE_FILE } from './window-state';

/** The folder of package.json when run from the source tree, app.asar when packaged. */
const appRoot = app.getAppPath();

let mainWindow: BrowserWindow | undefined;
/** The database worker, and the file it has open. */
let database: { host: DatabaseHost; state: FileState } | undefined;

/** `--db PATH` or `--db=PATH` on the command line. */
function cliDatabasePath(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') return argv[i + 1];
    if (arg?.startsWith('--db=')) return arg.slice('--db='.length);
  }
  // A database file double-clicked in the file manager arrives as the last argument.
  const last = argv.at(-1);
  const isDatabase = (arg: string) => DATABASE_EXTENSIONS.includes(path.extname(arg).slice(1).toLowerCase());
  return argv.length > 1 && last && isDatabase(last) && fs.existsSync(last) ? last : undefined;
}

/** A file the system asks to open while the app runs (a double-click): the page opens it. */
function openFromOutside(file: string): void {
  focusMainWindow();
  dispatchToPage({ command: 'openPath', path: file });
}

/** The worker stopped on its own: say so; the host is already opening the file again. */
function reportCrash(reason: string): void {
  console.error(`[solo-crm] the database worker stopped (${reason}); restarting it`);
  const t = menuLabels();
  const options = { type: 'warning' as const, title: 'Solo CRM', message: t.workerRestarted, detail: reason };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((err: unknown) => console.error('[solo-crm] crash dialog', err));
}

/** The extensions the file dialogs offer for a Solo CRM database. */
const DATABASE_EXTENSIONS = ['db', 'solocrm', 'sqlite'];
/** The files 导入 reads (import/source.ts). */
const IMPORT_EXTENSIONS = ['csv', 'txt', 'tsv', 'xlsx', 'vcf'];

/** The system's Open dialog for one file of the given kind; null when the user cancelled. */
async function chooseFile(title: string, kind: string, extensions: string[]): Promise<string | null> {
  const options = { title, properties: ['openFile' as const], filters: [{ name: kind, extensions }] };
  const { canceled, filePaths } = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  return canceled ? null : (filePaths[0] ?? null);
}

/** The file dialogs and the file manager, for the page's 文件 menu (contract/native.ts). */
const nativeHandlers: NativeHandlers = {
  'native.chooseDatabase': () =>
    chooseFile(menuLabels().openDatabase, menuLabels().databaseFiles, DATABASE_EXTENSIONS),
  'native.chooseImportFile': () =>
    chooseFile(menuLabels().chooseImportFile, menuLabels().importFiles, IMPORT_EXTENSIONS),
  'native.chooseSaveLocation': async ({ suggestedName }: { suggestedName: string }) => {
    const options = {
      defaultPath: path.join(database?.state.file?.folder ?? app.getPath('documents'), suggestedName),
      filters: [{ name: menuLabels().databaseFiles, extensions: DATABASE_EXTENSIONS }],
    };
    const { canceled, filePath } = mainWindow
      ? await dialog.showSaveDialog(mainWindow, options)
      : await dialog.showSaveDialog(options);
    return canceled || !filePath ? null : filePath;
  },
  'native.showInFolder': async ({ path: file }: { path: string }) => {
    shell.showItemInFolder(file);
    return null;
  },
};

/**
 * Hands a 文件 command to the page, which carries it out exactly as from its own 文件 menu
 * (asking before leaving a form with changes, and showing what happened).
 */
function dispatchToPage(detail: { command: string; path?: string }): void {
  mainWindow?.webContents
    .executeJavaScript(
      `window.dispatchEvent(new CustomEvent('solo-crm:file', { detail: ${JSON.stringify(detail)} }))`,
    )
    .catch((err: unknown) => console.error('[solo-crm] file command', err));
}

/** The window's title: the open file's name, so the user always sees which file they work in. */
function titleFor(state: FileState): string {
  if (!state.file) return app.name;
  return `${state.file.name}${state.file.readOnly ? ` (${menuLabels().readOnly})` : ''} - ${app.name}`;
}

/**
 * Starts the database worker on `file`, or shows why the engine itself cannot start and
 * returns undefined. A file that cannot be opened is not fatal: the window shows why, with
 * 打开 and 新建.
 */
async function startDatabase(file: string): Promise<{ host: DatabaseHost; state: FileState } | undefined> {
  const host = new DatabaseHost({
    file,
    dataFolder: app.getPath('userData'),
    appVersion: app.getVersion(),
    // Unpackaged runs use better-sqlite3 built for Electron (npm run rebuild:electron); a packaged
    // app carries the one electron-builder rebuilt, at the default place.
    nativeBinding: app.isPackaged ? undefined : electronBinding(appRoot),
    // The migrations ship in the app root (electron-builder.yml `files`); naming the folder
    // here keeps it right however the bundler places the db modules.
    migrationsDir: path.join(appRoot, 'migrations'),
    onCrash: reportCrash,
    onFileChange: (state) => {
      if (database) database.state = state;
      mainWindow?.setTitle(titleFor(state));
    },
  });
  try {
    return { host, state: await host.start() };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // The worker could not load SQLite: not the file's fault, so it gets its own words.
    const addonFailed = /NODE_MODULE_VERSION|better_sqlite3\.node|did not self-register|dlopen/i.test(detail);
    let text = addonFailed
      ? '数据库组件无法加载。\nThe database engine could not be loaded.'
      : '数据库服务无法启动。\nThe database service could not start.';
    if (addonFailed && !app.isPackaged)
      text += '\n\nBuild better-sqlite3 for Electron first: npm run rebuild:electron';
    console.error('[solo-crm] cannot start the database worker', err);
    dialog.showErrorBox('Solo CRM', `${text}\n\n${detail}`);
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
    title: database ? titleFor(database.state) : app.name,
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
      database?.state.file ? `${database.state.file.path} (schema ${database.state.file.schemaVersion})` : '',
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
    lastOpened: lastOpenedFile(app.getPath('userData')),
  });
  database = await startDatabase(databasePath);
  if (!database) {
    app.exit(1);
    return;
  }
  const host = database.host;
  registerIpc(() => (channel, input) => host.invoke(channel, input), policy, nativeHandlers);
  Menu.setApplicationMenu(
    buildAppMenu({
      fileCommand: (command) => dispatchToPage({ command }),
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
  app.on('second-instance', (_event, argv) => {
    const file = cliDatabasePath(argv);
    if (file) openFromOutside(path.resolve(file));
    else focusMainWindow();
  });
  // macOS hands a double-clicked file to the running app; before the window exists, it is the one to open.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (mainWindow) openFromOutside(file);
    else process.argv.push(file);
  });
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
