import { fileChannels } from '../contract';
import { AppError } from '../db/errors';
import { handlersFor } from '../ipc/handler';
import type { FileService, HandlerContext } from './context';

/** The worker's open file; a context without one (a job thread) cannot change it. */
function filesOf(ctx: HandlerContext): FileService {
  if (!ctx.files) throw new AppError('INTERNAL', 'Files are opened only by the database worker');
  return ctx.files;
}

/** file.*: which database file is open, 打开, 新建, 关闭 and 最近使用. */
export const fileHandlers = handlersFor(fileChannels, {
  'file.current': (ctx) => filesOf(ctx).state(),
  'file.open': (ctx, input) => filesOf(ctx).open(input),
  'file.new': (ctx, input) => filesOf(ctx).create(input),
  'file.close': (ctx) => filesOf(ctx).close(),
  'file.recent': (ctx) => filesOf(ctx).recent(),
  'file.forget': (ctx, input) => filesOf(ctx).forget(input),
  'file.importUpload': (ctx, input) => filesOf(ctx).importUpload(input),
});
