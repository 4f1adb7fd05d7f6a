// STUB: being written; replaced before this lands.
import { AppError } from '../db/errors';
import type { HandlerMap } from '../ipc/registry';

const todo = (): never => {
  throw new AppError('INTERNAL', 'not built yet');
};

export const activityHandlers: HandlerMap<
  | 'activities.list'
  | 'activities.get'
  | 'activities.create'
  | 'activities.update'
  | 'activities.delete'
  | 'activities.complete'
  | 'activities.reschedule'
  | 'customers.timeline'
> = {
  'activities.list': todo,
  'activities.get': todo,
  'activities.create': todo,
  'activities.update': todo,
  'activities.delete': todo,
  'activities.complete': todo,
  'activities.reschedule': todo,
  'customers.timeline': todo,
};
