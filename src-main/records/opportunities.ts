// STUB: being written; replaced before this lands.
import { AppError } from '../db/errors';
import type { HandlerMap } from '../ipc/registry';

const todo = (): never => {
  throw new AppError('INTERNAL', 'not built yet');
};

export const opportunityHandlers: HandlerMap<
  | 'opportunities.list'
  | 'opportunities.get'
  | 'opportunities.create'
  | 'opportunities.update'
  | 'opportunities.delete'
  | 'opportunities.close'
  | 'opportunities.reopen'
  | 'opportunities.move'
  | 'opportunities.board'
> = {
  'opportunities.list': todo,
  'opportunities.get': todo,
  'opportunities.create': todo,
  'opportunities.update': todo,
  'opportunities.delete': todo,
  'opportunities.close': todo,
  'opportunities.reopen': todo,
  'opportunities.move': todo,
  'opportunities.board': todo,
};
