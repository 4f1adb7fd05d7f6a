import { backupChannels } from '../contract';
import { AppError } from '../db/errors';
import { handlersFor } from '../ipc/handler';
import type { FileService, HandlerContext } from './context';

function filesOf(ctx: HandlerContext): FileService {
  if (!ctx.files) throw new AppError('INTERNAL', 'Backups are restored only by the database worker');
  return ctx.files;
}

/** backups.*: a file's backups (备份), the open one's or one that does not open, and 恢复 one. */
export const backupHandlers = handlersFor(backupChannels, {
  'backups.list': (ctx) => filesOf(ctx).backups(),
  'backups.forFile': (ctx, input) => filesOf(ctx).backupsOf(input),
  'backups.restore': (ctx, input) => filesOf(ctx).restore(input),
});
