import type { BaseKind, Customer } from '../../../src-main/contract';
import { customerRefKinds } from '../../../src-main/contract';

/** The built-in fields a form edits; the user's own fields (`custom`) have their own inputs. */
type Editable = Exclude<keyof Customer, 'id' | 'code' | 'version' | 'createdAt' | 'updatedAt' | 'custom'>;

export type FieldSpec =
  | { name: Editable; kind: 'text' | 'long' }
  | { name: keyof typeof customerRefKinds; kind: 'base'; list: BaseKind };

const base = (name: keyof typeof customerRefKinds): FieldSpec => ({
  name,
  kind: 'base',
  list: customerRefKinds[name],
});
const text = (name: Editable): FieldSpec => ({ name, kind: 'text' });
const long = (name: Editable): FieldSpec => ({ name, kind: 'long' });

/** Every editable customer field, in the order forms, detail pages and the field table show them. */
export const customerSections: { key: 'basic' | 'contact' | 'address' | 'other'; fields: FieldSpec[] }[] = [
  {
    key: 'basic',
    fields: [
      text('name'),
      text('shortName'),
      base('typeId'),
      base('levelId'),
      base('stageId'),
      base('industryId'),
      base('sourceId'),
      base('ownerId'),
      text('creditRating'),
    ],
  },
  {
    key: 'contact',
    fields: [
      text('phone'),
      text('mobile'),
      text('fax'),
      text('email'),
      text('website'),
      text('decisionMaker'),
    ],
  },
  {
    key: 'address',
    fields: [base('regionId'), text('city'), text('areaCode'), text('postcode'), long('address')],
  },
  { key: 'other', fields: [long('products'), long('notes')] },
];

export const customerFieldSpecs = customerSections.flatMap((s) => s.fields);
