/** One recommendation, followed through: where it stands, the agency's response, verification, the effect and its history. */
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { EffectCheck, Recommendation } from '../../../../shared/recommendations/schemas';
import { ACTION_TYPE } from '../../../../shared/meetings/values';
import {
  CLOSURE_CODE,
  EFFECT_RESULT,
  MEASURE_KIND,
  AWAITING_RESPONSE,
  NOT_CARRIED_OUT_STATUSES,
  statusChanges,
  REC_STATUS,
  RESPONSE_KIND,
  type RecStatus,
} from '../../../../shared/recommendations/values';
import { formatDate, formatDateTime, formatLongDate } from '../../lib/format';
import { href, paths } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { StrengthBadge } from '../meetings';
import { CheckDialog, MeasureDialog } from './EffectDialogs';
import { useRecommendation } from './queries';
import { ResponseDialog } from './ResponseDialog';
import { StatusDialog } from './StatusDialog';
import { StatusText } from './StatusText';
import { FollowBadge } from '../../ui/FollowBadge';

type Dialog = { kind: 'status'; to: RecStatus } | { kind: 'response' } | { kind: 'measure' } | { kind: 'check'; check: EffectCheck } | null;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Summary({ rec }: { rec: Recommendation }) {
  const link = (path: string, text: string) => (
    <Anchor key={path} href={href(path)}>
      {text}
    </Anchor>
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
      <Fact label="Status">
        <StatusText status={rec.status} />
        {rec.closureCode && <Text size="sm">{CLOSURE_CODE.label(rec.closureCode)}</Text>}
        {rec.supersededBy && <Text size="sm">Superseded by {link(paths.recommendation(rec.supersededBy.id), rec.supersededBy.code)}</Text>}
      </Fact>
      <Fact label="Owner">{rec.owner.name}</Fact>
      <Fact label="Action due">
        <Group gap={6}>
          <Text>{formatDate(rec.dueDate)}</Text>
          {rec.overdue && <FollowBadge kind="overdue" />}
        </Group>
      </Fact>
      <Fact label="Kind of action">
        <StrengthBadge type={rec.actionType} short /> <Text size="sm">{ACTION_TYPE.label(rec.actionType)}</Text>
      </Fact>
      <Fact label="Response requested by">
        <Group gap={6}>
          <Text>{rec.responseDue ? formatDate(rec.responseDue) : 'Set when adopted'}</Text>
          {rec.responseOverdue && <FollowBadge kind="responseOverdue" />}
        </Group>
        {rec.sentOn && <Text size="sm">Sent {formatDate(rec.sentOn)}</Text>}
      </Fact>
      <Fact label="From the meeting">
        {rec.meetingId && rec.meetingDate ? link(paths.meeting(rec.meetingId), formatLongDate(rec.meetingDate)) : 'No meeting'}
      </Fact>
      <Fact label="From the cases">
        <Group gap={8}>
          {rec.incidents.length ? (
            rec.incidents.map((i) => link(paths.incident(i.id), i.code))
          ) : (
            <Text>{rec.fromCoverageGap ? '24/7 coverage gap' : '—'}</Text>
          )}
        </Group>
      </Fact>
      <Fact label="Measure of success">{rec.measure || '—'}</Fact>
    </SimpleGrid>
  );
}

function ResponsePanel({ rec, onRecord }: { rec: Recommendation; onRecord(): void }) {
  const r = rec.response;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rec-response">
      <Stack gap="xs">
        <Title order={3} id="rec-response">
          The agency’s response
        </Title>
        {r ? (
          <>
            <Text fw={600}>
              {RESPONSE_KIND.label(r.kind)} · {formatDate(r.date)}
            </Text>
            {r.rationale && <Text>{r.rationale}</Text>}
            {r.plannedAction && (
              <Text>
                Planned: {r.plannedAction}
                {r.plannedDate ? ` (by ${formatDate(r.plannedDate)})` : ''}
              </Text>
            )}
          </>
        ) : (
          <Text c="dimmed">No response recorded.</Text>
        )}
        {rec.verification && (
          <Text>
            <b>Verified {formatDate(rec.verification.date)}</b> by {rec.verification.by}: {rec.verification.what}. Evidence:{' '}
            {rec.verification.evidence}
          </Text>
        )}
        {AWAITING_RESPONSE.includes(rec.status) && (
          <Group>
            <Button variant="default" onClick={onRecord}>
              Record the response…
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function EffectPanel({ rec, onMeasure, onCheck }: { rec: Recommendation; onMeasure(): void; onCheck(c: EffectCheck): void }) {
  const e = rec.effect;
  const closedWithout = NOT_CARRIED_OUT_STATUSES.includes(rec.status);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rec-effect">
      <Stack gap="xs">
        <Title order={3} id="rec-effect">
          Did it work?
        </Title>
        {e ? (
          <Text>
            {MEASURE_KIND.label(e.kind)}: baseline {e.baseline}; target {e.target}; measured on {formatDate(e.measureDate)}
            {e.measuredBy ? ` by ${e.measuredBy.name}` : ''}
          </Text>
        ) : (
          <Text c="dimmed">No effect measure yet.</Text>
        )}
        {rec.effectChecks.length > 0 && (
          <Table aria-label="Effect checks" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rec.effectChecks.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.dueDate)}</Table.Td>
                  <Table.Td>{c.reason === 'verified' ? '12 months after verification' : 'Measurement date'}</Table.Td>
                  <Table.Td>
                    {c.result ? (
                      `${EFFECT_RESULT.label(c.result)}${c.value ? ` · ${c.value}` : ''}${c.note ? ` · ${c.note}` : ''}`
                    ) : (
                      <Button
                        size="compact-md"
                        variant="default"
                        onClick={() => onCheck(c)}
                        aria-label={`Record the effect check of ${formatDate(c.dueDate)}`}
                      >
                        Record…
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!closedWithout && (
          <Group>
            <Button variant="default" onClick={onMeasure}>
              {e ? 'Change the effect measure…' : 'Set the effect measure…'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function History({ rec }: { rec: Recommendation }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rec-history">
      <Title order={3} id="rec-history" mb="xs">
        History
      </Title>
      <Table aria-label="Status history" fz="md" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rec.history.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
              <Table.Td>
                <StatusText status={h.status} />
                {h.was && <Text size="sm">recorded as “{h.was}” before the lifecycle</Text>}
              </Table.Td>
              <Table.Td>{h.note}</Table.Td>
              <Table.Td>{h.by ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function RecommendationPage({ id }: { id: number }) {
  const { data: rec, error } = useRecommendation(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const moves = rec ? statusChanges(rec.status) : [];
  return (
    <Stack gap="lg">
      <Anchor href={href(paths.recommendations())}>← The register</Anchor>
      <ErrorAlert error={error} title="Cannot open the recommendation" />
      {rec && (
        <>
          <Title order={2}>Recommendation {rec.code}</Title>
          <Text size="xl">{rec.action}</Text>
          <Summary rec={rec} />
          {moves.length > 0 && (
            <Group gap="xs" role="group" aria-label="Next step">
              <Text fw={600}>Next step:</Text>
              {moves.map((to) => (
                <Button key={to} variant="default" onClick={() => setDialog({ kind: 'status', to })}>
                  {REC_STATUS.label(to)}…
                </Button>
              ))}
            </Group>
          )}
          <ResponsePanel rec={rec} onRecord={() => setDialog({ kind: 'response' })} />
          <EffectPanel
            rec={rec}
            onMeasure={() => setDialog({ kind: 'measure' })}
            onCheck={(check) => setDialog({ kind: 'check', check })}
          />
          <History rec={rec} />
          {dialog?.kind === 'status' && <StatusDialog rec={rec} to={dialog.to} onClose={() => setDialog(null)} />}
          {dialog?.kind === 'response' && <ResponseDialog rec={rec} onClose={() => setDialog(null)} />}
          {dialog?.kind === 'measure' && <MeasureDialog rec={rec} onClose={() => setDialog(null)} />}
          {dialog?.kind === 'check' && <CheckDialog rec={rec} check={dialog.check} onClose={() => setDialog(null)} />}
        </>
      )}
    </Stack>
  );
}
