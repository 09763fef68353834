import { Badge, Button, Group, Modal, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useState } from 'react';
import type { Member, Organisation } from '../../../../shared/meetings/schemas';
import { MEMBER_ROLE, SECTOR } from '../../../../shared/meetings/values';
import { useRoster, useSaveMember, useSaveOrganisation } from './queries';

type MemberDraft = { id?: number; name: string; organisation: string; sector: Member['sector'] | null; role: Member['role']; active: boolean };
const EMPTY: MemberDraft = { name: '', organisation: '', sector: null, role: 'member', active: true };

/** Settings → Committee roster: people (names are allowed here, never in incidents) and partner organisations. */
export function RosterPanel() {
  const roster = useRoster();
  const members = roster.data?.members ?? [];
  const orgs = roster.data?.organisations ?? [];
  const saveMemberCall = useSaveMember().mutateAsync;
  const saveOrgCall = useSaveOrganisation().mutateAsync;
  const [draft, setDraft] = useState<MemberDraft | null>(null);
  const [org, setOrg] = useState<{ id?: number; name: string; sector: Organisation['sector'] | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const saveMember = async () => {
    if (!draft) return;
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
  const saveOrg = async () => {
    if (!org) return;
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
              {members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={600}>
                    {m.name} {m.keyholderId && <Badge variant="outline">Keyholder</Badge>}
                  </Table.Td>
                  <Table.Td>{m.organisation ?? '—'}</Table.Td>
                  <Table.Td>{SECTOR.label(m.sector)}</Table.Td>
                  <Table.Td>{MEMBER_ROLE.label(m.role)}</Table.Td>
                  <Table.Td>{m.active ? 'Active' : 'Inactive'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-md" variant="default" aria-label={`Edit ${m.name}`} onClick={() => setDraft({ id: m.id, name: m.name, organisation: m.organisation ?? '', sector: m.sector, role: m.role, active: m.active })}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {members.length === 0 && <Text c="dimmed">No members yet. Add the people who sit on the committee, with their sector.</Text>}
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack>
          <Group justify="space-between">
            <div>
              <Title order={3}>Partner organisations</Title>
              <Text c="dimmed">A recommendation can be owned by an organisation instead of a person.</Text>
            </div>
            <Button variant="default" onClick={() => setOrg({ name: '', sector: null })}>
              Add organisation
            </Button>
          </Group>
          {orgs.map((o) => (
            <Group key={o.id} justify="space-between">
              <Text fw={600}>
                {o.name} <Text span c="dimmed">· {SECTOR.label(o.sector)}</Text>
              </Text>
              <Button size="compact-md" variant="default" aria-label={`Edit ${o.name}`} onClick={() => setOrg(o)}>
                Edit
              </Button>
            </Group>
          ))}
        </Stack>
      </Paper>

      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={draft?.id ? 'Edit member' : 'Add member'} size="lg">
        {draft && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void saveMember();
            }}
          >
            <Stack>
              <TextInput label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} required data-autofocus />
              <TextInput label="Organisation" value={draft.organisation} onChange={(e) => setDraft({ ...draft, organisation: e.currentTarget.value })} />
              <Group grow>
                <Select label="Sector" data={SECTOR.options} value={draft.sector} onChange={(v) => setDraft({ ...draft, sector: v as Member['sector'] })} required searchable />
                <Select label="Role" data={MEMBER_ROLE.options} value={draft.role} onChange={(v) => v && setDraft({ ...draft, role: v as Member['role'] })} allowDeselect={false} />
              </Group>
              <Switch size="md" label="Active (inactive members keep their history; their keys are not touched)" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })} />
              <FormActions error={error} onCancel={() => setDraft(null)} submitLabel="Save member" disabled={!draft.name.trim() || !draft.sector} />
            </Stack>
          </form>
        )}
      </Modal>
      <Modal opened={org !== null} onClose={() => setOrg(null)} title={org?.id ? 'Edit organisation' : 'Add organisation'} size="lg">
        {org && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void saveOrg();
            }}
          >
            <Stack>
              <TextInput label="Organisation name" value={org.name} onChange={(e) => setOrg({ ...org, name: e.currentTarget.value })} required data-autofocus />
              <Select label="Sector" data={SECTOR.options} value={org.sector} onChange={(v) => setOrg({ ...org, sector: v as Organisation['sector'] })} required searchable />
              <FormActions error={error} onCancel={() => setOrg(null)} submitLabel="Save organisation" disabled={!org.name.trim() || !org.sector} />
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
