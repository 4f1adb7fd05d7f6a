import { Button, Group, Modal, Stack, type ButtonProps, type ModalProps } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus, LeaveQuestion, useUnloadGuard, type GuardedForm } from '../lib/leave-guard';

/** While a dialog's form is open: closing the window with its changes asks first. */
function UnloadGuard({ form }: { form: GuardedForm }) {
  useUnloadGuard(form.isDirty);
  return null;
}

/**
 * A form in a dialog (增加联系人 on a customer's page, 基础数据's entries, 结束机会 …): 取消 /
 * 保存 at the bottom. Closing it with changes (Esc, ×, a click beside it, 取消) asks first:
 * 保存 / 放弃修改 / 继续编辑; without changes it closes at once. Esc in an open select or
 * calendar inside closes only that.
 */
export function FormDialog({
  opened,
  onClose,
  title,
  size,
  form,
  onSubmit,
  saving,
  submitLabel,
  submitColor,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  form: GuardedForm;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  saving?: boolean;
  /** The submit button's text; 保存 unless given. */
  submitLabel?: string;
  submitColor?: ButtonProps['color'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState(false);
  const requestClose = () => (form.isDirty() ? setAsking(true) : onClose());
  return (
    <Modal opened={opened} onClose={requestClose} title={title} size={size} closeOnEscape={!asking}>
      {opened && <UnloadGuard form={form} />}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={requestClose} onMouseDown={keepFocus}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={saving} color={submitColor} onMouseDown={keepFocus}>
              {submitLabel ?? t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveQuestion
        opened={asking}
        onSave={() => {
          setAsking(false);
          if (!form.validate().hasErrors) formRef.current?.requestSubmit();
        }}
        onDiscard={() => {
          setAsking(false);
          onClose();
        }}
        onKeepEditing={() => setAsking(false)}
      />
    </Modal>
  );
}
