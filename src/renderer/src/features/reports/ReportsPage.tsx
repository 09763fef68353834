/**
 * Reports: charts readable on a projector, each with a table alternative, the CIT goals
 * scorecard with its definitions, and the annual report export (PDF/DOCX).
 */
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { CALL_SOURCE, DISPOSITION } from '../../../../shared/incidents/values';
import { api, unwrap } from '../../lib/api';
import { ExportMenu } from '../meetings';
import { CoveragePanel } from './CoveragePanel';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/FormActions';
import { reportsSearch, useRouteSearch } from '../../lib/routes';
import { useDashboard } from './queries';
import { blockedOf, GuardBlockedAlert } from '../../ui/GuardBlocked';
import type { GuardBlock } from '../../../../shared/result';
import { FollowThroughReport } from '../recommendations';

const SOURCE_COLORS = ['teal.9', 'blue.9', 'grape.9', 'orange.8', 'gray.7', 'red.9', 'dark.4'];
const GOALS: Record<string, string> = {
  '1': 'Safety for everyone',
  '2': 'Connection to services',
  '3': 'Law enforcement only where needed',
  '4': 'Less trauma, better recovery',
};

function ChartCard({
  title,
  children,
  table,
}: {
  title: string;
  children: ReactNode;
  table: { headers: string[]; rows: (string | number)[][] };
}) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        <div role="img" aria-label={`${title}: chart (the table below has the figures)`}>
          {children}
        </div>
        <details>
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>Table: {title}</summary>
          <DataTable label={title} headers={table.headers} rows={table.rows} />
        </details>
      </Stack>
    </Paper>
  );
}

export function ReportsPage() {
  // The period lives in the address (`/reports?from=2024-01&to=2024-12` in the hash).
  const [period, setPeriod] = useRouteSearch(reportsSearch);
  const from = period.from ?? '';
  const to = period.to ?? '';
  const dashboard = useDashboard({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const d = dashboard.data;
  const [chosenYear, setYear] = useState<string | null>(null);
  const year = chosenYear ?? d?.to.slice(0, 4) ?? null;
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<GuardBlock[] | null>(null);

  const exportAnnual = async (format: 'md' | 'docx' | 'pdf') => {
    if (!year || format === 'md') return;
    try {
      const f = await unwrap(api().files.chooseSave({ purpose: 'export', suggestedName: `annual-report-${year}.${format}` }));
      if (!f) return;
      const r = await unwrap(api().reports.exportAnnual({ year: Number(year), format, handle: f.handle }));
      setBlocked(null);
      notifications.show({ title: 'Annual report exported', message: `${r.displayName} (${r.bytes.toLocaleString()} bytes)` });
    } catch (e) {
      setError((e as Error).message);
      setBlocked(blockedOf(e));
    }
  };

  if (!d) return dashboard.error ? <ErrorAlert error={dashboard.error} title="Cannot show the reports" /> : <Text>Loading…</Text>;
  const sources = [...new Set(d.months.flatMap((m) => Object.keys(m.bySource)))];
  const monthly = d.months.map((m) => ({ month: m.month, ...Object.fromEntries(sources.map((s) => [s, m.bySource[s] ?? 0])) }));
  const topDisp = DISPOSITION.values.filter((k) => d.dispositions.some((m) => (m.counts[k] ?? 0) > 0)).slice(0, 5);
  const disp = d.dispositions.map((m) => ({ month: m.month, ...Object.fromEntries(topDisp.map((k) => [k, m.counts[k] ?? 0])) }));
  const srcLabel = (k: string) => (k === 'unknown' ? 'Not recorded' : CALL_SOURCE.label(k));
  const years = Array.from({ length: 12 }, (_, i) => String(Number(d.to.slice(0, 4)) - i));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Reports</Title>
          <Text c="dimmed">
            {d.incidents.toLocaleString()} incidents from {d.from} to {d.to}
          </Text>
        </div>
        <Group align="flex-end">
          <TextInput label="From" type="month" value={from} onChange={(e) => setPeriod({ from: e.currentTarget.value || undefined })} />
          <TextInput label="To" type="month" value={to} onChange={(e) => setPeriod({ to: e.currentTarget.value || undefined })} />
          <Select label="Annual report year" data={years} value={year} onChange={setYear} w={160} />
          <ExportMenu label="Export annual report" onPick={(f) => void exportAnnual(f)} />
        </Group>
      </Group>
      <ErrorAlert error={error ?? dashboard.error} />
      <GuardBlockedAlert blocked={blocked} />

      <Paper withBorder p="lg">
        <Stack>
          <Title order={3}>CIT goals scorecard</Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {d.scorecard.map((s) => (
              <Paper key={s.label} withBorder p="md">
                <Text size="sm" c="dimmed">
                  Goal {s.goal} · {GOALS[s.goal]}
                </Text>
                <Text fw={700} size="lg">
                  {s.label}
                </Text>
                <Text fw={800} size="xl">
                  {s.value === null ? '—' : `${s.value}%`}{' '}
                  <Text span size="md" fw={400}>
                    ({s.numerator.toLocaleString()} of {s.denominator.toLocaleString()})
                  </Text>
                </Text>
                <Text size="sm">{s.definition}</Text>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>

      <CoveragePanel from={from} to={to} />
      <ChartCard
        title="Incidents per month by call source"
        table={{
          headers: ['Month', ...sources.map(srcLabel), 'Total'],
          rows: d.months.map((m) => [m.month, ...sources.map((s) => m.bySource[s] ?? 0), m.total]),
        }}
      >
        <BarChart
          h={320}
          data={monthly}
          dataKey="month"
          type="stacked"
          series={sources.map((s, i) => ({ name: s, label: srcLabel(s), color: SOURCE_COLORS[i % SOURCE_COLORS.length]! }))}
          withLegend
          tickLine="y"
          barChartProps={{ accessibilityLayer: false }}
        />
      </ChartCard>
      <ChartCard
        title="Dispositions over time"
        table={{
          headers: ['Month', ...topDisp.map((k) => DISPOSITION.label(k))],
          rows: disp.map((m) => [m.month, ...topDisp.map((k) => (m as Record<string, number | string>)[k] as number)]),
        }}
      >
        <LineChart
          h={300}
          data={disp}
          dataKey="month"
          series={topDisp.map((k, i) => ({ name: k, label: DISPOSITION.label(k), color: SOURCE_COLORS[i % SOURCE_COLORS.length]! }))}
          withLegend
          strokeWidth={3}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <ChartCard
          title="Emergency detention by area"
          table={{
            headers: ['Area', 'Incidents', 'Detentions', 'Rate'],
            rows: d.detentionByArea.map((a) => [
              a.area,
              a.incidents,
              a.detentions,
              a.incidents ? `${Math.round((a.detentions / a.incidents) * 1000) / 10}%` : '—',
            ]),
          }}
        >
          <BarChart
            h={300}
            data={d.detentionByArea.map((a) => ({
              area: a.area,
              rate: a.incidents ? Math.round((a.detentions / a.incidents) * 1000) / 10 : 0,
            }))}
            dataKey="area"
            series={[{ name: 'rate', label: 'Detention rate %', color: 'teal.9' }]}
            unit="%"
            barChartProps={{ accessibilityLayer: false }}
          />
        </ChartCard>
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
          <BarChart
            h={260}
            data={d.recommendationsByStatus}
            dataKey="label"
            series={[{ name: 'count', label: 'Recommendations', color: 'teal.9' }]}
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
      <FollowThroughReport />
      {d.attributions.map((a) => (
        <Text key={a} size="sm" c="dimmed">
          {a}
        </Text>
      ))}
    </Stack>
  );
}
