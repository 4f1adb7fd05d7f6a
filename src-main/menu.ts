/** The application menu. Labels follow the system language (Chinese or English). */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

const labels = {
  zh: {
    file: '文件',
    edit: '编辑',
    view: '视图',
    help: '帮助',
    quit: '退出',
    close: '关闭窗口',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    about: '关于 Solo CRM',
    openDataFolder: '打开数据文件夹',
    newDatabase: '新建数据库…',
    openDatabase: '打开数据库…',
    saveCopy: '另存副本…',
    showInFolder: '在文件夹中显示',
    backups: '备份…',
    importRecords: '导入…',
    importHistory: '导入记录',
    closeDatabase: '关闭数据库',
    databaseFiles: 'Solo CRM 数据库',
    chooseImportFile: '选择要导入的文件',
    importFiles: '表格文件（CSV、Excel）',
    print: '打印…',
    savePdf: '另存为 PDF…',
    readOnly: '只读',
    workerRestarted:
      '数据库服务意外中止，已在同一文件上重新启动。之前保存的内容都在；中止时正在进行的操作没有完成，请再试一次。',
    unsavedTitle: '有尚未保存的修改',
    unsavedText: '表单中的修改还没有保存。关闭后，刚才输入的内容将会丢失。',
    discard: '放弃修改',
    keepEditing: '继续编辑',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    quit: 'Quit',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    about: 'About Solo CRM',
    openDataFolder: 'Open Data Folder',
    newDatabase: 'New Database…',
    openDatabase: 'Open Database…',
    saveCopy: 'Save a Copy As…',
    showInFolder: 'Show in Folder',
    backups: 'Backups…',
    importRecords: 'Import…',
    importHistory: 'Import History',
    closeDatabase: 'Close Database',
    databaseFiles: 'Solo CRM databases',
    chooseImportFile: 'Choose a file to import',
    importFiles: 'Spreadsheets (CSV, Excel)',
    print: 'Print…',
    savePdf: 'Save as PDF…',
    readOnly: 'read-only',
    workerRestarted:
      'The database service stopped unexpectedly and was restarted on the same file. Everything saved before is there; the action in progress did not complete, please try again.',
    unsavedTitle: 'Unsaved changes',
    unsavedText: 'A form has changes that are not saved. If you close now, what you typed will be lost.',
    discard: 'Discard changes',
    keepEditing: 'Keep editing',
  },
};

export type MenuLabels = (typeof labels)['en'];

/** Chinese when the system prefers it, else English. Call after `app` is ready. */
export function menuLabels(): MenuLabels {
  const preferred = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  return preferred.toLowerCase().startsWith('zh') ? labels.zh : labels.en;
}

export interface MenuActions {
  /** A 文件 command, carried out by the page (the same as its own 文件 menu). */
  fileCommand: (
    command:
      'new' | 'open' | 'saveCopy' | 'showInFolder' | 'backups' | 'importRecords' | 'importHistory' | 'close',
  ) => void;
  showAbout: () => void;
  openDataFolder: () => void;
  print: () => void;
  savePdf: () => void;
}

export function buildAppMenu(actions: MenuActions, t: MenuLabels = menuLabels()): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    // macOS puts Quit in the application menu; File then closes the window, as Mac apps do.
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        { label: t.newDatabase, accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.fileCommand('new') },
        { label: t.openDatabase, accelerator: 'CmdOrCtrl+O', click: () => actions.fileCommand('open') },
        { label: t.saveCopy, click: () => actions.fileCommand('saveCopy') },
        { label: t.showInFolder, click: () => actions.fileCommand('showInFolder') },
        { label: t.backups, click: () => actions.fileCommand('backups') },
        { label: t.importRecords, click: () => actions.fileCommand('importRecords') },
        { label: t.importHistory, click: () => actions.fileCommand('importHistory') },
        { label: t.closeDatabase, click: () => actions.fileCommand('close') },
        { type: 'separator' },
        { label: t.print, accelerator: 'CmdOrCtrl+P', click: actions.print },
        { label: t.savePdf, accelerator: 'CmdOrCtrl+Shift+P', click: actions.savePdf },
        { type: 'separator' },
        isMac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.openDataFolder, click: actions.openDataFolder },
        { type: 'separator' },
        { label: t.about, click: actions.showAbout },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
