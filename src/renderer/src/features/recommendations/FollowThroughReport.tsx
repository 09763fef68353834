/** Reports: the follow-through — reported vs verified, overdue responses, effect measured and its results, time to response and verification. */
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RecommendationReport } from '../../../../shared/recommendations/schemas';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/FormActions';
import { StatCard } from '../../ui/StatCard';
import { useRecommendationReport } from './queries';

const days = (n: number | null) => (n === null ? '—' : String(Math.round(n)));
const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)} %` : '—');

function Timing({ label, rows }: { label: string; rows: RecommendationReport['byAgency'] }) {
  return (
    <DataTable
      label={`Time to response and verification by ${label.toLowerCase()}`}
      headers={[label, 'Recommendations', 'Median days to response', 'Median days to verification']}
      rows={rows.map((a) => [a.label, a.count, days(a.medianDaysToResponse), days(a.medianDaysToVerification)])}
    />
  );
}

export function FollowThroughReport() {
  const { data: r, error } = useRecommendationReport();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="follow-through-report">
      <Stack>
        <Title order={3} id="follow-through-report">
          Follow-through
        </Title>
        <ErrorAlert error={error} title="Cannot show the follow-through" />
        {r && (
          <>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }}>
              <StatCard
                label="Implemented"
                value={String(r.reportedImplemented + r.verifiedImplemented)}
                note={`${r.verifiedImplemented} verified · ${r.reportedImplemented} reported, not yet verified`}
              />
              <StatCard
                label="Responses overdue"
                value={String(r.overdueResponses)}
                alert={r.overdueResponses > 0}
                note="Sent, no response by the requested date"
              />
              <StatCard
                label="Effect measured"
                value={pct(r.measured, r.implemented)}
                note={`${r.measured} of ${r.implemented} implemented · ${r.effectResults.map((e) => `${e.count} ${e.label.toLowerCase()}`).join(', ')}`}
              />
              <StatCard
                label="Median days to response"
                value={days(r.medianDaysToResponse)}
                note={`to verification: ${days(r.medianDaysToVerification)} days · ${r.effectChecksDue} effect check${r.effectChecksDue === 1 ? '' : 's'} due`}
              />
            </SimpleGrid>
            <Timing label="Agency" rows={r.byAgency} />
            <Timing label="Category" rows={r.byCategory} />
            <Text size="sm" c="dimmed">
              Days count from the day the committee adopted a recommendation (the meeting’s date for those adopted before the lifecycle was
              recorded).
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
