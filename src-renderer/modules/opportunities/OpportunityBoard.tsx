import { Anchor, Badge, Group, Loader, Paper, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpportunityBoard as Board, OpportunityRow } from '../../../src-main/contract';
import { useBaseLookup } from '../../lib/base-data';
import { notifyError } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { useChannelMutation, useChannelQuery } from '../../lib/queries';

/** What a dragged card carries: its id, under a type of our own so other drops are ignored. */
const DRAG_TYPE = 'application/x-solo-crm-opportunity';

type Column = Board['columns'][number];

/**
 * The pipeline board: a column per open stage with its count and amount, and the open
 * opportunities as cards. Dragging a card to another column moves it to that stage; each card
 * also has a "移到阶段…" picker, for the keyboard and for screen readers.
 */
export function OpportunityBoard({ ownerId, customerId }: { ownerId?: number; customerId?: number }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const board = useChannelQuery('opportunities.board', { ownerId, customerId });
  const move = useChannelMutation('opportunities.move');
  const [target, setTarget] = useState<number | null>(null);

  if (!board.data) return <Loader role="status" aria-label={t('common.loading')} />;
  const columns = board.data.columns;
  const stageOptions = columns.map((c) => ({ value: String(c.stageId), label: lookup.name(c.stageId) }));

  const moveCard = (card: OpportunityRow, stageId: number) => {
    if (card.stageId === stageId) return;
    move.mutate(
      { id: card.id, version: card.version, stageId },
      {
        onSuccess: (o) =>
          notifications.show({
            color: 'green',
            message: t('opportunities.board.moved', { title: o.title, stage: lookup.name(stageId) }),
          }),
        onError: (err) => notifyError(t, err),
      },
    );
  };

  const drop = (e: DragEvent, column: Column) => {
    e.preventDefault();
    setTarget(null);
    const id = Number(e.dataTransfer.getData(DRAG_TYPE));
    const card = columns.flatMap((c) => c.cards).find((c) => c.id === id);
    if (card) moveCard(card, column.stageId);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('opportunities.board.dragHint')}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Group
          align="flex-start"
          wrap="nowrap"
          gap="sm"
          role="list"
          aria-label={t('opportunities.board.label')}
        >
          {columns.map((column) => {
            const stage = lookup.name(column.stageId);
            return (
              <Paper
                key={column.stageId}
                role="listitem"
                aria-label={t('opportunities.board.column', {
                  stage,
                  count: column.count,
                  amount: formatMoney(column.amount, i18n.language),
                })}
                withBorder
                p="xs"
                w={280}
                miw={280}
                bg={
                  target === column.stageId
                    ? 'var(--mantine-color-blue-light)'
                    : 'var(--mantine-color-default-hover)'
                }
                onDragOver={(e) => {
                  if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setTarget(column.stageId);
                }}
                onDragLeave={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setTarget(null);
                }}
                onDrop={(e) => drop(e, column)}
              >
                <Stack gap={6} mb="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{stage}</Text>
                    <Badge variant="light">{t('opportunities.board.count', { count: column.count })}</Badge>
                  </Group>
                  <Text size="sm" fw={500}>
                    {formatMoney(column.amount, i18n.language)}
                  </Text>
                </Stack>
                <Stack gap="xs" mih={80}>
                  {column.cards.length === 0 && (
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t('opportunities.board.empty')}
                    </Text>
                  )}
                  {column.cards.map((card) => (
                    <BoardCard
                      key={card.id}
                      card={card}
                      stageOptions={stageOptions.filter((o) => o.value !== String(card.stageId))}
                      onMove={(stageId) => moveCard(card, stageId)}
                    />
                  ))}
                  {column.count > column.cards.length && (
                    <Text size="xs" c="dimmed" ta="center">
                      {t('opportunities.board.more', { count: column.count - column.cards.length })}
                    </Text>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Group>
      </ScrollArea>
    </Stack>
  );
}

function BoardCard({
  card,
  stageOptions,
  onMove,
}: {
  card: OpportunityRow;
  stageOptions: { value: string; label: string }[];
  onMove: (stageId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper
      component="article"
      aria-label={card.title}
      withBorder
      shadow="xs"
      p="xs"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, String(card.id));
        e.dataTransfer.setData('text/plain', card.title);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: 'grab' }}
    >
      <Anchor component={Link} to={`/opportunities/${card.id}`} size="sm" fw={500} draggable={false}>
        {card.title}
      </Anchor>
      <Text size="xs" c="dimmed" truncate>
        {card.customerName}
      </Text>
      <Group justify="space-between" mt={4} wrap="nowrap">
        <Text size="sm">{formatMoney(card.expectedAmount, i18n.language)}</Text>
        <Text size="xs" c="dimmed">
          {card.expectedCloseDate ?? ''}
        </Text>
      </Group>
      <Select
        mt={6}
        size="xs"
        aria-label={t('opportunities.board.moveLabel', { title: card.title })}
        placeholder={t('opportunities.board.moveTo')}
        data={stageOptions}
        value={null}
        onChange={(v) => v && onMove(Number(v))}
        comboboxProps={{ withinPortal: true }}
      />
    </Paper>
  );
}
