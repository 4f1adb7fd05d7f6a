// STUB: being written; replaced before this lands.
import type { Customer } from '../../../src-main/contract';

export function CustomerOpportunitiesTab(_props: { customer: Customer }) {
  return null;
}
