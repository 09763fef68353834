/**
 * Quick-add bar for findings during the walk-through: type, pick the category with Alt+1…8,
 * toggle gap / what worked with Alt+W, Enter saves (linked to the current timeline step).
 * The optional intercept and CIT goals fold away (Alt+M) so the bar stays two rows high.
 * A gentle reminder appears when the text singles out a person; it never blocks saving.
 * The text is guarded as it is typed, as in the incident editor (see GuardedRecordText).
 */
import { Badge, Button, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { BlameHint, Finding } from '../../../../shared/meetings/schemas';
import { CIT_GOAL, FINDING_CATEGORY, type FindingCategory } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { useBlameCheck, useRecordWrite } from './queries';
import { GuardedRecordField, useNotIdentifiers } from './GuardedRecordText';

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

export function FindingQuickAdd(p: {
  incidentId: number;
  meetingId: number | null;
  timelineEventId: number | null;
  onAdded(f: Finding): void;
}) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState<FindingCategory>('policy');
  const [kind, setKind] = useState<'gap' | 'worked'>('gap');
  const [intercept, setIntercept] = useState<string | null>(null);
  const [goals, setGoals] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const hints = useBlameHints(text);
  const guard = useNotIdentifiers();
  const tagged = (intercept ? 1 : 0) + goals.length;
  const createFinding = useRecordWrite('findings.create').mutateAsync;

  const save = async () => {
    setError(null);
    try {
      const f = await createFinding({
        incidentId: p.incidentId,
        meetingId: p.meetingId,
        category,
        kind,
        intercept: intercept as '0' | null,
        goals: goals as '1'[],
        timelineEventId: p.timelineEventId,
        description: text,
        notIdentifiers: guard.forFinding(text),
      });
      setText('');
      guard.reset();
      p.onAdded(f);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Stack gap={6}>
      <Group align="flex-start" wrap="nowrap">
        <GuardedRecordField
          label="Add a finding"
          description="Enter saves · Alt+1…8 category · Alt+W gap or what worked · Alt+M intercept and goals"
          field="description"
          value={text}
          onChange={setText}
          guard={guard}
          minRows={2}
          maxLength={4000}
          onKeyDown={(e) => {
            if (e.target instanceof HTMLTextAreaElement && e.key === 'Enter' && !e.shiftKey && text.trim()) {
              e.preventDefault();
              void save();
            } else if (e.altKey && /^[1-8]$/.test(e.key)) {
              e.preventDefault();
              setCategory(FINDING_CATEGORY.values[Number(e.key) - 1]!);
            } else if (e.altKey && e.key.toLowerCase() === 'w') {
              e.preventDefault();
              setKind((k) => (k === 'gap' ? 'worked' : 'gap'));
            } else if (e.altKey && e.key.toLowerCase() === 'm') {
              e.preventDefault();
              setMore((m) => !m);
            }
          }}
        />
        <Group wrap="nowrap" mt={58}>
          <Badge size="xl" color={kind === 'gap' ? 'red.9' : 'teal.9'} variant="filled" miw={130}>
            {kind === 'gap' ? 'Gap' : 'What worked'}
          </Badge>
          <Button onClick={() => void save()} disabled={!text.trim()}>
            Save finding
          </Button>
          <Button variant="default" onClick={() => setMore((m) => !m)} aria-expanded={more} aria-controls="finding-more">
            {more ? 'Fewer tags' : `Intercept, goals${tagged ? ` (${tagged})` : ''}…`}
          </Button>
        </Group>
      </Group>
      <Chip.Group value={category} onChange={(v) => setCategory(v as FindingCategory)}>
        <Group gap={6} role="radiogroup" aria-label="Finding category">
          {FINDING_CATEGORY.options.map((o, i) => (
            <Chip key={o.value} value={o.value} size="sm" variant="outline">
              {i + 1} · {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {more && (
        <Group gap="md" align="center" id="finding-more">
          <Select
            aria-label="Sequential Intercept Model intercept"
            placeholder="Intercept (optional)"
            data={INTERCEPT.options}
            value={intercept}
            onChange={setIntercept}
            clearable
            size="sm"
            w={300}
          />
          <GoalChips value={goals} onChange={setGoals} />
        </Group>
      )}
      <BlameReminder hints={hints} />
      {guard.modal}
      {error && (
        <Text c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
