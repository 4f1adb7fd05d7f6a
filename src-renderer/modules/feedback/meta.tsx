import { Badge, Group, Rating, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  feedbackPriorities,
  feedbackStatuses,
  type Feedback,
  type FeedbackStatus,
} from '../../../src-main/contract';

type Priority = Feedback['priority'];

const priorityColor: Record<Priority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
const statusColor: Record<FeedbackStatus, string> = { open: 'yellow', closed: 'green' };

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge color={priorityColor[priority]} variant={priority === 'urgent' ? 'filled' : 'light'}>
      {t(`feedback.priority.${priority}`)}
    </Badge>
  );
}

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`feedback.status.${status}`)}
    </Badge>
  );
}

/** The priorities as select options, from 低 to 紧急. */
export function usePriorityOptions() {
  const { t } = useTranslation();
  return feedbackPriorities.map((p) => ({ value: p, label: t(`feedback.priority.${p}`) }));
}

export function useStatusOptions() {
  const { t } = useTranslation();
  return feedbackStatuses.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }));
}

/** A satisfaction score as stars and words (4 → ★★★★☆ 满意), or nothing when there is none. */
export function SatisfactionStars({
  value,
  size = 'sm',
  withText = true,
}: {
  value: number | null;
  size?: 'xs' | 'sm' | 'md';
  withText?: boolean;
}) {
  const { t } = useTranslation();
  if (value == null) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Rating
        value={value}
        readOnly
        size={size}
        role="img"
        aria-label={t('feedback.satisfactionOf', { value })}
      />
      {withText && (
        <Text span size={size}>
          {t(`feedback.satisfactionLevels.${value}`)}
        </Text>
      )}
    </Group>
  );
}
