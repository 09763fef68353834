/** The owner agency's response to a sent recommendation: accepted, in part, declined (with its rationale) or none. */
import { Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import type { Recommendation } from '../../../../shared/recommendations/schemas';
import { RESPONSE_KIND, type ResponseKind } from '../../../../shared/recommendations/values';
import { zodForm } from '../../lib/form';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { GuardedTextarea } from '../identifiers';
import { useToday } from '../settings';
import { useFollowWrite } from './queries';
import { formatDate } from '../../lib/format';

interface Values {
  kind: string | null;
  date: string | null;
  rationale: string;
  plannedAction: string;
  plannedDate: string | null;
}

export function ResponseDialog({ rec, onClose }: { rec: Recommendation; onClose(): void }) {
  const today = useToday();
  const write = useFollowWrite('recommendations.recordResponse');
  const [error, setError] = useState<string | null>(null);
  const schema = z
    .object({
      kind: z.string('Choose the response.'),
      date: z.string('Give the date of the response.').refine((d) => d <= today, 'The response cannot be dated after today.'),
      rationale: z.string(),
      plannedAction: z.string(),
      plannedDate: z.string().nullable(),
    })
    .refine((v) => v.kind !== 'declined' || v.rationale.trim().length >= 3, {
      path: ['rationale'],
      message: 'Give the agency’s rationale for declining.',
    });
  const form = useForm<Values>({
    initialValues: { kind: null, date: today, rationale: '', plannedAction: '', plannedDate: null },
    validate: zodForm(schema),
  });
  const none = form.values.kind === 'no_response';
  const submit = async (v: Values) => {
    setError(null);
    try {
      await write.mutateAsync({
        id: rec.id,
        kind: v.kind as ResponseKind,
        date: v.date ?? today,
        rationale: v.rationale,
        plannedAction: none ? '' : v.plannedAction,
        plannedDate: none ? null : v.plannedDate || null,
      });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${rec.code}: the agency’s response`} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack>
          <Text>
            {rec.action} · {rec.owner.name}
            {rec.responseDue ? ` · response requested by ${formatDate(rec.responseDue)}` : ''}
          </Text>
          <Select
            label="Response"
            required
            data={RESPONSE_KIND.options}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('kind')}
          />
          <DateField label="Date of the response" required maxDate={today} {...form.getInputProps('date')} />
          <GuardedTextarea
            label={form.values.kind === 'declined' ? 'Rationale (required)' : 'Rationale or summary (optional)'}
            description="Name organisations, never a person or details of a case."
            value={form.values.rationale}
            onChange={(v) => form.setFieldValue('rationale', v)}
            error={form.errors.rationale}
            minRows={2}
          />
          {!none && (
            <>
              <GuardedTextarea
                label="Planned action (optional)"
                value={form.values.plannedAction}
                onChange={(v) => form.setFieldValue('plannedAction', v)}
                error={form.errors.plannedAction}
                minRows={2}
              />
              <DateField label="Planned date (optional)" clearable {...form.getInputProps('plannedDate')} />
            </>
          )}
          <FormActions error={error} onCancel={onClose} submitLabel="Record the response" loading={write.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
