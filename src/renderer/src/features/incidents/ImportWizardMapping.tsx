/** Import wizard, step 2: the file at a glance, and the mapping of its columns (a preset, a mapping file or one's own). */
import { Badge, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DATE_FIELD, IMPORTABLE_FIELDS, IMPORTABLE_LABELS } from '../../../../shared/import/schemas';
import { DataTable } from '../../ui/DataTable';
import type { Opened, Wizard, WizardForm } from './ImportWizardState';
import { formatCount } from '../../lib/format';

const MAPPABLE = [DATE_FIELD, ...IMPORTABLE_FIELDS] as const;

export function FileSummary({ opened, recognised }: { opened: Opened; recognised: string | null }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Text>
            <b>{opened.fileName}</b> · {formatCount(opened.rows)} rows · {opened.headers.length} columns
          </Text>
          {recognised && <Badge size="lg">Recognised: {recognised}</Badge>}
        </Group>
        {/* Focusable, so a keyboard can scroll a wide file sideways. */}
        <ScrollArea viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'First rows of the file (scrolls sideways)' }}>
          <DataTable label="First rows of the file" headers={opened.headers} rows={opened.sample} size="sm" border />
        </ScrollArea>
      </Stack>
    </Paper>
  );
}

/** One select per incident field: which column fills it (several joined columns are shown, not edited). */
function ColumnSelects({ form, headers }: { form: WizardForm; headers: string[] }) {
  const options = headers.map((h) => ({ value: h, label: h }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
      {MAPPABLE.map((f) => {
        const c = form.values.mapping.columns[f];
        const path = `mapping.columns.${f}`;
        return (
          <Select
            key={f}
            label={IMPORTABLE_LABELS[f]}
            placeholder="Not imported"
            data={options}
            value={Array.isArray(c) ? null : (c ?? null)}
            onChange={(v) => {
              const columns: Record<string, string | string[]> = { ...form.values.mapping.columns };
              if (v) columns[f] = v;
              else delete columns[f];
              form.setFieldValue('mapping.columns', columns);
              form.clearFieldError(path);
            }}
            error={form.errors[path]}
            clearable
            searchable
            description={Array.isArray(c) ? `Joined: ${c.join(' / ')}` : undefined}
          />
        );
      })}
    </SimpleGrid>
  );
}

export function MappingStep({ w }: { w: Wizard }) {
  const { form, presets, opened } = w;
  const mapping = form.values.mapping;
  if (!opened) return null;
  const recognised = presets.find((p) => p.id === opened.suggestedPreset)?.preset.name ?? null;
  return (
    <Stack>
      <FileSummary opened={opened} recognised={recognised} />
      <Paper withBorder p="lg">
        <Stack>
          <Group align="flex-end">
            <Select
              label="Mapping preset"
              data={[...presets.map((p) => ({ value: p.id, label: p.preset.name })), { value: '', label: 'My own mapping' }]}
              value={form.values.presetId ?? ''}
              onChange={(v) => {
                const p = presets.find((x) => x.id === v);
                form.setFieldValue('presetId', p?.id ?? null);
                if (p) form.setFieldValue('mapping', p.preset);
              }}
              w={360}
              allowDeselect={false}
            />
            <Button variant="default" onClick={() => void w.mappingFiles.load()}>
              Load mapping file…
            </Button>
            <Button variant="default" onClick={() => void w.mappingFiles.save()}>
              Save mapping as file…
            </Button>
          </Group>
          {mapping.description && <Text c="dimmed">{mapping.description}</Text>}
          <ColumnSelects form={form} headers={opened.headers} />
          {mapping.drop.length > 0 && (
            <Text>
              Never imported: {mapping.drop.join(', ')}
              {mapping.dropReason ? ` (${mapping.dropReason})` : ''}.
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={() => void w.preview()} loading={w.busy}>
              Dry run
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
