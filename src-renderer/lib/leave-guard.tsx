import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBeforeUnload, useBlocker, useNavigate, type Blocker } from 'react-router';

/**
 * For a form's 保存 / 取消 buttons: pressing one leaves the focus in the field, so that field's
 * check (on leaving it) cannot show a message that moves the button away mid-click; 保存 checks
 * every field anyway.
 */
export const keepFocus = (event: MouseEvent) => event.preventDefault();

/** What a guard needs of a Mantine form. */
export interface GuardedForm {
  isDirty: () => boolean;
  validate: () => { hasErrors: boolean };
}

export interface FormGuard {
  /** A route change held back because the form has changes; `state` is 'blocked' while it is. */
  blocker: Blocker;
  /** After a save: go where the user was going when they chose 保存 in the question, else to `to`. */
  leave: (to: string) => void;
  /** 保存 in the question: check the form, then submit it; the save's own `leave` goes on. */
  saveThenLeave: (submit: () => void) => void;
}

/** Every mounted form's "has changes?" question (FormShell pages and FormDialogs alike). */
const workHolders = new Set<{ current: () => boolean }>();

/**
 * Whether any form on screen holds typed work that is not saved: asked before something that
 * would throw every screen away, such as opening another database file.
 */
export const holdsUnsavedWork = (): boolean => [...workHolders].some((holder) => holder.current());

/**
 * While true, a form page's route guard lets every route change through: the user has already
 * answered 放弃修改 to a question about all open forms.
 */
let discardingAll = false;

/** Runs `leave` (a route change, say) with every form's guard down: their work is given up. */
export async function leaveDiscardingWork(leave: () => unknown): Promise<void> {
  discardingAll = true;
  try {
    await leave();
  } finally {
    discardingAll = false;
  }
}

/**
 * Closing or reloading the window while `holdsWork()` asks first: the browser's own question,
 * or in the desktop app Electron's (main.ts answers will-prevent-unload). The form is also
 * counted by `holdsUnsavedWork` while it is mounted.
 */
export function useUnloadGuard(holdsWork: () => boolean) {
  const holder = useRef(holdsWork);
  useEffect(() => {
    holder.current = holdsWork;
  });
  useEffect(() => {
    const entry = holder;
    workHolders.add(entry);
    return () => {
      workHolders.delete(entry);
    };
  }, []);
  useBeforeUnload((event) => {
    if (!holdsWork()) return;
    event.preventDefault();
    // Older engines (and Electron) look at returnValue.
    event.returnValue = '';
  });
}

/**
 * Typed work is never thrown away by leaving: while the form has changes, a route change (a tab,
 * Esc, 取消, back) waits for the user's answer, and closing or reloading the window asks the
 * browser's (or Electron's) question. A form without changes leaves at once. One form page at a
 * time holds the router's one blocker.
 */
export function useFormGuard(form: GuardedForm): FormGuard {
  const navigate = useNavigate();
  const leaving = useRef(false);
  const afterSave = useRef<string | null>(null);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !leaving.current &&
      !discardingAll &&
      currentLocation.pathname !== nextLocation.pathname &&
      form.isDirty(),
  );
  useUnloadGuard(() => !leaving.current && form.isDirty());
  return {
    blocker,
    leave: (to) => {
      leaving.current = true;
      void navigate(afterSave.current ?? to);
    },
    saveThenLeave: (submit) => {
      const target = blocker.location;
      blocker.reset?.();
      if (form.validate().hasErrors) return;
      if (target) afterSave.current = target.pathname + target.search;
      submit();
    },
  };
}

/**
 * The question before typed work would be lost: 保存 / 放弃修改 / 继续编辑. Esc, the close button
 * and a click beside it keep editing. Without `onSave` (the work is in forms this question cannot
 * save, such as before opening another file) it offers 放弃修改 / 继续编辑, with its own `text`.
 */
export function LeaveQuestion({
  opened,
  onSave,
  onDiscard,
  onKeepEditing,
  text,
}: {
  opened: boolean;
  onSave?: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
  text?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onKeepEditing} title={t('leave.title')} zIndex={400} centered>
      <Text size="sm">{text ?? t('leave.text')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onKeepEditing} data-autofocus>
          {t('leave.keepEditing')}
        </Button>
        <Button variant="light" color="red" onClick={onDiscard}>
          {t('leave.discard')}
        </Button>
        {onSave && <Button onClick={onSave}>{t('actions.save')}</Button>}
      </Group>
    </Modal>
  );
}

/** The question for a route change that a FormGuard holds back. */
export function BlockedLeaveQuestion({ guard, submit }: { guard: FormGuard; submit: () => void }) {
  const { blocker } = guard;
  return (
    <LeaveQuestion
      opened={blocker.state === 'blocked'}
      onSave={() => guard.saveThenLeave(submit)}
      onDiscard={() => blocker.proceed?.()}
      onKeepEditing={() => blocker.reset?.()}
    />
  );
}
