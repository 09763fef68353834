/** Home: what the follow-through owes — overdue responses and effect checks due — each opening the recommendation's page (overdue recommendations: home/OverdueList). */
import { Anchor, Badge, Paper, Stack, Title } from '@mantine/core';
import type { MethodOutput } from '../../../../shared/contract';
import type { Recommendation } from '../../../../shared/recommendations/schemas';
import { href, paths, type RecommendationsSearch } from '../../lib/routes';
import { formatDate } from '../../lib/format';

type Summary = MethodOutput<'home.summary'>;

function List(p: { title: string; recs: Recommendation[]; badge: string; detail(r: Recommendation): string; all: RecommendationsSearch }) {
  if (!p.recs.length) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-label={p.title}>
      <Stack gap="xs">
        <Title order={3}>
          {p.title} ({p.recs.length})
        </Title>
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {p.recs.slice(0, 8).map((r) => (
            <li key={r.id}>
              <Anchor href={href(paths.recommendation(r.id))} fw={700}>
                {r.code}
              </Anchor>{' '}
              · {r.action} · {r.owner.name} · {p.detail(r)}{' '}
              <Badge color="red.9" variant="filled">
                {p.badge}
              </Badge>
            </li>
          ))}
        </Stack>
        <Anchor href={href(paths.recommendations(p.all))} fw={600}>
          {p.recs.length > 8 ? `All ${p.recs.length} in the register` : 'Open them in the register'}
        </Anchor>
      </Stack>
    </Paper>
  );
}

export function FollowUpLists({ s }: { s: Summary }) {
  return (
    <>
      <List
        title="Responses overdue"
        recs={s.responseOverdue}
        badge="Response overdue"
        detail={(r) => `response requested by ${r.responseDue ? formatDate(r.responseDue) : ''}`}
        all={{ responseOverdue: true }}
      />
      <List
        title="Effect checks due"
        recs={s.effectChecksDue}
        badge="Effect check due"
        detail={(r) => {
          const due = r.effectChecks.find((c) => c.result === null)?.dueDate;
          return due ? `check due ${formatDate(due)}` : 'check due';
        }}
        all={{ effectCheckDue: true }}
      />
    </>
  );
}
