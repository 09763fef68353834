/**
 * Findings from 24/7 coverage gaps that were attached to this meeting (Reports → Coverage →
 * "Record a finding from this gap"): the committee discusses them here, makes recommendations
 * from them, and the minutes list them under "Systemic findings".
 */
import { Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { Finding } from '../../../../shared/meetings/schemas';
import { useFindings } from './queries';
import { RecommendationModal } from './RecommendationModal';
import { SystemicFindingCard } from './SystemicFindingCard';
import { FindingEditModal } from './FindingEditModal';

export function SystemicFindingsPanel({ meetingId, readOnly }: { meetingId: number; readOnly: boolean }) {
  const findings = useFindings({ meetingId, source: 'coverage' }).data?.findings ?? [];
  const [recFor, setRecFor] = useState<Finding | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  if (!findings.length) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="systemic-findings">
      <Stack>
        <Title order={3} id="systemic-findings">
          Systemic findings: 24/7 coverage
        </Title>
        {findings.map((f) => (
          <SystemicFindingCard
            key={f.id}
            finding={f}
            onRecommend={readOnly ? undefined : () => setRecFor(f)}
            onEdit={() => setEditing(f.id)}
          />
        ))}
      </Stack>
      <FindingEditModal findingId={editing} onClose={() => setEditing(null)} onSaved={() => {}} />
      <RecommendationModal
        opened={recFor !== null}
        findings={recFor ? [recFor] : []}
        meetingId={meetingId}
        onClose={() => setRecFor(null)}
        onCreated={() => {}}
      />
    </Paper>
  );
}
