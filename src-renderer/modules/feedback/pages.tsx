import { Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { id as idSchema, type Feedback } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseLookup } from '../../lib/base-data';
import { useChannelQuery } from '../../lib/queries';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackShow } from './FeedbackShow';
import { feedbackFieldRows } from './feedbackFieldRows';

/**
 * 新建服务反馈. `?customerId=<id>` (from a customer's 服务反馈 tab) presets the customer; an id
 * that is not a customer is ignored.
 */
export function FeedbackCreatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const parsed = idSchema.safeParse(Number(params.get('customerId')));
  const customerId = parsed.success ? parsed.data : null;
  const customer = useChannelQuery('customers.get', { id: customerId ?? 1 }, { enabled: customerId != null });
  if (customerId == null) return <FeedbackForm />;
  if (customer.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (customer.isError) return <FeedbackForm />;
  const c = customer.data;
  return <FeedbackForm key={c.id} customer={{ id: c.id, label: `${c.name}（${c.code}）` }} />;
}

export const FeedbackShowPage = () => (
  <RecordLoader channel="feedback.get">{(f) => <FeedbackShow key={f.id} feedback={f} />}</RecordLoader>
);

/** 修改服务反馈: an open item only; a closed one is shown read-only instead. */
function FeedbackEdit({ feedback }: { feedback: Feedback }) {
  if (feedback.status !== 'open') return <FeedbackShow feedback={feedback} />;
  return <FeedbackForm feedback={feedback} />;
}

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const FeedbackEditPage = () => (
  <RecordLoader channel="feedback.get">
    {(f) => <FeedbackEdit key={`${f.id}:${f.version}`} feedback={f} />}
  </RecordLoader>
);

function FeedbackFieldTable({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  return (
    <FieldDetailTable
      title={t('feedback.fieldTableTitle', { code: feedback.code })}
      rows={feedbackFieldRows(feedback, t, lookup)}
      actions={
        <Button component={Link} to={`/feedback/${feedback.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

/** 服务反馈字段详情表: every field, printable. */
export const FeedbackFieldTablePage = () => (
  <RecordLoader channel="feedback.get">{(f) => <FeedbackFieldTable feedback={f} />}</RecordLoader>
);
