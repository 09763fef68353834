import { Badge, Button, Group, Modal, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { meetingMethods, type Member, type Organisation } from '../../../../shared/meetings/schemas';
import { MEMBER_ROLE, SECTOR } from '../../../../shared/meetings/values';
import { zodForm } from '../../lib/form';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useRoster, useSaveMember, useSaveOrganisation } from './queries';

type MemberDraft = {
  id?: number;
  name: string;
  organisation: string;
  sector: Member['sector'] | null;
  role: Member['role'];
  active: boolean;
};
const EMPTY: MemberDraft = { name: '', organisation: '', sector: null, role: 'member', active: true };
type OrgDraft = { id?: number; name: string; sector: Organisation['sector'] | null };

// The contract's checks (src/shared); a sector left empty is asked for in words.
const member = meetingMethods['roster.saveMember'].input.shape;
const sector = z.enum(SECTOR.values, 'Choose the sector.');
const memberSchema = z.object({
  name: member.name,
  organisation: z.string().trim().max(120, 'The organisation must be at most 120 characters.'),
  sector,
  role: member.role,
  active: z.boolean(),
});
const orgSchema = z.object({ name: meetingMethods['roster.saveOrganisation'].input.shape.name, sector });

/** Settings → Committee roster: people (names are allowed here, never in incidents) and partner organisations. */
export function RosterPanel() {
  const roster = useRoster();
  const members = roster.data?.members ?? [];
  const orgs = roster.data?.organisations ?? [];
  const saveMemberCall = useSaveMember().mutateAsync;
  const saveOrgCall = useSaveOrganisation().mutateAsync;
  const [draft, setDraft] = useState<MemberDraft | null>(null);
  const [org, setOrg] = useState<OrgDraft | null>(null);
  const [error, setError] = useState<string | null>(null);

  const saveMember = async (draft: MemberDraft) => {
    setError(null);
    try {
      await saveMemberCall({
        ...(draft.id ? { id: draft.id } : {}),
        name: draft.name,
        organisation: draft.organisation.trim() || null,
        sector: draft.sector ?? 'other',
        role: draft.role,
        active: draft.active,
      });
      setDraft(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const saveOrg = async (org: OrgDraft) => {
    setError(null);
    try {
      await saveOrgCall({ ...(org.id ? { id: org.id } : {}), name: org.name, sector: org.sector ?? 'other' });
      setOrg(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Stack gap="lg">
      <ErrorAlert error={roster.error} title="Cannot show the roster" />
      <Paper withBorder p="lg">
        <Stack>
          <Group justify="space-between">
            <div>
              <Title order={3}>Committee members</Title>
              <Text c="dimmed">Names appear in attendance, as owners and in minutes; they never belong in an incident.</Text>
            </div>
            <Button onClick={() => setDraft(EMPTY)}>Add member</Button>
          </Group>
          <MembersTable members={members} onEdit={setDraft} />
          {members.length === 0 && <Text c="dimmed">No members yet. Add the people who sit on the committee, with their sector.</Text>}
        </Stack>
      </Paper>
      <OrganisationsSection orgs={orgs} onEdit={setOrg} />

      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={draft?.id ? 'Edit member' : 'Add member'} size="lg">
        {draft && <MemberForm initial={draft} error={error} onSave={saveMember} onCancel={() => setDraft(null)} />}
      </Modal>
      <Modal opened={org !== null} onClose={() => setOrg(null)} title={org?.id ? 'Edit organisation' : 'Add organisation'} size="lg">
        {org && <OrgForm initial={org} error={error} onSave={saveOrg} onCancel={() => setOrg(null)} />}
      </Modal>
    </Stack>
  );
}

function MemberForm(p: { initial: MemberDraft; error: string | null; onSave(v: MemberDraft): Promise<void>; onCancel(): void }) {
  const form = useForm<MemberDraft>({ initialValues: p.initial, validate: zodForm(memberSchema) });
  return (
    <form onSubmit={form.onSubmit((v) => p.onSave({ ...v, id: p.initial.id }))} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Organisation" {...form.getInputProps('organisation')} />
        <Group grow align="flex-start">
          <Select label="Sector" data={SECTOR.options} required searchable {...form.getInputProps('sector')} />
          <Select label="Role" data={MEMBER_ROLE.options} allowDeselect={false} {...form.getInputProps('role')} />
        </Group>
        <Switch
          size="md"
          label="Active (inactive members keep their history; their keys are not touched)"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <FormActions error={p.error} onCancel={p.onCancel} submitLabel="Save member" />
      </Stack>
    </form>
  );
}

function OrgForm(p: { initial: OrgDraft; error: string | null; onSave(v: OrgDraft): Promise<void>; onCancel(): void }) {
  const form = useForm<OrgDraft>({ initialValues: p.initial, validate: zodForm(orgSchema) });
  return (
    <form onSubmit={form.onSubmit((v) => p.onSave({ ...v, id: p.initial.id }))} noValidate>
      <Stack>
        <TextInput label="Organisation name" required data-autofocus {...form.getInputProps('name')} />
        <Select label="Sector" data={SECTOR.options} required searchable {...form.getInputProps('sector')} />
        <FormActions error={p.error} onCancel={p.onCancel} submitLabel="Save organisation" />
      </Stack>
    </form>
  );
}

function MembersTable(p: { members: Member[]; onEdit(d: MemberDraft): void }) {
  return (
    <Table fz="md" striped aria-label="Committee members">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Organisation</Table.Th>
          <Table.Th>Sector</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>
            <span style={{ position: 'absolute', left: -9999 }}>Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.members.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td fw={600}>
              {m.name} {m.keyholderId && <Badge variant="outline">Keyholder</Badge>}
            </Table.Td>
            <Table.Td>{m.organisation ?? '—'}</Table.Td>
            <Table.Td>{SECTOR.label(m.sector)}</Table.Td>
            <Table.Td>{MEMBER_ROLE.label(m.role)}</Table.Td>
            <Table.Td>{m.active ? 'Active' : 'Inactive'}</Table.Td>
            <Table.Td>
              <Button
                size="compact-md"
                variant="default"
                aria-label={`Edit ${m.name}`}
                onClick={() =>
                  p.onEdit({
                    id: m.id,
                    name: m.name,
                    organisation: m.organisation ?? '',
                    sector: m.sector,
                    role: m.role,
                    active: m.active,
                  })
                }
              >
                Edit
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OrganisationsSection(p: { orgs: Organisation[]; onEdit(d: OrgDraft): void }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={3}>Partner organisations</Title>
            <Text c="dimmed">A recommendation can be owned by an organisation instead of a person.</Text>
          </div>
          <Button variant="default" onClick={() => p.onEdit({ name: '', sector: null })}>
            Add organisation
          </Button>
        </Group>
        {p.orgs.map((o) => (
          <Group key={o.id} justify="space-between">
            <Text fw={600}>
              {o.name}{' '}
              <Text span c="dimmed">
                · {SECTOR.label(o.sector)}
              </Text>
            </Text>
            <Button size="compact-md" variant="default" aria-label={`Edit ${o.name}`} onClick={() => p.onEdit(o)}>
              Edit
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
