import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportMapping, ImportPreview } from '../../../src-main/contract';
import type { RecordKind } from './ChooseStep';
import { fieldLabel } from './words';

export interface ImportOptions {
  duplicates: 'skip' | 'update' | 'create';
  missingLinks: 'reject' | 'create';
  dayMonthOrder?: 'dmy' | 'mdy';
}

/** The select's value for a column that is not imported (a field key never starts with _). */
const SKIP = '_skip';

/** Required fields that neither a column nor a fixed value fills. */
export function missingRequired(
  fields: ImportField[],
  mapping: ImportMapping,
  fixed: Record<string, string>,
): ImportField[] {
  return fields.filter((f) => f.required && !mapping.includes(f.key) && !(fixed[f.key] ?? '').trim());
}

/** A few of the column's values, to see what it holds. */
function samples(preview: ImportPreview, column: number): string[] {
  const values = preview.rows.map((r) => r[column]?.trim() ?? '').filter((v) => v !== '');
  return [...new Set(values)].slice(0, 3);
}

/** 固定值: a value every row gets for a field no column fills. */
function FixedValues(props: {
  fields: ImportField[];
  mapping: ImportMapping;
  fixed: Record<string, string>;
  onFixed: (fixed: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const [field, setField] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const byKey = new Map(props.fields.map((f) => [f.key, f]));
  const free = props.fields.filter((f) => !props.mapping.includes(f.key) && !(f.key in props.fixed));
  const add = () => {
    if (!field || !value.trim()) return;
    props.onFixed({ ...props.fixed, [field]: value.trim() });
    setField(null);
    setValue('');
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('import.map.fixed')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('import.map.fixedHint')}
      </Text>
      {Object.entries(props.fixed).map(([key, v]) => {
        const label = byKey.get(key) ? fieldLabel(byKey.get(key)!, i18n.language) : key;
        return (
          <Group key={key} gap="xs">
            <Text size="sm" fw={500}>
              {label}：
            </Text>
            <Text size="sm">{v}</Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('import.map.fixedRemove', { field: label })}
              onClick={() => {
                const next = { ...props.fixed };
                delete next[key];
                props.onFixed(next);
              }}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group align="flex-end" gap="xs">
        <Select
          label={t('import.map.fixedField')}
          data={free.map((f) => ({ value: f.key, label: fieldLabel(f, i18n.language) }))}
          value={field}
          onChange={setField}
          searchable
          w={200}
        />
        <TextInput
          label={t('import.map.fixedValue')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          w={220}
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={add}
          disabled={!field || !value.trim()}
        >
          {t('import.map.fixedAdd')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * 对应字段: one row per column with a sample of its values and the field it fills (or 不导入);
 * fixed values; what to do with duplicates, with contacts whose customer is not found, and with
 * dates whose day and month could be either.
 */
export function MapStep(props: {
  recordKind: RecordKind;
  preview: ImportPreview;
  mapping: ImportMapping;
  onMapping: (mapping: ImportMapping) => void;
  fixed: Record<string, string>;
  onFixed: (fixed: Record<string, string>) => void;
  options: ImportOptions;
  onOptions: (options: ImportOptions) => void;
}) {
  const { t, i18n } = useTranslation();
  const { preview, mapping, options } = props;
  const label = (f: ImportField) => fieldLabel(f, i18n.language);
  const item = (f: ImportField) => ({ value: f.key, label: label(f) });
  const data = [
    { value: SKIP, label: t('import.map.skip') },
    { group: t('import.map.required'), items: preview.fields.filter((f) => f.required).map(item) },
    { group: t('import.map.optional'), items: preview.fields.filter((f) => !f.required).map(item) },
  ];
  const missing = missingRequired(preview.fields, mapping, props.fixed);
  const twice = preview.fields.filter((f) => mapping.filter((k) => k === f.key).length > 1);
  const datesMapped = preview.fields.some(
    (f) => (f.type === 'date' || f.type === 'datetime') && (mapping.includes(f.key) || f.key in props.fixed),
  );
  const setOption = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) =>
    props.onOptions({ ...options, [key]: value });

  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
        {preview.remembered ? t('import.map.remembered') : t('import.map.suggested')}
      </Alert>
      {missing.length > 0 && (
        <Alert variant="light" color="red" role="alert">
          {t('import.map.missing', { fields: missing.map(label).join('、') })}
        </Alert>
      )}
      {twice.map((f) => (
        <Text key={f.key} size="sm" c="orange.9">
          {t('import.map.twice', { field: label(f) })}
        </Text>
      ))}
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('import.map.table')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.map.column')}</Table.Th>
                <Table.Th>{t('import.map.samples')}</Table.Th>
                <Table.Th>{t('import.map.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.headers.map((header, i) => (
                <Table.Tr key={i}>
                  <Table.Td fw={500}>{header}</Table.Td>
                  <Table.Td c="dimmed" maw={320} style={{ overflowWrap: 'anywhere' }}>
                    {samples(preview, i).join(t('import.map.sampleSeparator'))}
                  </Table.Td>
                  <Table.Td w={260}>
                    <Select
                      aria-label={t('import.map.fieldLabel', { header })}
                      data={data}
                      value={mapping[i] ?? SKIP}
                      onChange={(v) => {
                        const next = [...mapping];
                        next[i] = !v || v === SKIP ? null : String(v);
                        props.onMapping(next);
                      }}
                      allowDeselect={false}
                      searchable
                      maxDropdownHeight={320}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <FixedValues fields={preview.fields} mapping={mapping} fixed={props.fixed} onFixed={props.onFixed} />

      <Radio.Group
        label={t('import.map.duplicates')}
        description={t('import.map.duplicatesHint')}
        value={options.duplicates}
        onChange={(v) => setOption('duplicates', v as ImportOptions['duplicates'])}
      >
        <Stack gap="xs" mt="xs">
          {(['skip', 'update', 'create'] as const).map((mode) => (
            <Radio
              key={mode}
              value={mode}
              label={t(`import.map.duplicateModes.${mode}`)}
              description={t(`import.map.duplicateModes.${mode}Text`)}
            />
          ))}
        </Stack>
      </Radio.Group>

      {/* Every kind but customers and products names its customer: one not found is rejected or created. */}
      {props.recordKind !== 'customers' && props.recordKind !== 'products' && (
        <Radio.Group
          label={t('import.map.missingLinks')}
          value={options.missingLinks}
          onChange={(v) => setOption('missingLinks', v as ImportOptions['missingLinks'])}
        >
          <Group gap="lg" mt="xs">
            {(['reject', 'create'] as const).map((mode) => (
              <Radio key={mode} value={mode} label={t(`import.map.missingModes.${mode}`)} />
            ))}
          </Group>
        </Radio.Group>
      )}

      {datesMapped && (
        <Select
          label={t('import.map.dayMonthOrder')}
          description={t('import.map.dayMonthHint')}
          data={(['auto', 'dmy', 'mdy'] as const).map((o) => ({
            value: o,
            label: t(`import.map.dayMonthOrders.${o}`),
          }))}
          value={options.dayMonthOrder ?? 'auto'}
          onChange={(v) => setOption('dayMonthOrder', v === 'dmy' || v === 'mdy' ? v : undefined)}
          allowDeselect={false}
          maw={420}
        />
      )}
    </Stack>
  );
}
