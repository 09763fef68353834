import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { href, paths } from '../../lib/routes';
import { formatLongDate, formatCount } from '../../lib/format';
import { StatCard } from '../../ui/StatCard';
import { ErrorAlert } from '../../ui/FormActions';
import { FollowUpLists } from '../recommendations';
import { useHomeSummary } from './queries';
import { OverdueList } from './OverdueList';

/** What needs attention: the next meeting, overdue recommendations, identifiers to resolve, cases ready for review. */
export function HomePage({ member }: { member: string | null }) {
  const { data: s, error } = useHomeSummary();
  const link = (path: string, text: string) => (
    <Anchor href={href(path)} fw={600}>
      {text}
    </Anchor>
  );
  return (
    <Stack gap="lg">
      <Title order={2}>Home</Title>
      <Text size="lg">Welcome{member ? `, ${member}` : ''}. This is what needs attention.</Text>
      <ErrorAlert error={error} title="Cannot show what needs attention" />
      {s && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }}>
            <StatCard
              label="Next meeting"
              value={s.nextMeeting ? formatLongDate(s.nextMeeting.date) : 'None planned'}
              note={
                s.nextMeeting
                  ? link(
                      paths.meeting(s.nextMeeting.id),
                      `${s.nextMeeting.caseCount} case review${s.nextMeeting.caseCount === 1 ? '' : 's'} · open the agenda`,
                    )
                  : link(paths.meetings(), 'Plan a meeting')
              }
            />
            <StatCard
              label="Overdue recommendations"
              value={String(s.overdue.length)}
              alert={s.overdue.length > 0}
              note={
                <>
                  {s.dueSoon} more due in the next 30 days ·{' '}
                  {link(paths.recommendations({ overdue: true }), s.overdue.length ? 'open the overdue ones' : 'open the register')}
                </>
              }
            />
            <StatCard
              label="Incidents with identifiers to resolve"
              value={formatCount(s.unresolvedIdentifiers)}
              alert={s.unresolvedIdentifiers > 0}
              note={link(paths.incidents({ unresolved: true }), 'Review them in Incidents')}
            />
            <StatCard
              label="Ready for review"
              value={formatCount(s.readyForReview)}
              note={
                <>
                  {link(paths.incidents({ status: ['ready_for_review'] }), 'open them')} · {formatCount(s.drafts)} drafts
                </>
              }
            />
          </SimpleGrid>
          {s.coverageGapsWithoutRecommendation > 0 && (
            <Paper withBorder p="lg">
              <Text size="lg">
                <b>24/7 coverage:</b>{' '}
                {s.coverageGapsWithoutRecommendation === 1
                  ? '1 gap recorded as a finding has no recommendation yet.'
                  : `${s.coverageGapsWithoutRecommendation} gaps recorded as findings have no recommendation yet.`}{' '}
                {link(paths.reports(), 'Open Reports → Coverage')}
              </Text>
            </Paper>
          )}
          {s.overdue.length > 0 && <OverdueList overdue={s.overdue} />}
          <FollowUpLists s={s} />
        </>
      )}
    </Stack>
  );
}
