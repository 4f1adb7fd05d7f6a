import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industryTemplate, REP_NAME_MAX, type ChannelInput, type TemplateKey } from '../../src-main/contract';
import i18n, { languages } from '../i18n';
import { notifyError } from '../lib/errors';
import { useChannelMutation } from '../lib/queries';
import { useSettings } from '../lib/settings';
import { TemplatePicker } from '../modules/base-data/TemplatePicker';

// The first-run dialog's texts, as t('firstRun.…').
const zh = {
  title: '欢迎使用 Solo CRM',
  intro:
    '这是一个新的数据库文件。请选择最接近您业务的行业模板：它决定产品类别等基础数据的初始内容，以后可在“设置 → 基础数据”中随时修改。',
  repName: '您的姓名（业务员）',
  repNameHint: '新建机会、销售、行动、服务反馈和费用时，默认填入此业务员。可不填，保留“本人”。',
  start: '开始使用',
  skip: '跳过，保留默认设置',
  done: '已按“{{template}}”模板设置好。可随时在“设置 → 基础数据”中修改。',
  skipped: '已保留默认基础数据。可随时在“设置 → 基础数据”中应用行业模板。',
};
const en: typeof zh = {
  title: 'Welcome to Solo CRM',
  intro:
    'This is a new database file. Choose the industry template closest to your business: it sets the first product categories and other base data, which you can change any time under Settings → Base data.',
  repName: 'Your name (sales rep)',
  repNameHint:
    'New opportunities, sales, activities, feedback and expenses take this sales rep by default. Leave it empty to keep "Me".',
  start: 'Get started',
  skip: 'Skip and keep the defaults',
  done: 'Set up with the "{{template}}" template. Change it any time under Settings → Base data.',
  skipped: 'The default base data stays. Apply an industry template any time under Settings → Base data.',
};
i18n.addResourceBundle('zh-CN', 'translation', { firstRun: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { firstRun: en }, true, false);

/**
 * The first-run dialog: shown while the open file is not set up (a new file). It asks for an
 * industry template and the user's name as 业务员 (app.setup); 跳过 keeps the lists as they are
 * and marks the file set up all the same, so it is asked once per file.
 */
export function FirstRun() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useSettings();
  const setup = useChannelMutation('app.setup');
  const [template, setTemplate] = useState<TemplateKey>('general');
  const [repName, setRepName] = useState('');
  // A file that cannot be written (or a call that fails) must not trap the user in the dialog.
  const [dismissed, setDismissed] = useState(false);

  const run = (input: ChannelInput<'app.setup'>) =>
    setup.mutate(input, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          message:
            input.template === null
              ? t('firstRun.skipped')
              : t('firstRun.done', {
                  template: i18n.language.startsWith('zh')
                    ? industryTemplate(input.template).nameZh
                    : industryTemplate(input.template).nameEn,
                }),
        }),
      onError: (err) => {
        notifyError(t, err);
        // Set up meanwhile (another window): the refreshed settings close the dialog.
        void client.invalidateQueries({ queryKey: ['settings.get'] });
        if (input.template === null) setDismissed(true);
      },
    });

  const opened = settings.data?.setUp === false && !dismissed;

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('firstRun.title')}
      size="xl"
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run({ template, repName: repName.trim() || undefined });
        }}
      >
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Text size="sm">{t('firstRun.intro')}</Text>
            <SegmentedControl
              size="xs"
              style={{ flexShrink: 0 }}
              aria-label={t('app.language')}
              value={i18n.language}
              onChange={(lng) => void i18n.changeLanguage(lng)}
              data={languages.map((l) => ({ value: l.value, label: l.label }))}
            />
          </Group>
          <TemplatePicker value={template} onChange={setTemplate} />
          <TextInput
            label={t('firstRun.repName')}
            description={t('firstRun.repNameHint')}
            value={repName}
            maxLength={REP_NAME_MAX}
            onChange={(e) => setRepName(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => run({ template: null })} disabled={setup.isPending}>
              {t('firstRun.skip')}
            </Button>
            <Button type="submit" loading={setup.isPending}>
              {t('firstRun.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
