import { List, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';

/**
 * The confirm dialog before a delete. It names every record that will go (`items`) and says
 * what goes with them (`consequence`), so nothing disappears unexpectedly.
 */
export function confirmDelete(opts: {
  title: string;
  message: string;
  items?: string[];
  consequence?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
}) {
  modals.openConfirmModal({
    title: opts.title,
    children: (
      <>
        <Text size="sm">{opts.message}</Text>
        {opts.items && opts.items.length > 1 && (
          <List size="sm" mt="xs" mah={240} style={{ overflow: 'auto' }}>
            {opts.items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        )}
        {opts.consequence}
      </>
    ),
    labels: { confirm: opts.confirmLabel, cancel: opts.cancelLabel },
    confirmProps: { color: 'red' },
    onConfirm: opts.onConfirm,
  });
}
