import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { industryTemplates, type TemplateKey } from '../../../src-main/contract';

const named = (item: { nameZh: string; nameEn: string }, language: string) =>
  language.startsWith('zh') ? item.nameZh : item.nameEn;

/**
 * The industry templates as radio cards: each named by its industry (its accessible name) and
 * described by the product categories it brings, so the choice shows what it will do.
 */
export function TemplatePicker({
  value,
  onChange,
}: {
  value: TemplateKey;
  onChange: (key: TemplateKey) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Radio.Group
      label={t('baseData.templates.label')}
      value={value}
      onChange={(v) => onChange(v as TemplateKey)}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" mt="xs">
        {industryTemplates.map((tpl) => {
          const name = named(tpl, i18n.language);
          const previewId = `${id}-${tpl.key}`;
          const list = tpl.lists.product_category
            .map((e) => named(e, i18n.language))
            .join(t('baseData.separator'));
          return (
            <Radio.Card
              key={tpl.key}
              value={tpl.key}
              p="sm"
              radius="md"
              // A button centres its content; the cards of a row read better top-aligned.
              style={{ display: 'flex', alignItems: 'flex-start' }}
              aria-label={name}
              aria-describedby={previewId}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div>
                  <Text fw={600} size="sm">
                    {name}
                  </Text>
                  <Text id={previewId} size="xs" c="dimmed" mt={2}>
                    {t('baseData.templates.preview', { list })}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
