import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { contactFieldRows } from './contactFieldRows';
import { useDeleteContactsFlow } from './useDeleteContactsFlow';
import { RecordActions } from '../../components/RecordActions';

/** One contact: header with its customer, actions, and its fields (基本信息). */
export function ContactShow({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirmDelete = useDeleteContactsFlow();
  const custom = useCustomFieldRows('contacts', contact.custom);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/contacts"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('contacts.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{contact.name}</Title>
            {contact.isPrimary && <Badge variant="light">{t('contacts.primary')}</Badge>}
            {contact.isDecisionMaker && <Badge color="grape">{t('contacts.decisionMaker')}</Badge>}
          </Group>
          <Group gap={6}>
            <IconBuilding size={16} aria-hidden />
            <Anchor component={Link} to={`/customers/${contact.customerId}`}>
              {contact.customerName}
            </Anchor>
            {contact.title && <Text c="dimmed">· {contact.title}</Text>}
          </Group>
        </Stack>
        <RecordActions
          ns="contacts"
          path={`/contacts/${contact.id}`}
          onDelete={() => confirmDelete([contact], () => void navigate('/contacts'))}
        />
      </Group>

      <Title order={3} size="h4">
        {t('contacts.basic')}
      </Title>
      <FieldGrid rows={withCustomRows(contactFieldRows(contact, t, true), custom)} />
    </Stack>
  );
}
