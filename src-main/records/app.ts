import { appChannels } from '../contract';
import { handlersFor } from '../ipc/handler';

export const appHandlers = handlersFor(appChannels, {
  'app.info': (ctx) => ({
    version: ctx.appVersion,
    databasePath: ctx.databasePath,
    schemaVersion: ctx.schemaVersion,
  }),
});
