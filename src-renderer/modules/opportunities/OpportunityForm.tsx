import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { opportunityCreateInput, type Opportunity } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { useCustomFields } from '../../lib/custom-fields';
import { showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useFormGuard } from '../../lib/leave-guard';
import { useDefaultRep } from '../../lib/settings';
import { useChannelMutation } from '../../lib/queries';
import {
  OpportunityInputs,
  emptyOpportunityValues,
  opportunityInput,
  opportunityToValues,
  opportunityValidator,
  type OpportunityFormValues,
} from './OpportunityInputs';
import { useStages } from './stages';

/**
 * 增加机会 when `opportunity` is absent (optionally for a given customer), 修改机会 when it is
 * given. Only an open opportunity is edited; a closed one is read-only.
 */
export function OpportunityForm({
  opportunity,
  customer,
}: {
  opportunity?: Opportunity;
  customer?: { id: number; label: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stages = useStages();
  const create = useChannelMutation('opportunities.create');
  const update = useChannelMutation('opportunities.update');
  const customFields = useCustomFields('opportunities');
  const form = useForm<OpportunityFormValues>({
    initialValues: opportunity
      ? opportunityToValues(opportunity)
      : emptyOpportunityValues(customer?.id ?? null, stages.open[0]),
    validate: opportunityValidator(t, customFields),
    ...recordFormOptions(opportunityCreateInput),
  });
  const guard = useFormGuard(form);
  useDefaultRep(form, 'ownerId', !opportunity);

  const done = (saved: Opportunity) => {
    notifications.show({
      color: 'green',
      message: opportunity
        ? t('opportunities.updated', { title: saved.title })
        : t('opportunities.created', { title: saved.title, code: saved.code }),
    });
    guard.leave(`/opportunities/${saved.id}`);
  };
  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: done, onError: (err: Error) => showSaveError(t, err, form) };
    const input = opportunityInput(values, customFields);
    if (opportunity) update.mutate({ ...input, id: opportunity.id, version: opportunity.version }, handlers);
    else create.mutate(input, handlers);
  });

  const back = opportunity
    ? `/opportunities/${opportunity.id}`
    : customer
      ? `/customers/${customer.id}?tab=opportunities`
      : '/opportunities';
  return (
    <FormShell
      title={
        opportunity ? t('opportunities.editTitle', { title: opportunity.title }) : t('opportunities.add')
      }
      onSubmit={submit}
      onCancel={() => void navigate(back)}
      saving={create.isPending || update.isPending}
      guard={guard}
    >
      <OpportunityInputs
        form={form}
        customFields={customFields}
        labels={
          opportunity
            ? { customer: opportunity.customerName, contact: opportunity.contactName }
            : { customer: customer?.label }
        }
      />
    </FormShell>
  );
}
