/** Findings and recommendations of one incident, outside the walk-through. */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CIT_GOAL, FINDING_CATEGORY, FINDING_KIND, REC_STATUS } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { ErrorAlert } from '../../ui/FormActions';
import { FindingQuickAdd, RecommendationModal, StrengthBadge, useFindings, useRecommendations } from '../meetings';
import { formatDate } from '../../lib/format';

export function ReviewPanel({ incidentId, readOnly }: { incidentId: number; readOnly: boolean }) {
  const findingsQuery = useFindings({ incidentId });
  const recsQuery = useRecommendations({ incidentId });
  const findings = findingsQuery.data?.findings ?? [];
  const recs = recsQuery.data?.recommendations ?? [];
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Findings and recommendations</Title>
          {!readOnly && (
            <Button variant="default" disabled={!findings.length} onClick={() => setOpen(true)}>
              New recommendation…
            </Button>
          )}
        </Group>
        <ErrorAlert error={findingsQuery.error ?? recsQuery.error} title="Cannot show the findings" />
        {findings.length === 0 && (
          <Text c="dimmed">
            No findings yet. Findings describe what in the system should change (or what worked), never who is to blame.
          </Text>
        )}
        {findings.map((f) => (
          <Stack key={f.id} gap={2}>
            <Group gap={6}>
              <Badge color={f.kind === 'gap' ? 'red.9' : 'teal.9'}>{FINDING_KIND.label(f.kind)}</Badge>
              <Text fw={700}>{FINDING_CATEGORY.label(f.category)}</Text>
              {f.intercept && <Text c="dimmed">Intercept {INTERCEPT.label(f.intercept)}</Text>}
              {f.goals.map((g) => (
                <Badge key={g} variant="outline">
                  Goal {CIT_GOAL.label(g)}
                </Badge>
              ))}
            </Group>
            <Text>{f.description}</Text>
          </Stack>
        ))}
        {recs.map((r) => (
          <Group key={r.id} gap="sm">
            <Text fw={700}>{r.code}</Text>
            <Text>{r.action}</Text>
            <Text c="dimmed">
              · {r.owner.name} · due {formatDate(r.dueDate)} · {REC_STATUS.label(r.status)}
            </Text>
            <StrengthBadge type={r.actionType} />
          </Group>
        ))}
        {!readOnly && <FindingQuickAdd incidentId={incidentId} meetingId={null} timelineEventId={null} onAdded={() => {}} />}
      </Stack>
      <RecommendationModal opened={open} findings={findings} meetingId={null} onClose={() => setOpen(false)} onCreated={() => {}} />
    </Paper>
  );
}
