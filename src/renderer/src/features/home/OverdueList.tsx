/**
 * Home's overdue recommendations: each row links to the recommendation's own page.
 */
import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Recommendation } from '../../../../shared/recommendations/records';
import { formatDate } from '../../lib/format';
import { href, paths } from '../../lib/routes';
import { FollowBadge } from '../../ui/FollowBadge';

/** Where an overdue recommendation is shown: its own page (status, response, history). */
export function overduePath(r: Pick<Recommendation, 'id'>): string {
  return paths.recommendation(r.id);
}

const SHOWN = 8;

export function OverdueList({ overdue }: { overdue: Recommendation[] }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="home-overdue">
      <Stack gap="xs">
        <Title order={3} id="home-overdue">
          Overdue recommendations
        </Title>
        <List listStyleType="none" spacing="sm" aria-labelledby="home-overdue">
          {overdue.slice(0, SHOWN).map((r) => (
            <List.Item key={r.id}>
              <Anchor href={href(overduePath(r))} fw={600}>
                {r.code} · {r.action}
              </Anchor>
              <Group gap="xs" wrap="wrap">
                <Text span>
                  {r.owner.name} · due {formatDate(r.dueDate)}
                </Text>
                <FollowBadge kind="overdue" />
              </Group>
            </List.Item>
          ))}
        </List>
        {overdue.length > SHOWN && <Text size="sm">{overdue.length - SHOWN} more overdue in the register.</Text>}
        <Anchor href={href(paths.recommendations({ overdue: true }))} fw={600}>
          Open the register
        </Anchor>
      </Stack>
    </Paper>
  );
}
