import { ActionIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';

/** The ids of an ordered list with the entry at `index` swapped with its neighbour above (-1) or below (1). */
export function movedIds(ids: number[], index: number, by: -1 | 1): number[] {
  const next = [...ids];
  [next[index], next[index + by]] = [next[index + by]!, next[index]!];
  return next;
}

/**
 * 上移 / 下移 for one entry of an ordered list (base data, custom fields): `onMove` gets the
 * list's ids in their new order. The labels name the entry, e.g. "上移 大客户".
 */
export function MoveButtons(props: {
  ids: number[];
  index: number;
  onMove: (ids: number[]) => void;
  upLabel: string;
  downLabel: string;
  disabled?: boolean;
}) {
  const { ids, index } = props;
  return (
    <>
      <ActionIcon
        variant="subtle"
        aria-label={props.upLabel}
        disabled={index === 0 || props.disabled}
        onClick={() => props.onMove(movedIds(ids, index, -1))}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        aria-label={props.downLabel}
        disabled={index === ids.length - 1 || props.disabled}
        onClick={() => props.onMove(movedIds(ids, index, 1))}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
    </>
  );
}
