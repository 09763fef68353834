/**
 * Letters to the owner agencies (issue 20): for an ended meeting, one letter per organisation
 * listing the recommendations adopted for it (organisations only, no incident details; the core
 * puts each through the identifier guard). Saving a letter does not mark anything as sent:
 * "Sent to owner" is recorded on each recommendation when the letter has actually gone.
 */
import { Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { letterFileName } from '../../../../shared/recommendations/letter-files';
import { api, unwrap } from '../../lib/api';
import { formatDate, formatLongDate } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { ErrorAlert } from '../../ui/FormActions';

export function LettersDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const meetings = useMethod('meetings.list', undefined, { enabled: opened });
  const ended = (meetings.data?.meetings ?? []).filter((m) => m.status === 'ended').sort((a, b) => b.date.localeCompare(a.date));
  const [chosen, setChosen] = useState<string | null>(null);
  const meetingId = chosen ? Number(chosen) : (ended[0]?.id ?? null);
  return (
    <Modal opened={opened} onClose={onClose} title="Letters to owner agencies" size="xl">
      <Stack>
        <Text>
          One letter per organisation, listing the recommendations the meeting adopted for it and the date a response is requested. Letters
          name organisations only and carry no case details.
        </Text>
        <ErrorAlert error={meetings.error} title="Cannot list the meetings" />
        <Select
          label="Meeting"
          data={ended.map((m) => ({ value: String(m.id), label: formatLongDate(m.date) }))}
          value={meetingId ? String(meetingId) : null}
          onChange={setChosen}
          allowDeselect={false}
          nothingFoundMessage="No ended meetings yet"
        />
        {meetingId && <AgencyLetters meetingId={meetingId} />}
        <Text size="sm">Saving a letter records nothing as sent: mark each recommendation “Sent to owner” once the letter has gone.</Text>
      </Stack>
    </Modal>
  );
}

function AgencyLetters({ meetingId }: { meetingId: number }) {
  const agencies = useMethod('recommendations.letterAgencies', { meetingId });
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<Error | null>(null);
  const save = async (agency: { key: string; name: string }, format: 'docx' | 'pdf') => {
    setSaved(null);
    setFailed(null);
    try {
      const date = agencies.data?.date ?? '';
      const f = await unwrap(api().files.chooseSave({ purpose: 'export', suggestedName: letterFileName(date, agency.name, format) }));
      if (!f) return;
      const r = await unwrap(api().recommendations.exportLetter({ meetingId, agency: agency.key, format, handle: f.handle }));
      setSaved(`Letter to ${agency.name} saved to ${r.displayName}.`);
    } catch (e) {
      setFailed(e as Error);
    }
  };
  if (agencies.error) return <ErrorAlert error={agencies.error} title="Cannot list the agencies" />;
  if (!agencies.data) return <Text role="status">Finding the owner agencies…</Text>;
  const list = agencies.data.agencies;
  if (!list.length)
    return <Text>The meeting of {formatDate(agencies.data.date)} adopted no recommendations, so there is nothing to send.</Text>;
  return (
    <Stack gap="sm">
      <Table aria-label="Owner agencies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Organisation</Table.Th>
            <Table.Th>Recommendations</Table.Th>
            <Table.Th>Letter</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((a) => (
            <Table.Tr key={a.key}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{a.count}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="sm" variant="default" onClick={() => void save(a, 'docx')} aria-label={`DOCX… letter to ${a.name}`}>
                    DOCX…
                  </Button>
                  <Button size="sm" variant="default" onClick={() => void save(a, 'pdf')} aria-label={`PDF… letter to ${a.name}`}>
                    PDF…
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {saved && <Text role="status">{saved}</Text>}
      <ErrorAlert error={failed} title="The letter was not saved" />
    </Stack>
  );
}
