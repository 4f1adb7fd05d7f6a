import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconCircleCheck,
  IconEdit,
  IconFlag,
  IconTable,
  IconTrash,
} from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Feedback } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { useBaseLookup } from '../../lib/base-data';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { CloseFeedbackDialog } from './CloseFeedbackDialog';
import { feedbackFieldRows } from './feedbackFieldRows';
import { FeedbackStatusBadge, PriorityBadge, SatisfactionStars } from './meta';
import { useDeleteFeedbackFlow } from './useDeleteFeedbackFlow';

/** The fields shown in sections of their own rather than in the 基本信息 grid. */
const ownSections = new Set(['subject', 'content', 'result', 'satisfaction', 'closedDate']);

/** One titled block of the detail page, named by its title. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Long text as written, line breaks kept; a dimmed line when there is none. */
function LongText({ text, empty }: { text: string | null; empty: string }) {
  return (
    <Text
      size="sm"
      c={text ? undefined : 'dimmed'}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {text || empty}
    </Text>
  );
}

/**
 * One 服务反馈: header, actions, 基本信息, 反馈内容 and, once closed, 处理结果 with the
 * satisfaction as stars. An open item can be edited and closed (结束服务反馈); a closed one is
 * read-only and can be reopened (重新打开).
 */
export function FeedbackShow({ feedback: f }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const [closing, setClosing] = useState(false);
  const confirmDelete = useDeleteFeedbackFlow();
  const reopen = useChannelMutation('feedback.reopen');
  const isOpen = f.status === 'open';
  const field = (name: string) => t(`feedback.fields.${name}`);

  const askReopen = () =>
    modals.openConfirmModal({
      title: t('feedback.reopenTitle'),
      children: <Text size="sm">{t('feedback.reopenConfirm', { code: f.code, subject: f.subject })}</Text>,
      labels: { confirm: t('feedback.reopen'), cancel: t('actions.cancel') },
      onConfirm: () =>
        reopen.mutate(
          { id: f.id, version: f.version },
          {
            onSuccess: (r) =>
              notifications.show({ color: 'green', message: t('feedback.reopened', { code: r.code }) }),
            onError: (err) => notifyError(t, err),
          },
        ),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/feedback"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('feedback.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{f.subject}</Title>
            <Badge variant="light">{f.code}</Badge>
            <FeedbackStatusBadge status={f.status} />
            <PriorityBadge priority={f.priority} />
            <Badge color="grape" variant="outline">
              {lookup.name(f.typeId)}
            </Badge>
          </Group>
          <Group gap="md">
            <Anchor component={Link} to={`/customers/${f.customerId}?tab=feedback`} size="sm">
              {f.customerName}
            </Anchor>
            {f.contactName && (
              <Text size="sm" c="dimmed">
                {f.contactName}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {field('receivedDate')} {f.receivedDate}
            </Text>
          </Group>
        </Stack>
        <Group>
          <Button
            component={Link}
            to={`/feedback/${f.id}/fields`}
            variant="default"
            leftSection={<IconTable size={16} />}
          >
            {t('feedback.fieldTable')}
          </Button>
          {isOpen ? (
            <>
              <Button component={Link} to={`/feedback/${f.id}/edit`} leftSection={<IconEdit size={16} />}>
                {t('feedback.edit')}
              </Button>
              <Button color="green" leftSection={<IconFlag size={16} />} onClick={() => setClosing(true)}>
                {t('feedback.close.action')}
              </Button>
            </>
          ) : (
            <Button
              variant="light"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={askReopen}
              loading={reopen.isPending}
            >
              {t('feedback.reopen')}
            </Button>
          )}
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            onClick={() => confirmDelete([f], () => void navigate('/feedback'))}
          >
            {t('feedback.delete')}
          </Button>
        </Group>
      </Group>

      {!isOpen && (
        <Alert color="green" icon={<IconCircleCheck size={18} />}>
          {t('feedback.readOnlyClosed')}
        </Alert>
      )}

      {!isOpen && (
        <Section title={t('feedback.sections.result')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mb="sm">
            <div>
              <Text size="xs" c="dimmed">
                {field('satisfaction')}
              </Text>
              <SatisfactionStars value={f.satisfaction} size="md" />
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {field('closedDate')}
              </Text>
              <Text size="sm">{f.closedDate}</Text>
            </div>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {field('result')}
          </Text>
          <LongText text={f.result} empty={t('common.none')} />
        </Section>
      )}

      <Section title={t('feedback.sections.basic')}>
        <FieldGrid rows={feedbackFieldRows(f, t, lookup, true).filter((r) => !ownSections.has(r.name))} />
      </Section>

      <Section title={t('feedback.sections.content')}>
        <LongText text={f.content} empty={t('feedback.noContent')} />
      </Section>

      {isOpen && (
        <CloseFeedbackDialog
          key={f.version}
          feedback={f}
          opened={closing}
          onClose={() => setClosing(false)}
        />
      )}
    </Stack>
  );
}
