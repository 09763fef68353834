/**
 * Reports → 24/7 coverage: incidents by hour of day × weekday, with the hours the chosen
 * service was not available outlined, and the outside-hours share and rates with counts.
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { draftCoverageFinding, type CoverageFindingDraft } from '../../../../shared/coverage/gap';
import type { Service } from '../../../../shared/coverage/schemas';
import type { Finding } from '../../../../shared/meetings/schemas';
import { ErrorAlert } from '../../ui/FormActions';
import { RecommendationModal, SystemicFindingCard, useFindings } from '../meetings';
import { useServices } from '../settings';
import { CoverageFigures } from './CoverageFigures';
import { CoverageFilters, type CoverageFilter } from './CoverageFilters';
import { CoverageFindingModal } from './CoverageFindingModal';
import { HeatMap } from './HeatMap';
import { useCoverage } from './queries';

const NO_SERVICES: Service[] = [];

/** Findings already recorded from coverage gaps, each with "Make a recommendation". */
function GapFindings() {
  const gapFindings = useFindings({ source: 'coverage' }).data?.findings ?? [];
  const [recFor, setRecFor] = useState<Finding | null>(null);
  return (
    <>
      {gapFindings.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="gap-findings">
          <Title order={4} id="gap-findings">
            Findings recorded from coverage gaps
          </Title>
          {gapFindings.map((f) => (
            <Paper key={f.id} withBorder p="sm">
              <SystemicFindingCard finding={f} onRecommend={() => setRecFor(f)} />
            </Paper>
          ))}
        </Stack>
      )}
      <RecommendationModal
        opened={recFor !== null}
        findings={recFor ? [recFor] : []}
        meetingId={recFor?.meetingId ?? null}
        onClose={() => setRecFor(null)}
        onCreated={() => {}}
      />
    </>
  );
}

export function CoveragePanel({ from, to }: { from: string; to: string }) {
  const services = useServices().data?.services ?? NO_SERVICES;
  // Until one is chosen (or the choice is cleared), the first service.
  const [filter, setFilter] = useState<Omit<CoverageFilter, 'serviceId'> & { serviceId: string | null | undefined }>({
    serviceId: undefined,
    area: null,
    callSource: null,
    disposition: null,
  });
  const serviceId = filter.serviceId === undefined ? (services[0] ? String(services[0].id) : null) : filter.serviceId;
  const { area, callSource, disposition } = filter;
  const [draft, setDraft] = useState<CoverageFindingDraft | null>(null);
  const coverage = useCoverage({
    ...(serviceId ? { serviceId: Number(serviceId) } : {}),
    ...(area ? { area } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(callSource ? { callSource: callSource as 'other_agency' } : {}),
    ...(disposition ? { disposition: disposition as 'arrest' } : {}),
  });
  const r = coverage.data ?? null;
  const chosen = services.find((s) => String(s.id) === serviceId);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={3}>24/7 coverage: when crises happen against when services can answer</Title>
        <CoverageFilters
          services={services}
          areas={r?.areas ?? []}
          value={{ ...filter, serviceId }}
          onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))}
        />
        <ErrorAlert error={coverage.error} title="Cannot show the coverage" />
        {r?.service && <CoverageFigures r={r} serviceName={r.service.name} />}
        {r && <HeatMap r={r} />}
        {r?.service && chosen && (
          <Group>
            <Button onClick={() => setDraft(draftCoverageFinding(r, chosen, { area }))} disabled={r.outsideHours === 0}>
              Record a finding from this gap
            </Button>
            {r.outsideHours === 0 && <Text size="sm">No incidents fell outside {r.service.name} hours in this view.</Text>}
          </Group>
        )}
        {r?.service && (
          <Text size="sm">
            Outlined (dashed) cells: hours when {r.service.name} was not available in its latest schedule of the period. Rates compare
            incidents inside and outside its hours and areas; small counts should not be over-read.
          </Text>
        )}
        <GapFindings />
      </Stack>
      <CoverageFindingModal draft={draft} onClose={() => setDraft(null)} onCreated={() => {}} />
    </Paper>
  );
}
