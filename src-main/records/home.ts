// STUB: being written; replaced before this lands.
import { AppError } from '../db/errors';
import type { HandlerMap } from '../ipc/registry';

const todo = (): never => {
  throw new AppError('INTERNAL', 'not built yet');
};

export const homeHandlers: HandlerMap<'home.summary'> = {
  'home.summary': todo,
};
