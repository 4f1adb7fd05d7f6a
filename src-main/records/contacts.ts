// STUB: being written; replaced before this lands.
import { AppError } from '../db/errors';
import type { HandlerMap } from '../ipc/registry';

const todo = (): never => {
  throw new AppError('INTERNAL', 'not built yet');
};

export const contactHandlers: HandlerMap<
  'contacts.list' | 'contacts.get' | 'contacts.create' | 'contacts.update' | 'contacts.delete'
> = {
  'contacts.list': todo,
  'contacts.get': todo,
  'contacts.create': todo,
  'contacts.update': todo,
  'contacts.delete': todo,
};
