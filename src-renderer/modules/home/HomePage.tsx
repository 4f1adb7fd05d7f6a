import { Alert, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localMidnight, localToday } from '../../../src-main/contract/dates';
import { errorText } from '../../lib/errors';
import { useChannelQuery } from '../../lib/queries';
import { AnalysisCards } from './AnalysisCards';
import { ClosingSoonCard } from './ClosingSoonCard';
import { FollowUpsCard } from './FollowUpsCard';
import { OpenFeedbackCard } from './OpenFeedbackCard';
import { RecentCard } from './RecentCard';
import { SalesCard } from './SalesCard';

/**
 * 桌面: what needs doing today, which service feedback is still open, what closes soon, how sales
 * go, and what changed last.
 */
export function HomePage() {
  const { t, i18n } = useTranslation();
  // The window knows the user's local date; the main process uses it as "today".
  const today = localToday();
  const query = useChannelQuery('home.summary', { today });
  const longDate = new Intl.DateTimeFormat(i18n.language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(new Date(localMidnight(today)));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('home.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('home.greeting', { date: longDate })}
          </Text>
        </div>
      </Group>
      {query.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <Alert color="red" title={t('errors.title')}>
          {errorText(t, query.error)}
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="lg">
              <FollowUpsCard followUps={query.data.followUps} today={query.data.today} />
              <OpenFeedbackCard openFeedback={query.data.openFeedback} today={query.data.today} />
            </Stack>
            <Stack gap="lg">
              <SalesCard thisMonth={query.data.salesThisMonth} lastMonth={query.data.salesLastMonth} />
              <ClosingSoonCard opportunities={query.data.closingSoon} today={query.data.today} />
            </Stack>
          </SimpleGrid>
          <AnalysisCards />
          <RecentCard records={query.data.recent} />
        </>
      )}
    </Stack>
  );
}
