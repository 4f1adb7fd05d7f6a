import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Activity } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { useFormGuard } from '../../lib/leave-guard';
import { useDefaultRep } from '../../lib/settings';
import { ActivityInputs, useActivityForm, useSaveActivity } from './ActivityInputs';

/** 新建行动 when `activity` is absent, 修改行动 when it is given. */
export function ActivityForm({ activity }: { activity?: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useActivityForm(activity);
  const { save, saving } = useSaveActivity(activity);
  const guard = useFormGuard(form);
  useDefaultRep(form, 'ownerId', !activity);

  return (
    <FormShell
      title={activity ? t('activities.editTitle', { subject: activity.subject }) : t('activities.add')}
      onSubmit={form.onSubmit((values) =>
        save(values, form, (saved) => guard.leave(`/activities/${saved.id}`)),
      )}
      onCancel={() => void navigate(activity ? `/activities/${activity.id}` : '/activities')}
      saving={saving}
      guard={guard}
    >
      <ActivityInputs
        form={form}
        labels={
          activity && {
            customer: activity.customerName,
            contact: activity.contactName,
            opportunity: activity.opportunityTitle,
          }
        }
      />
    </FormShell>
  );
}
