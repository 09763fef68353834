import { Badge, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActions } from '../layout/FormActions';
import { useEffect, useState } from 'react';
import type { Finding, Member, Organisation, Recommendation } from '../../../../shared/meetings/schemas';
import { ACTION_STRENGTH, ACTION_TYPE, FINDING_CATEGORY, STRENGTH, type ActionType } from '../../../../shared/meetings/values';
import { api, unwrap } from '../../lib/api';

const STRENGTH_COLOR = { stronger: 'teal.9', intermediate: 'blue.9', weaker: 'orange.4' } as const;

export function StrengthBadge({ type, short = false }: { type: ActionType; short?: boolean }) {
  const s = ACTION_STRENGTH[type];
  return (
    <Badge color={STRENGTH_COLOR[s]} variant="filled" size="lg" autoContrast style={{ flexShrink: 0 }}>
      {STRENGTH.label(s)}
      {short ? '' : ' action'}
    </Badge>
  );
}

/** Make a recommendation from one or more findings: owner (member or organisation), due date, RCA² strength. */
export function RecommendationModal(p: { opened: boolean; findings: Finding[]; meetingId: number | null; onClose(): void; onCreated(r: Recommendation): void }) {
  const [selected, setSelected] = useState<number[]>([]);
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [due, setDue] = useState(() => new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10));
  const [type, setType] = useState<ActionType>('standardisation');
  const [measure, setMeasure] = useState('');
  const [roster, setRoster] = useState<{ members: Member[]; organisations: Organisation[] }>({ members: [], organisations: [] });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!p.opened) return;
    setSelected(p.findings.slice(-1).map((f) => f.id));
    void unwrap(api().roster.list()).then(setRoster);
  }, [p.opened, p.findings]);

  const owners = [
    { group: 'Partner organisations', items: roster.organisations.map((o) => ({ value: `o:${o.id}`, label: o.name })) },
    { group: 'Committee members', items: roster.members.filter((m) => m.active).map((m) => ({ value: `m:${m.id}`, label: m.name })) },
  ];
  const submit = async () => {
    setError(null);
    try {
      if (!owner) throw new Error('Choose who owns the recommendation.');
      const [k, id] = owner.split(':');
      const r = await unwrap(
        api().recommendations.create({
          findingIds: selected,
          meetingId: p.meetingId,
          action,
          owner: k === 'm' ? { memberId: Number(id) } : { organisationId: Number(id) },
          dueDate: due,
          measure,
          actionType: type,
        }),
      );
      setAction('');
      setMeasure('');
      p.onCreated(r);
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal opened={p.opened} onClose={p.onClose} title="New recommendation" size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Stack gap={4} role="group" aria-label="Based on findings">
            <Text fw={600}>Based on</Text>
            {p.findings.map((f) => (
              <Checkbox
                key={f.id}
                size="md"
                checked={selected.includes(f.id)}
                onChange={(e) => setSelected((s) => (e.currentTarget.checked ? [...s, f.id] : s.filter((x) => x !== f.id)))}
                label={`${FINDING_CATEGORY.label(f.category)}: ${f.description}`}
              />
            ))}
          </Stack>
          <Textarea label="Action" description="What should change in the system, stated so that it can be checked." value={action} onChange={(e) => setAction(e.currentTarget.value)} autosize minRows={2} required data-autofocus />
          <Group grow align="flex-start">
            <Select label="Owner" data={owners} value={owner} onChange={setOwner} searchable required nothingFoundMessage="Add members or organisations in Settings → Committee roster" />
            <TextInput label="Due date" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} required />
          </Group>
          <Group align="flex-end">
            <Select label="Kind of action (RCA² hierarchy)" data={ACTION_TYPE.options} value={type} onChange={(v) => v && setType(v as ActionType)} allowDeselect={false} w={420} />
            <StrengthBadge type={type} />
          </Group>
          {ACTION_STRENGTH[type] === 'weaker' && (
            <Text size="md" role="status">
              Training, memos, warnings and more study rely on people remembering. Could a stronger action (a forcing function, standardisation, redesign) do the job?
            </Text>
          )}
          <TextInput label="Measure of success" value={measure} onChange={(e) => setMeasure(e.currentTarget.value)} />
          <FormActions error={error} onCancel={p.onClose} submitLabel="Save recommendation" disabled={!selected.length || action.trim().length < 3} />
        </Stack>
      </form>
    </Modal>
  );
}
