import type { HandlerMap } from '../ipc/handler';

export const appHandlers: HandlerMap<'app.info'> = {
  'app.info': (ctx) => ({
    version: ctx.appVersion,
    databasePath: ctx.databasePath,
    schemaVersion: ctx.schemaVersion,
  }),
};
