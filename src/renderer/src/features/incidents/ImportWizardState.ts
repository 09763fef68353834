/**
 * The import wizard's state: the chosen file, the form (@mantine/form checked by the shared
 * zod schema `importWizardForm`), the dry-run report and the result, and the four actions.
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { importWizardForm, type ImportReport, type ImportWizardValues, type MappingPreset } from '../../../../shared/import/schemas';
import { api, unwrap } from '../../lib/api';
import { zodForm } from '../../lib/form';
import { invalidate, methodQuery } from '../../lib/query';
import { INCIDENT_READS, useImportPresets } from './queries';

export interface Opened {
  stagingId: string;
  fileName: string;
  headers: string[];
  sample: string[][];
  rows: number;
  suggestedPreset: string | null;
}
export type Preset = { id: string; preset: MappingPreset };
export type WizardForm = UseFormReturnType<ImportWizardValues>;
export type Progress = { done: number; total: number; stage: string };

/** What else a change to imports makes stale. */
export const IMPORT_READS = [...INCIDENT_READS, 'import.batches'] as const;

const ownMapping = (fileName: string): MappingPreset => ({
  name: `Mapping for ${fileName}`,
  columns: {},
  values: {},
  dedupeBy: [],
  merge: {},
  drop: [],
});
const INITIAL: ImportWizardValues = { presetId: null, mapping: ownMapping('this file'), skipInvalid: false, repeats: 'refuse' };

/** A preset exactly as shipped goes by its id (its attribution and name stay); any edit makes it one's own mapping. */
function sourceOf(v: ImportWizardValues, presets: Preset[]) {
  const p = presets.find((x) => x.id === v.presetId);
  return p && JSON.stringify(p.preset) === JSON.stringify(v.mapping) ? { preset: p.id } : { mapping: v.mapping };
}

export function useImportWizard() {
  const [step, setStep] = useState(0);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const presetsQuery = useImportPresets();
  const presets = useMemo(() => presetsQuery.data?.presets ?? [], [presetsQuery.data]);
  const client = useQueryClient();
  const form = useForm<ImportWizardValues>({ initialValues: INITIAL, validate: zodForm(importWizardForm) });

  useEffect(() => api().subscribe('task.progress', (p) => p.task === 'import' && setProgress(p)), []);

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
  const request = (v: ImportWizardValues) => ({
    stagingId: opened!.stagingId,
    source: sourceOf(v, presets),
    skipInvalid: v.skipInvalid,
    repeats: v.repeats,
  });

  const choose = () =>
    guard(async () => {
      const f = await unwrap(api().files.chooseOpen({ purpose: 'import' }));
      if (!f) return;
      const o = await unwrap(api().import.open({ handle: f.handle }));
      // A file chosen before the presets arrived is still recognised.
      const known = presetsQuery.data?.presets ?? (await client.fetchQuery(methodQuery('import.presets'))).presets;
      const suggested = known.find((p) => p.id === o.suggestedPreset);
      setOpened(o);
      setReport(null);
      form.setValues({ ...INITIAL, presetId: suggested?.id ?? null, mapping: suggested?.preset ?? ownMapping(o.fileName) });
      form.resetDirty();
      setStep(1);
    });
  // Every dry run and the import check the form first: errors show under their fields.
  const preview = (v: ImportWizardValues = form.values) =>
    guard(async () => {
      if (!opened || form.validate().hasErrors) return;
      setReport(await unwrap(api().import.preview(request(v))));
      setStep(2);
    });
  const run = () =>
    guard(async () => {
      if (!opened || form.validate().hasErrors) return;
      const r = await unwrap(api().import.run(request(form.values)));
      if (r.invalidRows > 0 && !form.values.skipInvalid) return setReport(r);
      setResult(r);
      setStep(3);
      await invalidate(client, IMPORT_READS);
    });
  const mappingFiles = {
    save: () =>
      guard(async () => {
        const m = form.values.mapping;
        const name = `${m.name.replace(/[^\w-]+/g, '-').toLowerCase()}.json`;
        const f = await unwrap(api().files.chooseSave({ purpose: 'mapping', suggestedName: name }));
        if (!f) return;
        const r = await unwrap(api().import.saveMapping({ handle: f.handle, mapping: m }));
        notifications.show({ title: 'Mapping saved', message: `Saved as ${r.displayName}` });
      }),
    load: () =>
      guard(async () => {
        const f = await unwrap(api().files.chooseOpen({ purpose: 'mapping' }));
        if (!f) return;
        const r = await unwrap(api().import.loadMapping({ handle: f.handle }));
        form.setValues({ presetId: null, mapping: r.mapping });
      }),
  };

  return {
    step,
    setStep,
    opened,
    report,
    result,
    busy,
    error: error ?? presetsQuery.error,
    progress,
    presets,
    form,
    choose,
    preview,
    run,
    mappingFiles,
  };
}
export type Wizard = ReturnType<typeof useImportWizard>;
