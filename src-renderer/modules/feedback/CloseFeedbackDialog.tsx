import { Group, Input, Rating, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { feedbackCloseInput, type ChannelInput, type Feedback } from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { dateFieldProps, recordFormOptions } from '../../lib/forms';
import { useChannelMutation } from '../../lib/queries';

interface CloseValues {
  result: string;
  /** 0 while no star is chosen. */
  satisfaction: number;
  closedDate: string;
}

type CloseInput = ChannelInput<'feedback.close'>;

/** No star chosen is a missing satisfaction (必填), not a score of 0. */
const closeInput = (f: Feedback, v: CloseValues): CloseInput => ({
  id: f.id,
  version: f.version,
  result: v.result,
  satisfaction: v.satisfaction || (undefined as unknown as number),
  // Left empty, the main process stamps today.
  ...(v.closedDate && { closedDate: v.closedDate }),
});

/**
 * 结束服务反馈: the result (处理结果) and the customer's satisfaction, 1–5 stars, are required;
 * the closed date starts at today. Afterwards the item is read-only until it is reopened.
 */
export function CloseFeedbackDialog({
  feedback,
  opened,
  onClose,
}: {
  feedback: Feedback;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useChannelMutation('feedback.close');
  const validate = schemaValidator<CloseInput>(feedbackCloseInput, t);
  const form = useForm<CloseValues>({
    initialValues: { result: '', satisfaction: 0, closedDate: localToday() },
    validate: (values) => validate(closeInput(feedback, values)),
    ...recordFormOptions(feedbackCloseInput),
  });
  const stars = form.values.satisfaction;

  const submit = form.onSubmit((values) =>
    close.mutate(closeInput(feedback, values), {
      onSuccess: (closed) => {
        notifications.show({ color: 'green', message: t('feedback.close.done', { code: closed.code }) });
        onClose();
      },
      onError: (err) => showSaveError(t, err, form),
    }),
  );

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('feedback.close.title', { code: feedback.code })}
      size="lg"
      form={form}
      onSubmit={submit}
      saving={close.isPending}
      submitLabel={t('feedback.close.confirm')}
      submitColor="green"
    >
      <Text size="sm" c="dimmed">
        {t('feedback.close.intro')}
      </Text>
      <Textarea
        label={t('feedback.fields.result')}
        withAsterisk
        autosize
        minRows={3}
        maxRows={10}
        data-autofocus
        {...form.getInputProps('result')}
      />
      <Input.Wrapper
        labelElement="div"
        label={t('feedback.fields.satisfaction')}
        withAsterisk
        error={form.errors.satisfaction}
      >
        <Group
          gap="sm"
          mt={4}
          // Enter on a star chooses it (the Rating does that); it must not also send the form.
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        >
          <Rating
            role="radiogroup"
            aria-label={t('feedback.fields.satisfaction')}
            size="lg"
            value={stars}
            onChange={(v) => form.setFieldValue('satisfaction', v)}
            getSymbolLabel={(v) => t('feedback.satisfactionStar', { count: v })}
          />
          {stars > 0 && (
            <Text size="sm" aria-live="polite">
              {t(`feedback.satisfactionLevels.${stars}`)}
            </Text>
          )}
        </Group>
      </Input.Wrapper>
      <DateField
        label={t('feedback.fields.closedDate')}
        minDate={feedback.receivedDate}
        clearable
        {...dateFieldProps(form, 'closedDate')}
      />
    </FormDialog>
  );
}
