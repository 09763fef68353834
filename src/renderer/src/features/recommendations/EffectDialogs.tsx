/** "Did it work?": the effect measure (what, baseline, target, when, who measures) and recording an effect check. */
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import type { EffectCheck, Recommendation } from '../../../../shared/recommendations/schemas';
import { EFFECT_RESULT, MEASURE_KIND, type EffectResult } from '../../../../shared/recommendations/values';
import { zodForm } from '../../lib/form';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { GuardedTextarea } from '../identifiers';
import { useRoster } from '../settings';
import { useFollowWrite } from './queries';
import { formatDate } from '../../lib/format';

interface MeasureValues {
  kind: string;
  baseline: string;
  target: string;
  measureDate: string | null;
  measuredBy: string | null;
}

export function MeasureDialog({ rec, onClose }: { rec: Recommendation; onClose(): void }) {
  const write = useFollowWrite('recommendations.setEffectMeasure');
  const orgs = useRoster().data?.organisations ?? [];
  const [error, setError] = useState<string | null>(null);
  const e = rec.effect;
  const form = useForm<MeasureValues>({
    initialValues: {
      kind: e?.kind ?? 'process',
      baseline: e?.baseline ?? '',
      target: e?.target ?? '',
      measureDate: e?.measureDate ?? null,
      measuredBy: e?.measuredBy ? String(e.measuredBy.id) : null,
    },
    validate: zodForm(
      z.object({
        kind: z.string(),
        baseline: z.string().trim().min(1, 'Give the baseline (what it is today).'),
        target: z.string().trim().min(1, 'Give the target.'),
        measureDate: z.string('Give the date it will be measured.'),
        measuredBy: z.string().nullable(),
      }),
    ),
  });
  const submit = async (v: MeasureValues) => {
    setError(null);
    try {
      await write.mutateAsync({
        id: rec.id,
        kind: v.kind as 'process' | 'outcome',
        baseline: v.baseline,
        target: v.target,
        measureDate: v.measureDate ?? '',
        measuredByOrganisationId: v.measuredBy ? Number(v.measuredBy) : null,
      });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${rec.code}: effect measure`} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack>
          <Text>{rec.action}</Text>
          <Select label="Kind of measure" data={MEASURE_KIND.options} allowDeselect={false} {...form.getInputProps('kind')} />
          <TextInput label="Baseline" required description="What it is today, e.g. 4 of 10 calls." {...form.getInputProps('baseline')} />
          <TextInput label="Target" required {...form.getInputProps('target')} />
          <DateField label="Measurement date" required {...form.getInputProps('measureDate')} />
          <Select
            label="Measured by"
            clearable
            data={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
            {...form.getInputProps('measuredBy')}
          />
          <FormActions error={error} onCancel={onClose} submitLabel="Save the measure" loading={write.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

interface CheckValues {
  result: string | null;
  value: string;
  note: string;
}

export function CheckDialog({ rec, check, onClose }: { rec: Recommendation; check: EffectCheck; onClose(): void }) {
  const write = useFollowWrite('recommendations.recordEffectCheck');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CheckValues>({
    initialValues: { result: null, value: '', note: '' },
    validate: zodForm(
      z
        .object({ result: z.string('Choose the result.'), value: z.string(), note: z.string() })
        .refine((v) => v.result === 'not_measurable' || v.value.trim().length > 0, {
          path: ['value'],
          message: 'Give the measured value (or record the effect as not measurable).',
        })
        .refine((v) => v.result !== 'not_measurable' || v.note.trim().length > 0, {
          path: ['note'],
          message: 'Say why it could not be measured.',
        }),
    ),
  });
  const submit = async (v: CheckValues) => {
    setError(null);
    try {
      await write.mutateAsync({ checkId: check.id, result: v.result as EffectResult, value: v.value, note: v.note });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${rec.code}: effect check of ${formatDate(check.dueDate)}`} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack>
          {rec.effect && (
            <Text>
              Baseline {rec.effect.baseline} · target {rec.effect.target}
            </Text>
          )}
          <Select
            label="Result"
            required
            data={EFFECT_RESULT.options}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('result')}
          />
          <TextInput label="Measured value" {...form.getInputProps('value')} />
          <GuardedTextarea
            label="Note"
            value={form.values.note}
            onChange={(v) => form.setFieldValue('note', v)}
            error={form.errors.note}
            minRows={2}
          />
          <FormActions error={error} onCancel={onClose} submitLabel="Record the check" loading={write.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
