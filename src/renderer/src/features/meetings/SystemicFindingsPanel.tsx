/**
 * Findings from 24/7 coverage gaps that were attached to this meeting (Reports → Coverage →
 * "Record a finding from this gap"): the committee discusses them here, makes recommendations
 * from them, and the minutes list them under "Systemic findings".
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { api, unwrap } from '../../lib/api';
import { RecommendationModal } from './RecommendationModal';

export function SystemicFindingsPanel({ meetingId, readOnly }: { meetingId: number; readOnly: boolean }) {
  const [findings, setFindings] = useState<Finding[]>([]);
  const [recFor, setRecFor] = useState<Finding | null>(null);
  const load = useCallback(() => void unwrap(api().findings.list({ meetingId, source: 'coverage' })).then((r) => setFindings(r.findings)), [meetingId]);
  useEffect(load, [load]);
  if (!findings.length) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="systemic-findings">
      <Stack>
        <Title order={3} id="systemic-findings">
          Systemic findings: 24/7 coverage
        </Title>
        {findings.map((f) => (
          <Group key={f.id} justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge variant="default" size="lg">
                  {FINDING_CATEGORY.label(f.category)}
                </Badge>
                <Text size="sm">Intercept {INTERCEPT.label(f.intercept ?? '0')}</Text>
                {f.recommendationIds.length > 0 && <Text size="sm">· {f.recommendationIds.length} recommendation{f.recommendationIds.length === 1 ? '' : 's'}</Text>}
              </Group>
              <Text>{f.description}</Text>
            </Stack>
            {!readOnly && (
              <Button variant="default" style={{ flexShrink: 0 }} onClick={() => setRecFor(f)} aria-label={`Make a recommendation from systemic finding ${f.id}`}>
                Make a recommendation
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <RecommendationModal opened={recFor !== null} findings={recFor ? [recFor] : []} meetingId={meetingId} onClose={() => setRecFor(null)} onCreated={load} />
    </Paper>
  );
}
