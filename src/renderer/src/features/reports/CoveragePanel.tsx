/**
 * Reports → 24/7 coverage: incidents by hour of day × weekday, with the hours the chosen
 * service was not available outlined, and the outside-hours share and rates with counts.
 * The heat map is a real table (the numbers are in the cells), so it is its own text alternative.
 */
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { draftCoverageFinding, type CoverageFindingDraft } from '../../../../shared/coverage/gap';
import type { Finding } from '../../../../shared/meetings/schemas';
import { CoverageFindingModal } from './CoverageFindingModal';
import { RecommendationModal, SystemicFindingCard, useFindings } from '../meetings';
import type { Service } from '../../../../shared/coverage/schemas';
import { CALL_SOURCE, DISPOSITION } from '../../../../shared/incidents/values';
import { ErrorAlert } from '../../ui/FormActions';
import { useServices } from '../settings';
import { useCoverage } from './queries';
import classes from './CoveragePanel.module.css';
import { StatCard } from '../../ui/StatCard';

const NO_SERVICES: Service[] = [];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function CoveragePanel({ from, to }: { from: string; to: string }) {
  const services = useServices().data?.services ?? NO_SERVICES;
  // Until one is chosen (or the choice is cleared), the first service.
  const [chosenService, setServiceId] = useState<string | null | undefined>(undefined);
  const serviceId = chosenService === undefined ? (services[0] ? String(services[0].id) : null) : chosenService;
  const [area, setArea] = useState<string | null>(null);
  const [callSource, setCallSource] = useState<string | null>(null);
  const [disposition, setDisposition] = useState<string | null>(null);
  const [draft, setDraft] = useState<CoverageFindingDraft | null>(null);
  const gapFindings = useFindings({ source: 'coverage' }).data?.findings ?? [];
  const [recFor, setRecFor] = useState<Finding | null>(null);
  const coverage = useCoverage({
    ...(serviceId ? { serviceId: Number(serviceId) } : {}),
    ...(area ? { area } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(callSource ? { callSource: callSource as 'other_agency' } : {}),
    ...(disposition ? { disposition: disposition as 'arrest' } : {}),
  });
  const r = coverage.data ?? null;

  const max = r ? Math.max(1, ...r.byHourWeekday.flat()) : 1;
  const chosen = services.find((s) => String(s.id) === serviceId);
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={3}>24/7 coverage: when crises happen against when services can answer</Title>
        <Group align="flex-end">
          <Select
            label="Service"
            data={services.map((s) => ({ value: String(s.id), label: s.name }))}
            value={serviceId}
            onChange={setServiceId}
            placeholder={services.length ? 'Choose' : 'Add one in Settings → Crisis services'}
            w={260}
            clearable
          />
          <Select label="Area" data={r?.areas ?? []} value={area} onChange={setArea} clearable searchable w={180} />
          <Select label="Call source" data={CALL_SOURCE.options} value={callSource} onChange={setCallSource} clearable w={200} />
          <Select label="Disposition" data={DISPOSITION.options} value={disposition} onChange={setDisposition} clearable w={260} />
        </Group>
        <ErrorAlert error={coverage.error} title="Cannot show the coverage" />
        {r && (
          <>
            {r.service && (
              <SimpleGrid cols={{ base: 1, md: 3 }} aria-label="Coverage figures">
                <StatCard
                  label={`Incidents outside ${r.service.name} hours`}
                  value={r.outsideShare === null ? '—' : `${Math.round(r.outsideShare * 1000) / 10}%`}
                  note={`${r.outsideHours.toLocaleString()} of ${r.placed.toLocaleString()} incidents with an hour and weekday`}
                />
                {(
                  [
                    ['Emergency detention', 'detentionRate', 'detentions'],
                    ['Arrest', 'arrestRate', 'arrests'],
                  ] as const
                ).map(([label, rateKey, countKey]) => (
                  <StatCard
                    key={label}
                    label={`${label}: outside vs inside hours`}
                    value={`${pct(r.rates.outside[rateKey])} vs ${pct(r.rates.inside[rateKey])}`}
                    note={`${r.rates.outside[countKey].toLocaleString()} of ${r.rates.outside.incidents.toLocaleString()} vs ${r.rates.inside[countKey].toLocaleString()} of ${r.rates.inside.incidents.toLocaleString()}`}
                  />
                ))}
              </SimpleGrid>
            )}
            <div className={classes.scroll}>
              <table
                className={classes.heat}
                aria-label={`Incidents by hour of day and weekday, ${r.from} to ${r.to}${r.service ? `; outlined cells: ${r.service.name} not available` : ''}`}
              >
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    {Array.from({ length: 24 }, (_, h) => (
                      <th key={h} scope="col">
                        {String(h).padStart(2, '0')}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.byHourWeekday.map((row, d) => (
                    <tr key={d}>
                      <th scope="row">{DAYS[d]}</th>
                      {row.map((n, h) => {
                        const off = r.available ? !r.available[d]![h] : false;
                        const level = n / max;
                        return (
                          <td
                            key={h}
                            className={off ? classes.off : undefined}
                            style={{ background: `color-mix(in srgb, #006f63 ${Math.round(5 + level * 55)}%, #ffffff)`, color: '#111' }}
                            title={`${DAYS[d]} ${String(h).padStart(2, '0')}:00 — ${n} incidents${off ? ' (service not available)' : ''}`}
                          >
                            {n}
                            {off && <span className={classes.sr}> (not covered)</span>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {r.service && chosen && (
              <Group>
                <Button onClick={() => setDraft(draftCoverageFinding(r, chosen, { area }))} disabled={r.outsideHours === 0}>
                  Record a finding from this gap
                </Button>
                {r.outsideHours === 0 && <Text size="sm">No incidents fell outside {r.service.name} hours in this view.</Text>}
              </Group>
            )}
            {r.service && (
              <Text size="sm">
                Outlined (dashed) cells: hours when {r.service.name} was not available in its latest schedule of the period. Rates compare
                incidents inside and outside its hours and areas; small counts should not be over-read.
              </Text>
            )}
          </>
        )}
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
      </Stack>
      <CoverageFindingModal draft={draft} onClose={() => setDraft(null)} onCreated={() => {}} />
      <RecommendationModal
        opened={recFor !== null}
        findings={recFor ? [recFor] : []}
        meetingId={recFor?.meetingId ?? null}
        onClose={() => setRecFor(null)}
        onCreated={() => {}}
      />
    </Paper>
  );
}
