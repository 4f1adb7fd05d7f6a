import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { feedbackCreateInput, type Feedback } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useFormGuard } from '../../lib/leave-guard';
import { useDefaultRep } from '../../lib/settings';
import { useChannelMutation } from '../../lib/queries';
import {
  FeedbackInputs,
  emptyFeedbackValues,
  feedbackInput,
  feedbackToValues,
  feedbackValidator,
  type FeedbackFormValues,
} from './FeedbackInputs';

/**
 * 新建服务反馈 when `feedback` is absent (for a customer, when one is given), 修改服务反馈 when it
 * is given (an open item only: the edit page shows a closed one read-only instead).
 */
export function FeedbackForm({
  feedback,
  customer,
}: {
  feedback?: Feedback;
  customer?: { id: number; label: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useChannelMutation('feedback.create');
  const update = useChannelMutation('feedback.update');
  const form = useForm<FeedbackFormValues>({
    initialValues: feedback ? feedbackToValues(feedback) : emptyFeedbackValues(customer?.id ?? null),
    validate: feedbackValidator(t),
    ...recordFormOptions(feedbackCreateInput),
  });
  const guard = useFormGuard(form);
  useDefaultRep(form, 'handlerId', !feedback);

  const done = (saved: Feedback) => {
    notifications.show({
      color: 'green',
      message: t(feedback ? 'feedback.updated' : 'feedback.created', { code: saved.code }),
    });
    guard.leave(`/feedback/${saved.id}`);
  };
  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: done, onError: (err: Error) => showSaveError(t, err, form) };
    const input = feedbackInput(values);
    if (feedback) update.mutate({ ...input, id: feedback.id, version: feedback.version }, handlers);
    else create.mutate(input, handlers);
  });

  const back = feedback
    ? `/feedback/${feedback.id}`
    : customer
      ? `/customers/${customer.id}?tab=feedback`
      : '/feedback';
  return (
    <FormShell
      title={feedback ? t('feedback.editTitle', { code: feedback.code }) : t('feedback.add')}
      onSubmit={submit}
      onCancel={() => void navigate(back)}
      saving={create.isPending || update.isPending}
      guard={guard}
    >
      <FeedbackInputs
        form={form}
        labels={
          feedback
            ? { customer: feedback.customerName, contact: feedback.contactName }
            : { customer: customer?.label }
        }
      />
    </FormShell>
  );
}
