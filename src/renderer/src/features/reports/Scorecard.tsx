/** The CIT goals scorecard: each rate with its denominator ("283 of 2,110 with injuries recorded") and how many incidents have no data. */
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../../../shared/minutes/schemas';
import { formatCount } from '../../lib/format';

const GOALS: Record<string, string> = {
  '1': 'Safety for everyone',
  '2': 'Connection to services',
  '3': 'Law enforcement only where needed',
  '4': 'Less trauma, better recovery',
};

type Item = Dashboard['scorecard'][number];

export function ScorecardItem({ s }: { s: Item }) {
  return (
    <Paper withBorder p="md" component="article" aria-label={s.label}>
      <Text size="sm" c="dimmed">
        Goal {s.goal} · {GOALS[s.goal]}
      </Text>
      <Text fw={700} size="lg">
        {s.label}
      </Text>
      <Text fw={800} size="xl">
        {s.value === null ? '—' : `${s.value}%`}{' '}
        <Text span size="md" fw={400}>
          ({formatCount(s.numerator)} of {formatCount(s.denominator)} {s.basis})
        </Text>
      </Text>
      {s.noData > 0 && (
        <Text size="sm" fw={600}>
          {formatCount(s.noData)} {s.noData === 1 ? 'incident has' : 'incidents have'} no data for this measure
        </Text>
      )}
      <Text size="sm">{s.definition}</Text>
    </Paper>
  );
}

export function Scorecard({ items }: { items: Item[] }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={3}>CIT goals scorecard</Title>
        <Text size="sm">
          Each rate counts only the incidents where its measure was recorded; incidents without the data are counted apart.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {items.map((s) => (
            <ScorecardItem key={s.label} s={s} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
