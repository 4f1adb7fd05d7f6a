import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import { formatDateTime } from '../../lib/format';

/**
 * Every field of a contact as label and value: the 基本信息 grid and the 联系人字段详情表.
 * `linkCustomer` makes the customer's name a link (on screen, not on paper).
 */
export function contactFieldRows(c: Contact, t: TFunction, linkCustomer = false): FieldRow[] {
  const label = (f: string) => t(`contacts.fields.${f}`);
  const yesNo = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  return [
    {
      label: label('customerId'),
      value: linkCustomer ? (
        <Anchor component={Link} to={`/customers/${c.customerId}`}>
          {c.customerName}
        </Anchor>
      ) : (
        c.customerName
      ),
    },
    { label: label('name'), value: c.name },
    { label: label('gender'), value: c.gender ? t(`contacts.gender.${c.gender}`) : '' },
    { label: label('title'), value: c.title },
    { label: label('department'), value: c.department },
    { label: label('phone'), value: c.phone },
    { label: label('mobile'), value: c.mobile },
    { label: label('email'), value: c.email },
    { label: label('wechat'), value: c.wechat },
    { label: label('qq'), value: c.qq },
    { label: label('birthday'), value: c.birthday },
    { label: label('address'), value: c.address },
    { label: label('isPrimary'), value: yesNo(c.isPrimary) },
    { label: label('isDecisionMaker'), value: yesNo(c.isDecisionMaker) },
    { label: label('notes'), value: c.notes },
    { label: label('createdAt'), value: formatDateTime(c.createdAt) },
    { label: label('updatedAt'), value: formatDateTime(c.updatedAt) },
  ];
}
