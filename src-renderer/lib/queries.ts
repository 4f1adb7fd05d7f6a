import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelResult } from '../../src-main/contract';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { showUndoDelete, trashedBy } from './undo';

/**
 * Reads a channel through the query cache, keyed by channel and input. Lists and analyses keep
 * the previous page or figures on screen while the next ones load, so tables and charts do not flash.
 */
export function useChannelQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  opts: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    placeholderData:
      channel.endsWith('.list') || channel.startsWith('analysis.') ? keepPreviousData : undefined,
    enabled: opts.enabled,
  });
}

/**
 * Writes through a channel. A write can change what any screen shows (a new sale changes the
 * customer's tabs, the home page and the lists), so every cached read is refreshed after it.
 * A delete that moved records to the trash says so, with 撤销 to bring them back.
 */
export function useChannelMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  const { t } = useTranslation();
  return useMutation<ChannelResult<C>, Error, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    // Not awaited: the caller's own onSuccess (say, leaving a deleted record's page) runs first.
    onSuccess: (result) => {
      void client.invalidateQueries();
      const trashed = trashedBy(channel, result);
      if (trashed) showUndoDelete(t, client, trashed.kind, trashed.result);
    },
  });
}
