/**
 * The findings and recommendations recorded at this meeting, each with an Edit action: free
 * edits until the meeting ends, numbered amendments with a reason afterwards (the dialogs ask).
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FINDING_CATEGORY, FINDING_KIND, REC_STATUS } from '../../../../shared/meetings/values';
import { useFindings, useRecommendations } from './queries';
import { FindingEditModal } from './FindingEditModal';
import { RecommendationModal } from './RecommendationModal';
import { formatDate } from '../../lib/format';

export function MeetingRecordPanel({ meetingId, ended }: { meetingId: number; ended: boolean }) {
  const findings = useFindings({ meetingId, source: 'case' }).data?.findings ?? [];
  const recs = useRecommendations({ meetingId }).data?.recommendations ?? [];
  const [editFinding, setEditFinding] = useState<number | null>(null);
  const [editRec, setEditRec] = useState<number | null>(null);
  if (!findings.length && !recs.length) return null;
  const edit = ended ? 'Amend…' : 'Edit';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="meeting-record">
      <Stack>
        <Title order={3} id="meeting-record">
          Findings and recommendations
        </Title>
        {ended && <Text c="dimmed">The meeting has ended: a change is recorded as a numbered amendment with a reason.</Text>}
        {findings.map((f) => (
          <Group key={f.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Text>
              <Badge color={f.kind === 'gap' ? 'red.9' : 'teal.9'} mr={6}>
                {FINDING_KIND.label(f.kind)}
              </Badge>
              <b>
                {f.incidentCode} · {FINDING_CATEGORY.label(f.category)}:
              </b>{' '}
              {f.description}
            </Text>
            <Button
              size="compact-md"
              variant="default"
              onClick={() => setEditFinding(f.id)}
              aria-label={`${edit === 'Edit' ? 'Edit' : 'Amend'} finding: ${f.description.slice(0, 60)}`}
              style={{ flexShrink: 0 }}
            >
              {edit}
            </Button>
          </Group>
        ))}
        {recs.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Text>
              <b>{r.code}:</b> {r.action} · {r.owner.name} · due {formatDate(r.dueDate)} · {REC_STATUS.label(r.status)}
            </Text>
            <Button
              size="compact-md"
              variant="default"
              onClick={() => setEditRec(r.id)}
              aria-label={`${edit === 'Edit' ? 'Edit' : 'Amend'} recommendation ${r.code}`}
              style={{ flexShrink: 0 }}
            >
              {edit}
            </Button>
          </Group>
        ))}
      </Stack>
      <FindingEditModal findingId={editFinding} onClose={() => setEditFinding(null)} onSaved={() => {}} />
      <RecommendationModal
        opened={false}
        editId={editRec}
        findings={[]}
        meetingId={meetingId}
        onClose={() => setEditRec(null)}
        onCreated={() => {}}
      />
    </Paper>
  );
}
