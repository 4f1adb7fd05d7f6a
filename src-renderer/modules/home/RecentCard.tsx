import { Anchor, Button, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import {
  IconAddressBook,
  IconBuilding,
  IconBulb,
  IconCalendarEvent,
  IconCoin,
  IconHistory,
  IconMessageReport,
  IconPackage,
  IconPlus,
  IconReceipt,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecentRecord } from '../../../src-main/contract';
import { formatDateTime } from '../../lib/format';
import { EmptyState, HomeCard } from './HomeCard';

const kinds: Record<RecentRecord['kind'], { icon: Icon; color: string; path: string }> = {
  customer: { icon: IconBuilding, color: 'blue', path: 'customers' },
  contact: { icon: IconAddressBook, color: 'cyan', path: 'contacts' },
  product: { icon: IconPackage, color: 'grape', path: 'products' },
  opportunity: { icon: IconBulb, color: 'yellow', path: 'opportunities' },
  sale: { icon: IconReceipt, color: 'indigo', path: 'sales' },
  activity: { icon: IconCalendarEvent, color: 'teal', path: 'activities' },
  feedback: { icon: IconMessageReport, color: 'orange', path: 'feedback' },
  expense: { icon: IconCoin, color: 'lime', path: 'expenses' },
};

/** 最近修改: the ten records touched last, each a link to its page. */
export function RecentCard({ records }: { records: RecentRecord[] }) {
  const { t } = useTranslation();
  return (
    <HomeCard
      icon={IconHistory}
      color="gray"
      title={t('home.recent.title')}
      subtitle={t('home.recent.subtitle')}
    >
      {records.length === 0 ? (
        <EmptyState
          icon={IconHistory}
          title={t('home.recent.empty')}
          hint={t('home.recent.emptyHint')}
          action={
            <Button
              component={Link}
              to="/customers/new"
              variant="light"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
            >
              {t('home.recent.addCustomer')}
            </Button>
          }
        />
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="xs"
          verticalSpacing={6}
          role="list"
          aria-label={t('home.recent.title')}
        >
          {records.map((r) => {
            const { icon: KindIcon, color, path } = kinds[r.kind];
            return (
              <Group key={`${r.kind}-${r.id}`} role="listitem" gap="sm" wrap="nowrap">
                <ThemeIcon size={30} radius="md" variant="light" color={color}>
                  <KindIcon size={17} />
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/${path}/${r.id}`} size="sm" fw={500} lineClamp={1}>
                    {r.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`home.recent.kind.${r.kind}`)} · {formatDateTime(r.updatedAt)}
                  </Text>
                </div>
              </Group>
            );
          })}
        </SimpleGrid>
      )}
    </HomeCard>
  );
}
