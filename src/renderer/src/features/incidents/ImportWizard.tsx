/**
 * Import a CSV in four visible steps: choose the file → map columns (a preset or your own) →
 * dry run (counts, row errors, unmapped values you can map on the spot) → import, all or nothing.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { DATE_FIELD, IMPORTABLE_FIELDS, IMPORTABLE_LABELS, type ImportReport, type MappingPreset } from '../../../../shared/import/schemas';
import { MULTI_VALUE_FIELDS, SINGLE_VALUE_FIELDS, type ValueOption } from '../../../../shared/incidents/values';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { invalidate } from '../../lib/query';
import { INCIDENT_READS, useImportPresets } from './queries';
import { DataTable } from '../../ui/DataTable';
import { StatCard } from '../../ui/StatCard';
import { ErrorAlert } from '../../ui/FormActions';

interface Opened {
  stagingId: string;
  fileName: string;
  headers: string[];
  sample: string[][];
  rows: number;
  suggestedPreset: string | null;
}

const VALUE_SETS: Record<string, ValueOption[]> = Object.fromEntries(
  Object.entries({ ...SINGLE_VALUE_FIELDS, ...MULTI_VALUE_FIELDS }).map(([field, set]) => [field, set.options]),
);
const NO_VALUE = '__none__';
const MAPPABLE = [DATE_FIELD, ...IMPORTABLE_FIELDS] as const;

export function ImportWizard({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const [step, setStep] = useState(0);
  const [opened, setOpened] = useState<Opened | null>(null);
  const presetsQuery = useImportPresets();
  const presets = useMemo(() => presetsQuery.data?.presets ?? [], [presetsQuery.data]);
  const client = useQueryClient();
  const [mapping, setMapping] = useState<MappingPreset | null>(null);
  const [presetId, setPresetId] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; stage: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);

  useEffect(() => api().subscribe('task.progress', (p) => p.task === 'import' && setProgress(p)), []);

  // A preset as chosen is used as-is; any edit turns it into your own mapping.
  const source = useMemo(
    () => (presetId && mapping === presets.find((p) => p.id === presetId)?.preset ? { preset: presetId } : mapping ? { mapping } : null),
    [presetId, mapping, presets],
  );

  const guard = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const choose = () =>
    guard(async () => {
      const f = await unwrap(api().files.chooseOpen({ purpose: 'import' }));
      if (!f) return;
      const o = await unwrap(api().import.open({ handle: f.handle }));
      setOpened(o);
      setReport(null);
      const suggested = presets.find((p) => p.id === o.suggestedPreset);
      setPresetId(suggested?.id ?? null);
      setMapping(suggested?.preset ?? { name: `Mapping for ${o.fileName}`, columns: {}, values: {}, dedupeBy: [], merge: {}, drop: [] });
      setStep(1);
    });

  const preview = () =>
    guard(async () => {
      if (!opened || !source) return;
      setReport(await unwrap(api().import.preview({ stagingId: opened.stagingId, source, skipInvalid })));
      setStep(2);
    });

  const run = () =>
    guard(async () => {
      if (!opened || !source) return;
      const r = await unwrap(api().import.run({ stagingId: opened.stagingId, source, skipInvalid }));
      if (r.invalidRows > 0 && !skipInvalid) {
        setReport(r);
        return;
      }
      setResult(r);
      setStep(3);
      await invalidate(client, INCIDENT_READS);
    });

  const edit = (fn: (m: MappingPreset) => MappingPreset) => setMapping((m) => (m ? fn(structuredClone(m)) : m));
  const setColumn = (field: string, column: string | null) =>
    edit((m) => {
      const columns = { ...m.columns } as Record<string, string | string[]>;
      if (column) columns[field] = column;
      else delete columns[field];
      return { ...m, columns } as MappingPreset;
    });
  const setValue = (field: string, csvValue: string, ours: string | null) =>
    edit((m) => {
      const values = { ...m.values } as Record<string, Record<string, string | null>>;
      values[field] = { ...(values[field] ?? {}), [csvValue]: ours };
      return { ...m, values } as MappingPreset;
    });

  const saveMapping = () =>
    guard(async () => {
      if (!mapping) return;
      const f = await unwrap(
        api().files.chooseSave({ purpose: 'mapping', suggestedName: `${mapping.name.replace(/[^\w-]+/g, '-').toLowerCase()}.json` }),
      );
      if (!f) return;
      await unwrap(api().import.saveMapping({ handle: f.handle, mapping }));
    });
  const loadMapping = () =>
    guard(async () => {
      const f = await unwrap(api().files.chooseOpen({ purpose: 'mapping' }));
      if (!f) return;
      const r = await unwrap(api().import.loadMapping({ handle: f.handle }));
      setPresetId(null);
      setMapping(r.mapping);
    });

  const columnOptions = opened?.headers.map((h) => ({ value: h, label: h })) ?? [];

  return (
    <Stack gap="lg" pb="xl">
      <Group justify="space-between">
        <Title order={2}>Import incidents from CSV</Title>
        <Button variant="default" onClick={onCancel}>
          Back to incidents
        </Button>
      </Group>
      <Stepper active={step} size="md" allowNextStepsSelect={false} onStepClick={(s) => s < step && step < 3 && setStep(s)}>
        <Stepper.Step label="File" description="Choose a CSV" />
        <Stepper.Step label="Mapping" description="Columns and values" />
        <Stepper.Step label="Dry run" description="Check before writing" />
        <Stepper.Step label="Done" description="All or nothing" />
      </Stepper>
      <ErrorAlert error={error ?? presetsQuery.error} />

      {step === 0 && (
        <Paper withBorder p="lg">
          <Stack>
            <Text>
              Casewalk reads the file on this computer only. Nothing is written until you confirm the import, and then either every valid
              row is imported or none is. Text columns are checked by the identifier guard; rows with possible identifiers arrive as drafts.
            </Text>
            <Group>
              <Button onClick={() => void choose()} loading={busy}>
                Choose CSV file…
              </Button>
            </Group>
            {progress?.stage === 'reading' && busy && (
              <Progress value={(progress.done / Math.max(1, progress.total)) * 100} size="lg" aria-label="Reading the file" />
            )}
          </Stack>
        </Paper>
      )}

      {step === 1 && opened && mapping && (
        <Stack>
          <Paper withBorder p="lg">
            <Stack>
              <Group justify="space-between">
                <Text>
                  <b>{opened.fileName}</b> · {opened.rows.toLocaleString()} rows · {opened.headers.length} columns
                </Text>
                {opened.suggestedPreset && (
                  <Badge size="lg">Recognised: {presets.find((p) => p.id === opened.suggestedPreset)?.preset.name}</Badge>
                )}
              </Group>
              <ScrollArea>
                <DataTable label="First rows of the file" headers={opened.headers} rows={opened.sample} size="sm" border />
              </ScrollArea>
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack>
              <Group align="flex-end">
                <Select
                  label="Mapping preset"
                  data={[...presets.map((p) => ({ value: p.id, label: p.preset.name })), { value: '', label: 'My own mapping' }]}
                  value={presetId ?? ''}
                  onChange={(v) => {
                    const p = presets.find((x) => x.id === v);
                    setPresetId(p?.id ?? null);
                    if (p) setMapping(p.preset);
                  }}
                  w={360}
                  allowDeselect={false}
                />
                <Button variant="default" onClick={() => void loadMapping()}>
                  Load mapping file…
                </Button>
                <Button variant="default" onClick={() => void saveMapping()}>
                  Save mapping as file…
                </Button>
              </Group>
              {mapping.description && <Text c="dimmed">{mapping.description}</Text>}
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {MAPPABLE.map((f) => {
                  const c = mapping.columns[f];
                  return (
                    <Select
                      key={f}
                      label={IMPORTABLE_LABELS[f]}
                      placeholder="Not imported"
                      data={columnOptions}
                      value={Array.isArray(c) ? null : (c ?? null)}
                      onChange={(v) => setColumn(f, v)}
                      clearable
                      searchable
                      description={Array.isArray(c) ? `Joined: ${c.join(' / ')}` : undefined}
                    />
                  );
                })}
              </SimpleGrid>
              {mapping.drop.length > 0 && (
                <Text>
                  Never imported: {mapping.drop.join(', ')}
                  {mapping.dropReason ? ` (${mapping.dropReason})` : ''}.
                </Text>
              )}
              <Group justify="flex-end">
                <Button onClick={() => void preview()} loading={busy} disabled={!source}>
                  Dry run
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      )}

      {step === 2 && report && mapping && (
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 2, md: 5 }} aria-label="Dry run counts">
              <StatCard label="Rows read" value={report.rows.toLocaleString()} />
              <StatCard
                label={report.dryRun ? 'Incidents to create' : 'Incidents created'}
                value={(report.invalidRows && !skipInvalid ? 0 : report.imported).toLocaleString()}
              />
              <StatCard label="Rows merged" value={report.merged.toLocaleString()} />
              <StatCard label="Invalid rows" value={report.invalidRows.toLocaleString()} alert={report.invalidRows > 0} />
              <StatCard
                label="With possible identifiers"
                value={report.withIdentifiers.toLocaleString()}
                alert={report.withIdentifiers > 0}
              />
            </SimpleGrid>
            {report.invalidRows > 0 && (
              <Alert
                color={skipInvalid ? 'orange' : 'red'}
                title={skipInvalid ? 'Invalid rows will be left out' : 'Nothing will be imported while rows are invalid'}
              >
                Map the unlisted values below, fix the file, or choose to leave the invalid rows out.
              </Alert>
            )}
            {Object.entries(report.unmapped).map(([field, values]) => (
              <Stack key={field} gap="xs">
                <Title order={4}>Values with no {IMPORTABLE_LABELS[field as keyof typeof IMPORTABLE_LABELS] ?? field} match</Title>
                {Object.entries(values).map(([csvValue, count]) => (
                  <Group key={csvValue}>
                    <Text w={420} truncate title={csvValue}>
                      “{csvValue}”{' '}
                      <Text span c="dimmed">
                        ({count} rows)
                      </Text>
                    </Text>
                    <Select
                      aria-label={`Value for “${csvValue}”`}
                      placeholder="Choose a value"
                      data={[{ value: NO_VALUE, label: '(no value)' }, ...(VALUE_SETS[field] ?? [])]}
                      value={(() => {
                        const v = mapping.values[field as keyof typeof mapping.values]?.[csvValue];
                        return v === undefined ? null : (v ?? NO_VALUE);
                      })()}
                      onChange={(v) => v && setValue(field, csvValue, v === NO_VALUE ? null : v)}
                      w={320}
                    />
                  </Group>
                ))}
              </Stack>
            ))}
            {report.errors.length > 0 && (
              <DataTable
                label="Row errors"
                headers={['Row', 'Problem', 'Message']}
                rows={report.errors.slice(0, 25).map((e) => [e.row, e.code.replace(/_/g, ' '), e.message])}
                border
              />
            )}
            {report.errors.length > 25 && <Text c="dimmed">…and {report.invalidRows - 25} more invalid rows.</Text>}
            {report.droppedColumns.length > 0 && <Text>Dropped, never imported: {report.droppedColumns.join(', ')}.</Text>}
            {report.ignoredColumns.length > 0 && <Text>Not mapped (ignored): {report.ignoredColumns.join(', ')}.</Text>}
            {report.attribution && (
              <Text size="sm" c="dimmed">
                {report.attribution}
              </Text>
            )}
            {busy && progress && progress.stage !== 'reading' && (
              <Progress
                value={(progress.done / Math.max(1, progress.total)) * 100}
                size="xl"
                aria-label={`Import progress: ${progress.stage}`}
              />
            )}
            <Group justify="space-between">
              <Checkbox
                size="md"
                label="Leave invalid rows out and import the rest"
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
              />
              <Group>
                <Button variant="default" onClick={() => void preview()} loading={busy}>
                  Run the dry run again
                </Button>
                <Button onClick={() => void run()} loading={busy} disabled={report.invalidRows > 0 && !skipInvalid}>
                  Import {(report.imported || 0).toLocaleString()} incidents
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 3 && result && (
        <Alert color="teal" title="Import complete">
          <Stack gap="xs">
            <Text>
              {result.imported.toLocaleString()} incidents imported as drafts ({result.merged} rows merged, {result.skipped} invalid rows
              left out).
              {result.withIdentifiers > 0 && ` ${result.withIdentifiers} have possible identifiers to resolve before review.`}
            </Text>
            {result.attribution && <Text size="sm">{result.attribution}</Text>}
            <Anchor onClick={onDone}>Show the incidents</Anchor>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
