/**
 * One step of a recommendation's lifecycle: a note, and what the step needs — a closure code to
 * close it, the rationale to decline it, the recommendation that supersedes it, or what was
 * checked, by whom, when and the evidence to verify it. The core checks the same rules.
 */
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { recommendationMethods, type Recommendation } from '../../../../shared/recommendations/schemas';
import {
  CLOSURE_CODE,
  CLOSURE_FOR,
  isClosed,
  noteNeeded,
  REC_STATUS,
  type ClosureCode,
  type RecStatus,
} from '../../../../shared/recommendations/values';
import { zodForm } from '../../lib/form';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { GuardedTextarea } from '../identifiers';
import { useToday } from '../settings';
import { useFollowWrite, useRegister } from './queries';

interface Values {
  note: string;
  closureCode: string | null;
  supersededBy: string | null;
  what: string;
  by: string;
  date: string | null;
  evidence: string;
}

// The contract's own checks (src/shared), so the dialog and the core say the same words.
const verification = recommendationMethods['recommendations.setStatus'].input.shape.verification.unwrap().shape;
function schemaFor(rec: Recommendation, to: RecStatus, today: string) {
  const noteMessage = noteNeeded(rec.status, to, rec.code);
  const verifying = to === 'verified_implemented';
  return z.object({
    note: noteMessage ? z.string().trim().min(1, noteMessage) : z.string(),
    closureCode: isClosed(to) ? z.string('Choose a closure code.') : z.any(),
    supersededBy: to === 'superseded' ? z.string('Choose the recommendation that supersedes it.') : z.any(),
    what: verifying ? verification.what : z.string(),
    by: verifying ? verification.by : z.string(),
    date: verifying
      ? z.string('Give the date it was checked.').refine((d) => d <= today, 'The date it was checked cannot be after today.')
      : z.any(),
    evidence: verifying ? verification.evidence : z.string(),
  });
}

export function StatusDialog({ rec, to, onClose }: { rec: Recommendation; to: RecStatus; onClose(): void }) {
  const today = useToday();
  const write = useFollowWrite('recommendations.setStatus');
  const [error, setError] = useState<string | null>(null);
  const others = useRegister({}).data?.recommendations.filter((r) => r.id !== rec.id) ?? [];
  const form = useForm<Values>({
    initialValues: { note: '', closureCode: null, supersededBy: null, what: '', by: '', date: null, evidence: '' },
    validate: zodForm(schemaFor(rec, to, today)),
  });
  const closing = isClosed(to);
  const submit = async (v: Values) => {
    setError(null);
    try {
      await write.mutateAsync({
        id: rec.id,
        status: to,
        note: v.note,
        ...(closing && v.closureCode ? { closureCode: v.closureCode as ClosureCode } : {}),
        ...(to === 'superseded' && v.supersededBy ? { supersededBy: Number(v.supersededBy) } : {}),
        ...(to === 'verified_implemented' ? { verification: { what: v.what, by: v.by, date: v.date ?? '', evidence: v.evidence } } : {}),
      });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${rec.code}: ${REC_STATUS.label(to)}`} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack>
          <Text>{rec.action}</Text>
          {closing && (
            <Select
              label="Closure code"
              required
              data={CLOSURE_FOR[to].map((c) => ({ value: c, label: CLOSURE_CODE.label(c) }))}
              allowDeselect={false}
              {...form.getInputProps('closureCode')}
            />
          )}
          {to === 'superseded' && (
            <Select
              label="Superseded by"
              required
              searchable
              data={others.map((r) => ({ value: String(r.id), label: `${r.code}: ${r.action.slice(0, 80)}` }))}
              {...form.getInputProps('supersededBy')}
            />
          )}
          {to === 'verified_implemented' && (
            <>
              <TextInput label="What was checked" required {...form.getInputProps('what')} />
              <TextInput label="Checked by (organisation)" required {...form.getInputProps('by')} />
              <DateField label="Date checked" required maxDate={today} {...form.getInputProps('date')} />
              <GuardedTextarea
                label="Evidence"
                value={form.values.evidence}
                onChange={(v) => form.setFieldValue('evidence', v)}
                error={form.errors.evidence}
                minRows={2}
              />
            </>
          )}
          <GuardedTextarea
            label={
              to === 'declined'
                ? 'Why was it declined? (required)'
                : noteNeeded(rec.status, to, rec.code)
                  ? 'Why is it reopened? (required)'
                  : 'Note (optional)'
            }
            description="Name organisations, never a person or details of a case."
            value={form.values.note}
            onChange={(v) => form.setFieldValue('note', v)}
            error={form.errors.note}
            minRows={2}
          />
          <FormActions error={error} onCancel={onClose} submitLabel={`Record: ${REC_STATUS.label(to)}`} loading={write.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
