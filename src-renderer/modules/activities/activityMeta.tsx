import { Badge, ThemeIcon } from '@mantine/core';
import { IconMail, IconMessage, IconPhone, IconUsers, IconWalk, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../src-main/contract';

/** Each 行动 type's icon and colour, the same on the list, the timeline and the desktop. */
export const activityTypeMeta: Record<ActivityType, { icon: Icon; color: string }> = {
  call: { icon: IconPhone, color: 'blue' },
  visit: { icon: IconWalk, color: 'teal' },
  email: { icon: IconMail, color: 'grape' },
  meeting: { icon: IconUsers, color: 'orange' },
  message: { icon: IconMessage, color: 'cyan' },
};

/** An activity type as a small coloured badge with its icon. */
export function ActivityTypeBadge({ type }: { type: ActivityType }) {
  const { t } = useTranslation();
  const { icon: TypeIcon, color } = activityTypeMeta[type];
  return (
    <Badge variant="light" color={color} leftSection={<TypeIcon size={12} />}>
      {t(`activities.types.${type}`)}
    </Badge>
  );
}

/** An activity type as a round icon (the desktop's and the timeline's bullets). */
export function ActivityTypeIcon({ type, size = 28 }: { type: ActivityType; size?: number }) {
  const { t } = useTranslation();
  const { icon: TypeIcon, color } = activityTypeMeta[type];
  return (
    <ThemeIcon
      variant="light"
      color={color}
      radius="xl"
      size={size}
      role="img"
      aria-label={t(`activities.types.${type}`)}
    >
      <TypeIcon size={size * 0.6} />
    </ThemeIcon>
  );
}

/** A stored local date-time (`YYYY-MM-DDTHH:mm`) as the user reads it. */
export const formatLocalDateTime = (v: string | null | undefined): string => (v ? v.replace('T', ' ') : '');
