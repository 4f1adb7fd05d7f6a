/**
 * A row's links for the check step: the cells that name another record (所属客户, 联系人, 机会)
 * found by code, else by name, as a person would look them up.
 *   - The customer: by code, else by name; one that does not exist is a reason to reject the row,
 *     or (missingLinks 'create') a customer the import makes, once per name.
 *   - The contact: one of that customer's, by name. Never made: a contact has more to it than a
 *     name, so one that is not there is a reason.
 *   - The opportunity: by code, else by title at that customer (or anywhere, for a row with no
 *     customer, such as an expense). Never made either.
 */
import type { Db } from '../db/open';
import { codeKey, nameKey } from './duplicates';
import { contactLookup, customerLookup, opportunityLookup } from './plan-index';

export type LinkField = 'customerId' | 'contactId' | 'opportunityId';

export const isLinkField = (key: string): key is LinkField =>
  key === 'customerId' || key === 'contactId' || key === 'opportunityId';

/** What a row's link cells came to. */
export interface RowLinks {
  /** The ids found, by field. */
  ids: Partial<Record<LinkField, number>>;
  /** The customer the import makes for this row (missingLinks 'create'), by its key. */
  newCustomer?: { key: string; name: string };
  /** Links that find nothing: the field and the reason. */
  missing: LinkField[];
}

/**
 * Looks up a row's link cells, by field. Built once per check from one scan of each linked
 * table, only for the links the mapping fills.
 */
export function linkFinder(
  db: Db,
  fields: ReadonlySet<string>,
  missingLinks: 'reject' | 'create',
): (texts: Partial<Record<LinkField, string>>) => RowLinks {
  const customers = fields.has('customerId') ? customerLookup(db) : null;
  const contacts = fields.has('contactId') ? contactLookup(db) : null;
  const opportunities = fields.has('opportunityId') ? opportunityLookup(db) : null;

  return (texts) => {
    const links: RowLinks = { ids: {}, missing: [] };
    const customerText = texts.customerId;
    if (customers && customerText !== undefined) {
      const found =
        customers.byCode.get(codeKey(customerText)) ?? customers.byName.get(nameKey(customerText));
      if (found !== undefined) links.ids.customerId = found;
      else if (missingLinks === 'create') {
        links.newCustomer = { key: nameKey(customerText), name: customerText };
      } else links.missing.push('customerId');
    }
    const customerId = links.ids.customerId;
    if (contacts && texts.contactId !== undefined) {
      // A customer the import makes has no contacts yet.
      const found =
        customerId === undefined ? undefined : contacts.get(`${customerId}:${nameKey(texts.contactId)}`);
      if (found !== undefined) links.ids.contactId = found;
      else links.missing.push('contactId');
    }
    if (opportunities && texts.opportunityId !== undefined) {
      const text = texts.opportunityId;
      const found =
        opportunities.byCode.get(codeKey(text)) ??
        (customerId !== undefined
          ? opportunities.byTitle.get(`${customerId}:${nameKey(text)}`)
          : customerText === undefined
            ? opportunities.byTitleAnywhere.get(nameKey(text))
            : undefined);
      if (found !== undefined) links.ids.opportunityId = found;
      else links.missing.push('opportunityId');
    }
    return links;
  };
}
