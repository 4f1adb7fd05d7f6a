// STUB: being written; replaced before this lands.
import type { Customer } from '../../../src-main/contract';

export function CustomerContactsTab(_props: { customer: Customer }) {
  return null;
}
