/** Import wizard, step 3: the dry run — counts, repeats, unknown values to map on the spot, row errors — and the import. */
import { Alert, Anchor, Button, Checkbox, Group, Paper, Progress, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IMPORTABLE_LABELS, type ImportReport } from '../../../../shared/import/schemas';
import { MULTI_VALUE_FIELDS, SINGLE_VALUE_FIELDS, type ValueOption } from '../../../../shared/incidents/values';
import { formatDate, formatCount } from '../../lib/format';
import { href, paths } from '../../lib/routes';
import { DataTable } from '../../ui/DataTable';
import { StatCard } from '../../ui/StatCard';
import type { Wizard, WizardForm } from './ImportWizardState';

const VALUE_SETS: Record<string, ValueOption[]> = Object.fromEntries(
  Object.entries({ ...SINGLE_VALUE_FIELDS, ...MULTI_VALUE_FIELDS }).map(([field, set]) => [field, set.options]),
);
const NO_VALUE = '__none__';
const fieldLabel = (f: string) => IMPORTABLE_LABELS[f as keyof typeof IMPORTABLE_LABELS] ?? f;

function Counts({ report }: { report: ImportReport }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} aria-label="Dry run counts">
      <StatCard label="Rows read" value={formatCount(report.rows)} />
      <StatCard label={report.dryRun ? 'Incidents to create' : 'Incidents created'} value={formatCount(report.imported)} />
      <StatCard label="Rows merged" value={formatCount(report.merged)} />
      <StatCard label="Invalid rows" value={formatCount(report.invalidRows)} alert={report.invalidRows > 0} />
      <StatCard label="With possible identifiers" value={formatCount(report.withIdentifiers)} alert={report.withIdentifiers > 0} />
    </SimpleGrid>
  );
}

/** A repeated file or repeated records: what the earlier import was, and the choice to refuse or skip them. */
function RepeatAlert({ report, form, onChange }: { report: ImportReport; form: WizardForm; onChange(repeats: 'refuse' | 'skip'): void }) {
  const { file, records } = report.repeat;
  if (!records) return null;
  return (
    <Alert color="orange" title={file ? 'This file was already imported' : `${formatCount(records)} incidents were already imported`}>
      <Stack gap="sm">
        <Text>
          {file
            ? `Import #${file.batchId} on ${formatDate(file.importedAt)} (“${file.fileName}”, ${formatCount(file.incidents)} incidents) has exactly the same content.`
            : 'They have the same record id (the source’s own id, such as the Template ID) as incidents an earlier import brought in.'}{' '}
          Rows that merely look alike are not repeats.
        </Text>
        {file && <Anchor href={href(paths.incidents({ batch: file.batchId }))}>Show the incidents of import #{file.batchId}</Anchor>}
        <Radio.Group
          label="Records imported before"
          value={form.values.repeats}
          onChange={(v) => {
            form.setFieldValue('repeats', v as 'refuse' | 'skip');
            onChange(v as 'refuse' | 'skip');
          }}
        >
          <Group mt="xs">
            <Radio value="refuse" label="Refuse: import nothing" />
            <Radio value="skip" label="Skip them and import the rest" />
          </Group>
        </Radio.Group>
      </Stack>
    </Alert>
  );
}

/** Each value the mapping does not know, with a value to give it here. */
function UnknownValues({ report, form }: { report: ImportReport; form: WizardForm }) {
  const mapping = form.values.mapping;
  const setValue = (field: string, csvValue: string, ours: string | null) => {
    const values = { ...mapping.values } as Record<string, Record<string, string | null>>;
    values[field] = { ...(values[field] ?? {}), [csvValue]: ours };
    form.setFieldValue('mapping.values', values);
  };
  return Object.entries(report.unmapped).map(([field, values]) => (
    <Stack key={field} gap="xs">
      <Title order={4}>Values with no {fieldLabel(field)} match</Title>
      {Object.entries(values).map(([csvValue, count]) => {
        const v = mapping.values[field as keyof typeof mapping.values]?.[csvValue];
        return (
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
              value={v === undefined ? null : (v ?? NO_VALUE)}
              onChange={(x) => x && setValue(field, csvValue, x === NO_VALUE ? null : x)}
              w={320}
            />
          </Group>
        );
      })}
    </Stack>
  ));
}

function Details({ report }: { report: ImportReport }) {
  return (
    <>
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
    </>
  );
}

export function DryRunStep({ w }: { w: Wizard }) {
  const { report, form, busy, progress } = w;
  if (!report) return null;
  const skipInvalid = form.values.skipInvalid;
  const blocked = (report.invalidRows > 0 && !skipInvalid) || report.imported === 0;
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Counts report={report} />
        <RepeatAlert report={report} form={form} onChange={(repeats) => void w.preview({ ...form.values, repeats })} />
        {report.invalidRows > 0 && (
          <Alert
            color={skipInvalid ? 'orange' : 'red'}
            title={skipInvalid ? 'Invalid rows will be left out' : 'Nothing will be imported while rows are invalid'}
          >
            Map the unlisted values below, fix the file, or choose to leave the invalid rows out.
          </Alert>
        )}
        <UnknownValues report={report} form={form} />
        <Details report={report} />
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
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              form.setFieldValue('skipInvalid', checked);
              void w.preview({ ...form.values, skipInvalid: checked });
            }}
          />
          <Group>
            <Button variant="default" onClick={() => void w.preview()} loading={busy}>
              Run the dry run again
            </Button>
            <Button onClick={() => void w.run()} loading={busy} disabled={blocked}>
              Import {formatCount(report.imported)} incidents
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
