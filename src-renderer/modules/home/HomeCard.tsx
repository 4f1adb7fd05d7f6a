import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

/** One card of the desktop: an icon, a title and a line under it, then its content. */
export function HomeCard(props: {
  icon: Icon;
  color: string;
  title: string;
  subtitle?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const { icon: CardIcon } = props;
  return (
    <Card withBorder radius="md" padding="lg" shadow="xs" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={38} radius="md" variant="light" color={props.color}>
            <CardIcon size={22} />
          </ThemeIcon>
          <div>
            <Title order={3} size="h4" id={titleId}>
              {props.title}
            </Title>
            {props.subtitle && (
              <Text size="sm" c="dimmed">
                {props.subtitle}
              </Text>
            )}
          </div>
        </Group>
        {props.aside}
      </Group>
      {props.children}
    </Card>
  );
}

/** What a card shows when it has nothing to show: a friendly line, a hint, maybe a way forward. */
export function EmptyState(props: { icon: Icon; title: string; hint?: string; action?: ReactNode }) {
  const { icon: StateIcon } = props;
  return (
    <Stack align="center" gap={6} py="lg">
      <ThemeIcon size={44} radius="xl" variant="light" color="gray">
        <StateIcon size={24} />
      </ThemeIcon>
      <Text fw={500}>{props.title}</Text>
      {props.hint && (
        <Text size="sm" c="dimmed" ta="center" maw={340}>
          {props.hint}
        </Text>
      )}
      {props.action}
    </Stack>
  );
}
