import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  baseDataCreateInput,
  baseDataUpdateInput,
  type BaseItem,
  type BaseKind,
} from '../../../src-main/contract';
import { FormDialog } from '../../components/FormDialog';
import { NumberField, type TypedNumber } from '../../components/NumberField';
import { baseName } from '../../lib/base-data';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useChannelMutation } from '../../lib/queries';

interface Values {
  nameZh: string;
  nameEn: string;
  /** '' while the box is empty; the text as typed while it is not a number. */
  probability: TypedNumber;
}

/** What the form sends: the probability only for a stage, and null when it is left empty. */
const toInput = (kind: BaseKind, v: Values) => ({
  nameZh: v.nameZh,
  nameEn: v.nameEn,
  ...(kind === 'opportunity_stage'
    ? { probability: v.probability === '' ? null : (v.probability as number) }
    : {}),
});

/** 增加 (no `item`) or 修改 (rename, stage probability) one entry of a list, in a dialog. */
export function BaseItemDialog({
  kind,
  item,
  opened,
  onClose,
}: {
  kind: BaseKind;
  item?: BaseItem;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useChannelMutation('baseData.create');
  const update = useChannelMutation('baseData.update');
  const list = t(`baseData.kinds.${kind}`);
  const validateCreate = schemaValidator(baseDataCreateInput, t);
  const validateUpdate = schemaValidator(baseDataUpdateInput, t);
  const form = useForm<Values>({
    initialValues: {
      nameZh: item?.nameZh ?? '',
      nameEn: item?.nameEn ?? '',
      probability: item?.probability ?? '',
    },
    validate: (v) =>
      item
        ? validateUpdate({ id: item.id, ...toInput(kind, v) })
        : validateCreate({ kind, ...toInput(kind, v) }),
    ...recordFormOptions(baseDataCreateInput),
  });

  const submit = form.onSubmit((v) => {
    const handlers = {
      onSuccess: (saved: BaseItem) => {
        notifications.show({
          color: 'green',
          message: t(item ? 'baseData.updated' : 'baseData.created', {
            name: baseName(saved, i18n.language),
          }),
        });
        onClose();
      },
      onError: (err: Error) => showSaveError(t, err, form),
    };
    if (item) update.mutate({ id: item.id, ...toInput(kind, v) }, handlers);
    else create.mutate({ kind, ...toInput(kind, v) }, handlers);
  });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={
        item
          ? t('baseData.editTitle', { list, name: baseName(item, i18n.language) })
          : t('baseData.addTitle', { list })
      }
      form={form}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label={t('baseData.fields.nameZh')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('nameZh')}
      />
      <TextInput label={t('baseData.fields.nameEn')} {...form.getInputProps('nameEn')} />
      {kind === 'opportunity_stage' && (
        <NumberField
          label={t('baseData.fields.probability')}
          format={(n) => `${n}%`}
          {...form.getInputProps('probability')}
        />
      )}
      {item && (
        <Text size="sm" c="dimmed">
          {t('baseData.renameNote')}
        </Text>
      )}
    </FormDialog>
  );
}
