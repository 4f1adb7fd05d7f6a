import { Checkbox, Select, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  customFieldCreateInput,
  customFieldTypes,
  customFieldUpdateInput,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
} from '../../../src-main/contract';
import { FormDialog } from '../../components/FormDialog';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useChannelMutation } from '../../lib/queries';

interface Values {
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  showInList: boolean;
}

const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';

/** What a save sends: options only for a choice field. */
const toInput = (v: Values) => ({
  label: v.label,
  options: hasOptions(v.type) ? v.options : [],
  required: v.required,
  showInList: v.showInList,
});

/** 增加字段 (no `field`) or 修改 one field, in a dialog. The type is chosen once, when the field is added. */
export function CustomFieldDialog({
  entity,
  field,
  onClose,
}: {
  entity: CustomFieldEntity;
  field?: CustomField;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useChannelMutation('customFields.create');
  const update = useChannelMutation('customFields.update');
  const entityName = t(`customFields.entities.${entity}`);
  const validateCreate = schemaValidator(customFieldCreateInput, t);
  const validateUpdate = schemaValidator(customFieldUpdateInput, t);
  const form = useForm<Values>({
    initialValues: {
      label: field?.label ?? '',
      type: field?.type ?? 'text',
      options: field?.options ?? [],
      required: field?.required ?? false,
      showInList: field?.showInList ?? false,
    },
    validate: (v) => ({
      ...(field
        ? validateUpdate({ id: field.id, version: field.version, ...toInput(v) })
        : validateCreate({ entity, type: v.type, ...toInput(v) })),
      ...(hasOptions(v.type) && v.options.length === 0 ? { options: t('customFields.optionsRequired') } : {}),
    }),
    ...recordFormOptions(field ? customFieldUpdateInput : customFieldCreateInput),
  });

  const submit = form.onSubmit((v) => {
    const handlers = {
      onSuccess: (saved: CustomField) => {
        notifications.show({
          color: 'green',
          message: t(field ? 'customFields.updated' : 'customFields.created', { label: saved.label }),
        });
        onClose();
      },
      onError: (err: Error) => showSaveError(t, err, form),
    };
    if (field) update.mutate({ id: field.id, version: field.version, ...toInput(v) }, handlers);
    else create.mutate({ entity, type: v.type, ...toInput(v) }, handlers);
  });

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={
        field
          ? t('customFields.editTitle', { entity: entityName, label: field.label })
          : t('customFields.addTitle', { entity: entityName })
      }
      form={form}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label={t('customFields.fields.label')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('label')}
      />
      <Select
        label={t('customFields.fields.type')}
        data={customFieldTypes.map((type) => ({ value: type, label: t(`customFields.types.${type}`) }))}
        value={form.values.type}
        onChange={(v) => v && form.setFieldValue('type', v as CustomFieldType)}
        allowDeselect={false}
        disabled={!!field}
        description={t('customFields.typeFixed')}
        error={form.errors.type}
      />
      {hasOptions(form.values.type) && (
        <TagsInput
          label={t('customFields.fields.options')}
          description={t('customFields.optionsHint')}
          withAsterisk
          splitChars={[',', '，', '、']}
          clearable
          {...form.getInputProps('options')}
        />
      )}
      <Checkbox
        label={t('customFields.fields.required')}
        description={t('customFields.requiredHint')}
        {...form.getInputProps('required', { type: 'checkbox' })}
      />
      <Checkbox
        label={t('customFields.fields.showInList')}
        description={t('customFields.showInListHint', { entity: entityName })}
        {...form.getInputProps('showInList', { type: 'checkbox' })}
      />
    </FormDialog>
  );
}
