/** The coverage headline: the share of incidents outside the service's hours, and detention and arrest rates inside vs outside. */
import { SimpleGrid } from '@mantine/core';
import type { CoverageReport } from '../../../../shared/coverage/schemas';
import { StatCard } from '../../ui/StatCard';
import { formatCount } from '../../lib/format';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const RATES = [
  ['Emergency detention', 'detentionRate', 'detentions', 'detentionsRecorded', 'with detention recorded'],
  ['Arrest', 'arrestRate', 'arrests', 'arrestsRecorded', 'with arrests recorded'],
] as const;
const n = (v: number) => formatCount(v);

export function CoverageFigures({ r, serviceName }: { r: CoverageReport; serviceName: string }) {
  const { inside, outside } = r.rates;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} aria-label="Coverage figures">
      <StatCard
        label={`Incidents outside ${serviceName} hours`}
        value={r.outsideShare === null ? '—' : `${Math.round(r.outsideShare * 1000) / 10}%`}
        note={`${formatCount(r.outsideHours)} of ${formatCount(r.placed)} incidents with an hour and weekday`}
      />
      {RATES.map(([label, rateKey, countKey, denKey, basis]) => (
        <StatCard
          key={label}
          label={`${label}: outside vs inside hours`}
          value={`${pct(outside[rateKey])} vs ${pct(inside[rateKey])}`}
          note={
            outside[denKey] + inside[denKey] === 0
              ? `No data: no incident here ${basis.replace('with', 'has')}`
              : `${n(outside[countKey])} of ${n(outside[denKey])} vs ${n(inside[countKey])} of ${n(inside[denKey])} ${basis}`
          }
        />
      ))}
    </SimpleGrid>
  );
}
