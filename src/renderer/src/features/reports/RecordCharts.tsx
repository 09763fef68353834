/** Detention by area (of the incidents where detention was recorded), findings, and the recommendation register's state. */
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Title } from '@mantine/core';
import type { Dashboard } from '../../../../shared/minutes/schemas';
import { DataTable } from '../../ui/DataTable';
import { ChartCard } from './ChartCard';

const rate = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);

function DetentionByArea({ areas }: { areas: Dashboard['detentionByArea'] }) {
  return (
    <ChartCard
      title="Emergency detention by area"
      table={{
        headers: ['Area', 'Incidents', 'Detention recorded', 'Detentions', 'Rate'],
        rows: areas.map((a) => [a.area, a.incidents, a.recorded, a.detentions, a.recorded ? `${rate(a.detentions, a.recorded)}%` : '—']),
      }}
    >
      <BarChart
        h={300}
        data={areas.map((a) => ({ area: a.area, rate: rate(a.detentions, a.recorded) ?? 0 }))}
        dataKey="area"
        series={[{ name: 'rate', label: 'Detention rate % (of incidents with detention recorded)', color: 'red.9' }]}
        unit="%"
        barChartProps={{ accessibilityLayer: false }}
      />
    </ChartCard>
  );
}

export function RecordCharts({ d }: { d: Dashboard }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <DetentionByArea areas={d.detentionByArea} />
        <ChartCard
          title="Findings by category"
          table={{ headers: ['Category', 'Findings'], rows: d.findingsByCategory.map((f) => [f.label, f.count]) }}
        >
          <BarChart
            h={300}
            data={d.findingsByCategory}
            dataKey="label"
            series={[{ name: 'count', label: 'Findings', color: 'blue.9' }]}
            orientation="vertical"
            yAxisProps={{ width: 190 }}
            barChartProps={{ accessibilityLayer: false }}
          />
        </ChartCard>
        <ChartCard
          title="Findings by intercept"
          table={{ headers: ['Intercept', 'Findings'], rows: d.findingsByIntercept.map((f) => [f.label, f.count]) }}
        >
          <BarChart
            h={260}
            data={d.findingsByIntercept}
            dataKey="key"
            series={[{ name: 'count', label: 'Findings', color: 'grape.9' }]}
            barChartProps={{ accessibilityLayer: false }}
          />
        </ChartCard>
        <ChartCard
          title={`Recommendations by status (${d.overdue} overdue)`}
          table={{ headers: ['Status', 'Recommendations'], rows: d.recommendationsByStatus.map((r) => [r.label, r.count]) }}
        >
          {/* Bars across, one labelled row per status: ten statuses do not fit as labels under columns. */}
          <BarChart
            h={Math.max(260, d.recommendationsByStatus.length * 34)}
            data={d.recommendationsByStatus}
            dataKey="label"
            series={[{ name: 'count', label: 'Recommendations', color: 'teal.9' }]}
            orientation="vertical"
            yAxisProps={{ width: 190, interval: 0 }}
            barChartProps={{ accessibilityLayer: false }}
          />
        </ChartCard>
      </SimpleGrid>
      <Paper withBorder p="lg">
        <Title order={3}>Completion by owner sector</Title>
        <DataTable
          label="Completion by owner sector"
          headers={['Sector', 'Completed', 'Total', 'Rate']}
          rows={d.completionBySector.map((c) => [
            c.label,
            c.completed,
            c.total,
            c.total ? `${Math.round((c.completed / c.total) * 100)}%` : '—',
          ])}
        />
      </Paper>
    </>
  );
}
