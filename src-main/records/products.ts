// STUB: being written; replaced before this lands.
import { AppError } from '../db/errors';
import type { HandlerMap } from '../ipc/registry';

const todo = (): never => {
  throw new AppError('INTERNAL', 'not built yet');
};

export const productHandlers: HandlerMap<
  'products.list' | 'products.get' | 'products.create' | 'products.update' | 'products.delete'
> = {
  'products.list': todo,
  'products.get': todo,
  'products.create': todo,
  'products.update': todo,
  'products.delete': todo,
};
