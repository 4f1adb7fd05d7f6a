import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo, JobKind, JobResults, JobStartInput } from '../../src-main/contract';
import { ApiError, call } from '../api';
import { errorText } from './errors';

/** How often a running job is asked how far it is. */
const POLL_MS = 250;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A running job's line: its step, a bar (moving while the amount is not known yet) and 取消. */
function JobProgress({ job, t, onCancel }: { job: JobInfo; t: TFunction; onCancel: () => void }) {
  const known = job.total > 0;
  const percent = known ? Math.min(100, (job.done / job.total) * 100) : 100;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{t(`jobs.phases.${job.phase}`, { defaultValue: job.phase })}</Text>
        {known && (
          <Text size="xs" c="dimmed">
            {t('jobs.of', { done: job.done.toLocaleString(), total: job.total.toLocaleString() })}
          </Text>
        )}
      </Group>
      <Progress
        value={percent}
        animated={!known}
        striped={!known}
        aria-label={t(`jobs.phases.${job.phase}`, { defaultValue: job.phase })}
      />
      <Group justify="flex-end">
        <Button size="compact-xs" variant="default" onClick={onCancel}>
          {t('jobs.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export interface RunJobOptions<K extends JobKind> {
  /** What the notice calls the work: 清空回收站, 导出客户管理 … */
  title: string;
  /** The notice at the end; none when the caller says the outcome itself. */
  doneMessage?: (result: JobResults[K]) => string;
  /** A refusal in the caller's own words (a copy's path taken …); errors.* otherwise. */
  failureText?: (err: unknown) => string | undefined;
}

/**
 * Runs long work as a job and shows it: a notice with its progress and 取消 while it runs, then
 * its result or its error in the user's language. Resolves with the result, or null when it was
 * cancelled (the database is then as it was) or failed. Every cached read is refreshed after a
 * job that finished, as after any write.
 */
export function useJobRunner() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useCallback(
    async <K extends JobKind>(
      input: Extract<JobStartInput, { kind: K }>,
      options: RunJobOptions<K>,
    ): Promise<JobResults[K] | null> => {
      const failure = (err: unknown) => options.failureText?.(err) ?? errorText(t, err);
      let job: JobInfo;
      try {
        job = await call('jobs.start', input);
      } catch (err) {
        notifications.show({ color: 'red', title: options.title, message: failure(err) });
        return null;
      }
      const id = `job-${job.id}`;
      let cancelling = false;
      const cancel = () => {
        cancelling = true;
        void call('jobs.cancel', { id: job.id }).catch(() => undefined);
      };
      const show = (current: JobInfo) =>
        cancelling ? (
          <Text size="sm">{t('jobs.cancelling')}</Text>
        ) : (
          <JobProgress job={current} t={t} onCancel={cancel} />
        );
      notifications.show({
        id,
        title: options.title,
        message: show(job),
        autoClose: false,
        withCloseButton: false,
      });
      try {
        while (job.state === 'running') {
          await sleep(POLL_MS);
          job = await call('jobs.get', { id: job.id });
          notifications.update({ id, title: options.title, message: show(job) });
        }
      } catch (err) {
        notifications.update({
          id,
          color: 'red',
          title: options.title,
          message: failure(err),
          autoClose: 8000,
        });
        return null;
      }
      const end = { id, title: options.title, withCloseButton: true, autoClose: 5000 };
      if (job.state === 'done') {
        void client.invalidateQueries();
        const result = job.result as JobResults[K];
        if (options.doneMessage)
          notifications.update({ ...end, color: 'green', message: options.doneMessage(result) });
        else notifications.hide(id);
        return result;
      }
      if (job.state === 'cancelled') notifications.update({ ...end, message: t('jobs.cancelled') });
      else
        notifications.update({
          ...end,
          color: 'red',
          autoClose: 8000,
          message: job.error ? `${t('jobs.failed')}：${failure(new ApiError(job.error))}` : t('jobs.failed'),
        });
      return null;
    },
    [t, client],
  );
}
