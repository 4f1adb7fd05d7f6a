import { Alert, Group, Radio, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { opportunityCloseInput, type ChannelInput, type Opportunity } from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { dateFieldProps } from '../../lib/forms';
import { formatMoney } from '../../lib/money';
import { useChannelMutation } from '../../lib/queries';

interface CloseValues {
  outcome: 'won' | 'lost';
  saleDate: string;
  lostReason: string;
}

type CloseInput = ChannelInput<'opportunities.close'>;

const closeInput = (o: Opportunity, v: CloseValues): CloseInput =>
  v.outcome === 'won'
    ? { id: o.id, version: o.version, outcome: 'won', saleDate: v.saleDate }
    : { id: o.id, version: o.version, outcome: 'lost', lostReason: v.lostReason };

/**
 * 结束机会(转为销售): 赢单 makes one sale with the same lines (on the chosen date); 输单 needs a
 * reason. Either way the opportunity stays, read-only.
 */
export function CloseOpportunityDialog({
  opportunity,
  opened,
  onClose,
}: {
  opportunity: Opportunity;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const close = useChannelMutation('opportunities.close');
  const validate = schemaValidator<CloseInput>(opportunityCloseInput, t);
  const form = useForm<CloseValues>({
    initialValues: { outcome: 'won', saleDate: localToday(), lostReason: '' },
    validate: (values) => validate(closeInput(opportunity, values)),
  });
  const total = opportunity.lines.reduce((sum, l) => sum + l.amount, 0);

  const submit = form.onSubmit((values) =>
    close.mutate(closeInput(opportunity, values), {
      onSuccess: ({ saleId }) => {
        notifications.show({
          color: 'green',
          message: saleId != null ? t('opportunities.close.wonDone') : t('opportunities.close.lostDone'),
        });
        onClose();
      },
      onError: (err) => showSaveError(t, err, form),
    }),
  );

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('opportunities.close.title', { title: opportunity.title })}
      size="lg"
      form={form}
      onSubmit={submit}
      saving={close.isPending}
      submitLabel={t('opportunities.close.confirm')}
      submitColor={form.values.outcome === 'won' ? 'green' : 'gray'}
    >
      <Radio.Group label={t('opportunities.close.outcome')} {...form.getInputProps('outcome')}>
        <Group mt="xs">
          <Radio value="won" label={t('opportunities.close.won')} />
          <Radio value="lost" label={t('opportunities.close.lost')} />
        </Group>
      </Radio.Group>
      {form.values.outcome === 'won' ? (
        <>
          <DateField
            label={t('opportunities.close.saleDate')}
            withAsterisk
            {...dateFieldProps(form, 'saleDate')}
          />
          <Alert color="green">
            <Text size="sm">{t('opportunities.close.wonNote')}</Text>
            <Text size="sm" c="dimmed">
              {t('opportunities.close.wonSummary', {
                count: opportunity.lines.length,
                total: formatMoney(total, i18n.language),
              })}
            </Text>
          </Alert>
        </>
      ) : (
        <Textarea
          label={t('opportunities.close.lostReason')}
          withAsterisk
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('lostReason')}
        />
      )}
    </FormDialog>
  );
}
