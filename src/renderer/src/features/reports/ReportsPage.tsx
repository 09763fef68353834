/**
 * Reports: charts readable on a projector, each with a table alternative, the CIT goals
 * scorecard with its definitions and denominators, and the annual report export (PDF/DOCX).
 */
import '@mantine/charts/styles.css';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { GuardBlock } from '../../../../shared/result';
import { formatMonth, formatCount } from '../../lib/format';
import { reportsSearch, useRouteSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { GuardBlockedAlert } from '../../ui/GuardBlocked';
import { AnnualExport } from './AnnualExport';
import { CoveragePanel } from './CoveragePanel';
import { PeriodFields } from './PeriodFields';
import { RecordCharts } from './RecordCharts';
import { Scorecard } from './Scorecard';
import { TrendCharts } from './TrendCharts';
import { useDashboard } from './queries';
import { FollowThroughReport } from '../recommendations';

export function ReportsPage() {
  // The period lives in the address (`/reports?from=2024-01&to=2024-12` in the hash).
  const [period, setPeriod] = useRouteSearch(reportsSearch);
  const from = period.from ?? '';
  const to = period.to ?? '';
  const dashboard = useDashboard({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const d = dashboard.data;
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<GuardBlock[] | null>(null);

  if (!d) return dashboard.error ? <ErrorAlert error={dashboard.error} title="Cannot show the reports" /> : <Text>Loading…</Text>;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Reports</Title>
          <Text c="dimmed">
            {formatCount(d.incidents)} incidents from {formatMonth(d.from)} to {formatMonth(d.to)}
          </Text>
        </div>
        <Group align="flex-end">
          <PeriodFields period={period} shown={{ from: d.from, to: d.to }} onChange={setPeriod} />
          <AnnualExport
            lastYear={d.to.slice(0, 4)}
            onError={(message, b) => {
              setError(message);
              setBlocked(b);
            }}
          />
        </Group>
      </Group>
      <ErrorAlert error={error ?? dashboard.error} />
      <GuardBlockedAlert blocked={blocked} />
      <Scorecard items={d.scorecard} />
      <CoveragePanel from={from} to={to} />
      <TrendCharts d={d} />
      <RecordCharts d={d} />
      <FollowThroughReport />
      {d.attributions.map((a) => (
        <Text key={a} size="sm" c="dimmed">
          {a}
        </Text>
      ))}
    </Stack>
  );
}
