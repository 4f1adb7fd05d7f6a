/** The records' calendar arithmetic is the contract's, shared with the renderer: one module. */
export { addDays, localDate, monthStart } from '../contract/dates';
