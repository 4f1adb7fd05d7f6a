import { Button, Group, Stack, Title } from '@mantine/core';
import { useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockedLeaveQuestion, keepFocus, type FormGuard } from '../lib/leave-guard';

/**
 * Whether an Esc belongs to something open inside the form (a select's options, a calendar):
 * Mantine marks such a control with data-mantine-stop-propagation while it is open, and closes
 * it on the same key. Read before React re-renders, so the mark is still there.
 */
export const escapeClosesPopup = (target: EventTarget | null) =>
  target instanceof Element &&
  (target.closest('[data-mantine-stop-propagation="true"]') !== null ||
    target.getAttribute('aria-expanded') === 'true');

/**
 * Esc in `form` leaves it (`onCancel`), unless the key closes something open inside it, or comes
 * from a dialog shown over it (React passes a portal's keys up to its parent).
 */
export function escapeLeaves(event: KeyboardEvent<HTMLElement>): boolean {
  return (
    event.key === 'Escape' &&
    !event.defaultPrevented &&
    !event.nativeEvent.isComposing &&
    event.currentTarget.contains(event.target as Node) &&
    !escapeClosesPopup(event.target)
  );
}

/**
 * A record form's frame: title, 保存 / 取消, and Esc to cancel. With `guard`, leaving a form
 * with changes (取消, Esc, a tab, back) asks first: 保存 / 放弃修改 / 继续编辑.
 */
export function FormShell(props: {
  title: string;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  guard: FormGuard;
  saving?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={formRef}
      onSubmit={props.onSubmit}
      onKeyDown={(e) => escapeLeaves(e) && props.onCancel()}
      noValidate
    >
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{props.title}</Title>
          <Group>
            <Button variant="default" onClick={props.onCancel} onMouseDown={keepFocus}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={props.saving} onMouseDown={keepFocus}>
              {t('actions.save')}
            </Button>
          </Group>
        </Group>
        {props.children}
      </Stack>
      <BlockedLeaveQuestion guard={props.guard} submit={() => formRef.current?.requestSubmit()} />
    </form>
  );
}
