import { jobChannels } from '../contract';
import { AppError } from '../db/errors';
import { handlersFor } from '../ipc/handler';
import type { HandlerContext, JobRunner } from './context';

/** The open file's jobs; a context without them (a job thread itself) cannot start one. */
function jobsOf(ctx: HandlerContext): JobRunner {
  if (!ctx.jobs) throw new AppError('INTERNAL', 'Jobs run only from the database worker');
  return ctx.jobs;
}

/** jobs.*: long work (清空回收站, the rollup rebuild, an export's pages) started, watched, cancelled. */
export const jobHandlers = handlersFor(jobChannels, {
  'jobs.start': (ctx, input) => jobsOf(ctx).start(input),
  'jobs.get': (ctx, input) => jobsOf(ctx).get(input.id),
  'jobs.cancel': (ctx, input) => jobsOf(ctx).cancel(input.id),
});
