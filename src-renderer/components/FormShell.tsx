import { Button, Group, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A record form's frame: title, 保存 / 取消, and Esc to cancel. */
export function FormShell(props: {
  title: string;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  saving?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={props.onSubmit} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{props.title}</Title>
          <Group>
            <Button variant="default" onClick={props.onCancel}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={props.saving}>
              {t('actions.save')}
            </Button>
          </Group>
        </Group>
        {props.children}
      </Stack>
    </form>
  );
}
