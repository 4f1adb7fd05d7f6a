import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { saleCreateInput, type Sale } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { useCustomFields } from '../../lib/custom-fields';
import { showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useFormGuard } from '../../lib/leave-guard';
import { useDefaultRep } from '../../lib/settings';
import { useChannelMutation } from '../../lib/queries';
import {
  SaleInputs,
  emptySaleValues,
  saleInput,
  saleToValues,
  saleValidator,
  type SaleFormValues,
} from './SaleInputs';

/**
 * 新建销售 when `sale` is absent (for a customer, when one is given), 修改销售 when it is given.
 * Saving an edit sends every field and all lines: the lines are replaced as shown.
 */
export function SaleForm({ sale, customer }: { sale?: Sale; customer?: { id: number; label: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useChannelMutation('sales.create');
  const update = useChannelMutation('sales.update');
  const customFields = useCustomFields('sales');
  const form = useForm<SaleFormValues>({
    initialValues: sale ? saleToValues(sale) : emptySaleValues(customer?.id ?? null),
    validate: saleValidator(t, customFields),
    ...recordFormOptions(saleCreateInput),
  });
  const guard = useFormGuard(form);
  useDefaultRep(form, 'ownerId', !sale);

  const done = (saved: Sale) => {
    notifications.show({
      color: 'green',
      message: t(sale ? 'sales.updated' : 'sales.created', { code: saved.code }),
    });
    guard.leave(`/sales/${saved.id}`);
  };
  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: done, onError: (err: Error) => showSaveError(t, err, form) };
    const input = saleInput(values, customFields);
    if (sale) update.mutate({ ...input, id: sale.id, version: sale.version }, handlers);
    else create.mutate(input, handlers);
  });

  const back = sale ? `/sales/${sale.id}` : customer ? `/customers/${customer.id}?tab=sales` : '/sales';
  return (
    <FormShell
      title={sale ? t('sales.editTitle', { code: sale.code }) : t('sales.add')}
      onSubmit={submit}
      onCancel={() => void navigate(back)}
      saving={create.isPending || update.isPending}
      guard={guard}
    >
      <SaleInputs
        form={form}
        customFields={customFields}
        labels={
          sale ? { customer: sale.customerName, contact: sale.contactName } : { customer: customer?.label }
        }
      />
    </FormShell>
  );
}
