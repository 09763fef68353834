/** Incidents per month by call source, and dispositions over time: each category in its own fixed colour. */
import { BarChart, LineChart } from '@mantine/charts';
import { DISPOSITION } from '../../../../shared/incidents/values';
import type { Dashboard } from '../../../../shared/minutes/schemas';
import { ChartCard } from './ChartCard';
import { DISPOSITION_COLORS, callSourceLabel, callSourceSeries, colorOf } from './colors';

export function TrendCharts({ d }: { d: Dashboard }) {
  const series = callSourceSeries(d.months.flatMap((m) => Object.keys(m.bySource)));
  const sources = series.map((s) => s.name);
  const monthly = d.months.map((m) => ({ month: m.month, ...Object.fromEntries(sources.map((s) => [s, m.bySource[s] ?? 0])) }));
  const topDisp = DISPOSITION.values.filter((k) => d.dispositions.some((m) => (m.counts[k] ?? 0) > 0)).slice(0, 5);
  const disp = d.dispositions.map((m) => ({ month: m.month, ...Object.fromEntries(topDisp.map((k) => [k, m.counts[k] ?? 0])) }));
  return (
    <>
      <ChartCard
        title="Incidents per month by call source"
        table={{
          headers: ['Month', ...sources.map(callSourceLabel), 'Total'],
          rows: d.months.map((m) => [m.month, ...sources.map((s) => m.bySource[s] ?? 0), m.total]),
        }}
      >
        <BarChart
          h={320}
          data={monthly}
          dataKey="month"
          type="stacked"
          series={series}
          withLegend
          tickLine="y"
          barChartProps={{ accessibilityLayer: false }}
        />
      </ChartCard>
      <ChartCard
        title="Dispositions over time"
        table={{
          headers: ['Month', ...topDisp.map((k) => DISPOSITION.label(k))],
          rows: d.dispositions.map((m) => [m.month, ...topDisp.map((k) => m.counts[k] ?? 0)]),
        }}
      >
        <LineChart
          h={300}
          data={disp}
          dataKey="month"
          series={topDisp.map((k) => ({ name: k, label: DISPOSITION.label(k), color: colorOf(DISPOSITION_COLORS, k) }))}
          withLegend
          strokeWidth={3}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </ChartCard>
    </>
  );
}
