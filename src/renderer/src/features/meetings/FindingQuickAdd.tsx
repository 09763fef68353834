/**
 * Quick-add bar for findings during the walk-through: type, pick the category with Alt+1…8,
 * toggle gap / what worked with Alt+W, Enter saves (linked to the current timeline step).
 * After a save the bar starts again: empty, a gap, the first category, no tags.
 * The category is a compact choice and the optional intercept and CIT goals fold away (Alt+M),
 * so the bar stays one row high beside its text box.
 * A gentle reminder appears when the text singles out a person; it never blocks saving.
 * The text is guarded as it is typed, as in the incident editor (see GuardedRecordText).
 */
import { Badge, Button, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { meetingMethods, type BlameHint, type Finding } from '../../../../shared/meetings/schemas';
import { CIT_GOAL, FINDING_CATEGORY, FINDING_KIND, type FindingCategory } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { zodForm } from '../../lib/form';
import { FormError } from '../../ui/FormActions';
import { useBlameCheck, useRecordWrite } from './queries';
import { FindingTextField, useNotIdentifiers } from './GuardedRecordText';

export function useBlameHints(text: string): BlameHint[] {
  const [debounced] = useDebouncedValue(text, 300);
  const hints = useBlameCheck(debounced).data?.hints ?? [];
  return text.trim() && debounced.trim() ? hints : [];
}

export function BlameReminder({ hints }: { hints: BlameHint[] }) {
  if (!hints.length) return null;
  return (
    <Text
      size="md"
      role="status"
      c="var(--mantine-color-text)"
      style={{ borderLeft: '4px solid var(--mantine-color-orange-7)', paddingLeft: 8 }}
    >
      A reminder: “{hints.map((h) => h.phrase).join('”, “')}” points at a person. {hints[0]!.suggestion}
    </Text>
  );
}

/** The four CIT goals as toggles (a finding may serve several). */
export function GoalChips({ value, onChange }: { value: string[]; onChange(v: string[]): void }) {
  return (
    <Chip.Group multiple value={value} onChange={onChange}>
      <Group gap={6} role="group" aria-label="CIT goals">
        {CIT_GOAL.options.map((o) => (
          <Chip key={o.value} value={o.value} size="sm" variant="outline">
            Goal {o.label}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

// The contract's own checks (src/shared) for the text; the choices come from value sets.
const schema = z.object({ description: meetingMethods['findings.create'].input.shape.description });
interface Values {
  description: string;
  category: FindingCategory;
  kind: Finding['kind'];
  intercept: string | null;
  goals: string[];
}
/** The category as a compact choice; its number is the Alt+number shortcut. */
const CATEGORY_OPTIONS = FINDING_CATEGORY.options.map((o, i) => ({ value: o.value, label: `${i + 1} · ${o.label}` }));
const START: Values = { description: '', category: 'policy', kind: 'gap', intercept: null, goals: [] };

export function FindingQuickAdd(p: {
  incidentId: number;
  meetingId: number | null;
  timelineEventId: number | null;
  onAdded(f: Finding): void;
}) {
  const form = useForm<Values>({ initialValues: START, validate: zodForm(schema) });
  const v = form.getValues();
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const hints = useBlameHints(v.description);
  const guard = useNotIdentifiers();
  const tagged = (v.intercept ? 1 : 0) + v.goals.length;
  const createFinding = useRecordWrite('findings.create').mutateAsync;

  const save = async (values: Values) => {
    setError(null);
    try {
      const f = await createFinding({
        incidentId: p.incidentId,
        meetingId: p.meetingId,
        category: values.category,
        kind: values.kind,
        intercept: values.intercept as Finding['intercept'],
        goals: values.goals as Finding['goals'],
        timelineEventId: p.timelineEventId,
        description: values.description,
        notIdentifiers: guard.forFinding(values.description),
      });
      form.reset();
      guard.reset();
      p.onAdded(f);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const submit = form.onSubmit((values) => void save(values));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLTextAreaElement && e.key === 'Enter' && !e.shiftKey && v.description.trim()) {
      e.preventDefault();
      submit();
    } else if (e.altKey && /^[1-8]$/.test(e.key)) {
      e.preventDefault();
      form.setFieldValue('category', FINDING_CATEGORY.values[Number(e.key) - 1]!);
    } else if (e.altKey && e.key.toLowerCase() === 'w') {
      e.preventDefault();
      form.setFieldValue('kind', v.kind === 'gap' ? 'worked' : 'gap');
    } else if (e.altKey && e.key.toLowerCase() === 'm') {
      e.preventDefault();
      setMore((m) => !m);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={4}>
        <Group align="flex-start" wrap="nowrap" gap="md">
          <FindingTextField
            label="Add a finding"
            description="Enter saves · Alt+1…8 category · Alt+W gap/worked · Alt+M tags"
            value={v.description}
            onChange={(x) => form.setFieldValue('description', x)}
            error={form.errors.description}
            guard={guard}
            minRows={1}
            onKeyDown={onKeyDown}
          />
          <Group gap="sm" wrap="nowrap" mt={46} style={{ flexShrink: 0 }}>
            <Badge size="xl" color={v.kind === 'gap' ? 'red.9' : 'teal.9'} variant="filled" miw={130} aria-live="polite">
              {FINDING_KIND.label(v.kind)}
            </Badge>
            <Select
              aria-label="Finding category (Alt+1…8)"
              data={CATEGORY_OPTIONS}
              allowDeselect={false}
              w={270}
              {...form.getInputProps('category')}
            />
            <Button type="submit" disabled={!v.description.trim()}>
              Save finding
            </Button>
            <Button variant="default" onClick={() => setMore((m) => !m)} aria-expanded={more} aria-controls="finding-more">
              {more ? 'Fewer tags' : `Intercept, goals${tagged ? ` (${tagged})` : ''}…`}
            </Button>
          </Group>
        </Group>
        {more && (
          <Group gap="md" align="center" id="finding-more">
            <Select
              aria-label="Sequential Intercept Model intercept"
              placeholder="Intercept (optional)"
              data={INTERCEPT.options}
              clearable
              size="sm"
              w={300}
              {...form.getInputProps('intercept')}
            />
            <GoalChips value={v.goals} onChange={(g) => form.setFieldValue('goals', g)} />
          </Group>
        )}
        <BlameReminder hints={hints} />
        {guard.modal}
        <FormError error={error} />
      </Stack>
    </form>
  );
}
