import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Channel, ChannelResult } from '../../src-main/contract';
import { errorText } from '../lib/errors';
import { useChannelQuery } from '../lib/queries';

type GetChannel = Extract<Channel, `${string}.get`>;

/** Loads the record whose id is in the URL (`:id`) through `channel`, then renders `children`. */
export function RecordLoader<C extends GetChannel>({
  channel,
  children,
}: {
  channel: C;
  children: (record: ChannelResult<C>) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useChannelQuery(channel, { id } as never);
  if (query.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <Alert color="red" title={t('common.notFound')}>
        {errorText(t, query.error)}
      </Alert>
    );
  return <>{children(query.data as ChannelResult<C>)}</>;
}
