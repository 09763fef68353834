/**
 * The presenter's walk-through: keyboard-driven (←/→ or space: step; 1–9: jump to a step;
 * PageUp/PageDown: agenda item; H: high contrast; Esc: leave). The room's screen follows
 * through the core; this window also has the private notes, the timer and the controls.
 * The stage is a live preview of the room's screen, built from the same redacted
 * `projector.view`, and the presenter's findings list shows each finding as the room sees it.
 */
import { Badge, Box, Button, Group, Kbd, Paper, ScrollArea, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY, FINDING_KIND } from '../../../../shared/meetings/values';
import { useMethod } from '../../lib/query';
import { href, paths } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { useFindings, useMeeting, useMeetingWrite, useRecommendations, useRoomView, useWalkSet } from './queries';
import { GuardedTextarea } from '../identifiers';
import { FindingEditModal } from './FindingEditModal';
import { FindingQuickAdd } from './FindingQuickAdd';
import { RecommendationModal } from './RecommendationModal';
import { RoomView } from './RoomView';
import classes from './WalkPage.module.css';

function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

const NONE: Finding[] = [];

/**
 * Pushes the shared state (item, step, contrast) to the core whenever it changes, and again
 * after findings or recommendations change (`rev`); the projector and this window's preview
 * then read the redacted room view.
 */
function useRoomSync(p: { meetingId: number; itemId: number | null; step: number; contrast: boolean; rev: number }) {
  const walkSet = useWalkSet();
  const push = walkSet.mutate;
  const { meetingId, itemId, step, contrast, rev } = p;
  useEffect(() => {
    if (itemId !== null) push({ meetingId, itemId, step, highContrast: contrast });
  }, [push, meetingId, itemId, step, contrast, rev]);
  const view = useRoomView(walkSet.isSuccess);
  return { view: view.data ?? null, error: walkSet.error ?? view.error };
}

export function WalkPage({ meetingId, onLeave }: { meetingId: number; onLeave(): void }) {
  const meetingQuery = useMeeting(meetingId);
  const meeting = meetingQuery.data ?? null;
  const [chosenIndex, setItemIndex] = useState<number | null>(null);
  const [step, setStep] = useState(0);
  const [contrast, setContrast] = useState(false);
  const [notes, setNotes] = useState('');
  const [recOpen, setRecOpen] = useState(false);
  const [editFinding, setEditFinding] = useState<number | null>(null);
  const [editRec, setEditRec] = useState<number | null>(null);
  const now = useNow();
  const projector = useRef<Window | null>(null);
  const writeMeeting = {
    update: useMeetingWrite('agenda.update').mutate,
    start: useMeetingWrite('agenda.start').mutate,
    complete: useMeetingWrite('agenda.complete').mutate,
  };

  // The walk starts at the first item not yet done.
  const firstOpen = meeting
    ? Math.max(
        0,
        meeting.items.findIndex((i) => !i.completed),
      )
    : 0;
  const itemIndex = chosenIndex ?? firstOpen;
  const item = meeting?.items[itemIndex] ?? null;
  const incidentId = item?.incident?.id ?? null;
  const incident = useMethod('incidents.get', { id: incidentId ?? 0 }, { enabled: incidentId !== null }).data ?? null;
  // Findings and recommendations of the incident under review (the writes make them stale).
  const findingsQuery = useFindings({ incidentId: incidentId ?? 0 }, incidentId !== null);
  const recsQuery = useRecommendations({ incidentId: incidentId ?? 0 }, { enabled: incidentId !== null });
  const findings = incidentId === null ? NONE : (findingsQuery.data?.findings ?? NONE);
  const recs = incidentId === null ? [] : (recsQuery.data?.recommendations ?? []);
  const { view, error } = useRoomSync({
    meetingId,
    itemId: item?.id ?? null,
    step,
    contrast,
    rev: findingsQuery.dataUpdatedAt + recsQuery.dataUpdatedAt,
  });
  const steps = view?.incident?.steps.length ?? 0;

  // A new current item: back to its first step, with its own notes.
  const [shownItem, setShownItem] = useState<number | null>(null);
  if (item && shownItem !== item.id) {
    setShownItem(item.id);
    setStep(0);
    setNotes(item.notes);
  }
  const saveNotes = (v: string) => {
    if (item && v !== item.notes) writeMeeting.update({ id: item.id, patch: { notes: v } });
  };
  // Start the item's timer when it is first shown (unless the meeting has ended).
  const startItem = writeMeeting.start;
  const unstarted = item && !item.startedAt && meeting?.meeting.status !== 'ended' ? item.id : null;
  useEffect(() => {
    if (unstarted !== null) startItem({ id: unstarted });
  }, [unstarted, startItem]);

  const goItem = useCallback((i: number) => meeting && setItemIndex(Math.max(0, Math.min(meeting.items.length - 1, i))), [meeting]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'ArrowRight' || e.key === ' ') {
        e.preventDefault();
        setStep((s) => Math.min(Math.max(0, steps - 1), s + 1));
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        setStep((s) => Math.max(0, s - 1));
      } else if (/^[1-9]$/.test(e.key)) {
        const n = Number(e.key) - 1;
        if (n < steps) setStep(n);
      } else if (e.key === 'PageDown') {
        e.preventDefault();
        goItem(itemIndex + 1);
      } else if (e.key === 'PageUp') {
        e.preventDefault();
        goItem(itemIndex - 1);
      } else if (e.key.toLowerCase() === 'h') {
        setContrast((c) => !c);
      } else if (e.key === 'Escape') {
        onLeave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [steps, itemIndex, goItem, onLeave]);

  if (meetingQuery.error && !meeting) return <ErrorAlert error={meetingQuery.error} title="Cannot open the meeting" />;
  if (!meeting || !item) return <Text p="xl">Loading…</Text>;

  const started = item.startedAt ? Date.parse(item.startedAt) : now;
  const elapsed = Math.max(0, Math.floor((now - started) / 1000));
  const overBy = elapsed - item.minutes * 60;
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const currentEvent = incident?.timeline[Math.min(step, (incident?.timeline.length ?? 1) - 1)] ?? null;

  return (
    <Box className={classes.walk}>
      <header className={classes.bar}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Title order={1} size="h3">
              Walk-through
            </Title>
            <Text c="dimmed">
              Item {itemIndex + 1} of {meeting.items.length}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text
              fw={700}
              size="xl"
              className={overBy > 0 ? classes.over : undefined}
              aria-label={`Item time ${mmss(elapsed)} of ${item.minutes} minutes`}
            >
              Time {mmss(elapsed)} / {item.minutes}:00 {overBy > 0 && `(+${mmss(overBy)})`}
            </Text>
            <Switch size="md" label="High contrast (H)" checked={contrast} onChange={(e) => setContrast(e.currentTarget.checked)} />
            <Button
              variant="default"
              onClick={() => {
                projector.current = window.open(href(paths.projector()), 'casewalk-projector', 'popup');
              }}
            >
              Open projector window
            </Button>
            <Button variant="default" onClick={onLeave}>
              Leave (Esc)
            </Button>
          </Group>
        </Group>
      </header>
      <div className={classes.grid}>
        <nav aria-label="Agenda" className={classes.agenda}>
          <ScrollArea h="100%">
            <Stack gap={4}>
              {meeting.items.map((it, i) => (
                <Button
                  key={it.id}
                  variant={i === itemIndex ? 'filled' : 'subtle'}
                  justify="flex-start"
                  onClick={() => goItem(i)}
                  aria-current={i === itemIndex ? 'step' : undefined}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                  h="auto"
                  py={8}
                >
                  {i + 1}. {it.title} {it.completed ? '✓' : ''}
                </Button>
              ))}
            </Stack>
          </ScrollArea>
        </nav>
        <main className={classes.stage} aria-labelledby="room-sees">
          <Group justify="space-between" mb={6}>
            <Title order={2} size="h4" id="room-sees">
              Room sees
            </Title>
            <Text size="sm" c="dimmed">
              Live preview of the shared screen, redactions included
            </Text>
          </Group>
          {view ? <RoomView view={view} compact /> : error ? <ErrorAlert error={error} /> : <Text>Loading…</Text>}
          <Text size="sm" c="dimmed" mt={6}>
            <Kbd>←</Kbd> <Kbd>→</Kbd> or <Kbd>Space</Kbd> step · <Kbd>1</Kbd>–<Kbd>9</Kbd> jump · <Kbd>PgUp</Kbd> <Kbd>PgDn</Kbd> item ·{' '}
            <Kbd>H</Kbd> contrast · <Kbd>Esc</Kbd> leave
          </Text>
        </main>
        <aside className={classes.side} aria-label="Presenter only">
          <Stack gap="md">
            <Paper withBorder p="sm">
              {/* Guarded as typed: an other-business note goes into the minutes draft. Saved when the
                  textarea loses focus, and at once when a redaction button changes it. */}
              <div onBlur={(e) => e.target instanceof HTMLTextAreaElement && saveNotes(notes)}>
                <GuardedTextarea
                  label="Private notes (not shown on the shared screen)"
                  value={notes}
                  onChange={(v) => {
                    setNotes(v);
                    if (!(document.activeElement instanceof HTMLTextAreaElement)) saveNotes(v);
                  }}
                  minRows={4}
                  dismissDisabledReason="Notes have no “not an identifier”: redact the words or reword them."
                />
              </div>
            </Paper>
            {item.incident && (
              <Paper withBorder p="sm">
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Title order={3} size="h4">
                      Findings ({findings.length})
                    </Title>
                    <Button size="compact-md" variant="default" disabled={!findings.length} onClick={() => setRecOpen(true)}>
                      Recommendation…
                    </Button>
                  </Group>
                  {findings.map((f) => {
                    // Exactly the words the room sees (from projector.view), never the typed text alone.
                    const room = view?.incident?.findings.find((x) => x.id === f.id)?.description;
                    return (
                      <Group key={f.id} gap={6} wrap="nowrap" align="flex-start" justify="space-between">
                        <Text size="md">
                          <Badge color={f.kind === 'gap' ? 'red.9' : 'teal.9'} mr={6}>
                            {FINDING_KIND.label(f.kind)}
                          </Badge>
                          <b>{FINDING_CATEGORY.label(f.category)}:</b> {room ?? '…'}{' '}
                          {f.recommendationIds.length > 0 && <Badge variant="outline">→ recommendation</Badge>}
                          {room !== undefined && room !== f.description && (
                            <Badge
                              color="orange.9"
                              variant="light"
                              ml={6}
                              title="Some words are replaced on the shared screen. Edit the finding to change them or mark them as not an identifier."
                            >
                              Redacted for the room
                            </Badge>
                          )}
                        </Text>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditFinding(f.id)}
                          aria-label={`Edit finding: ${f.description.slice(0, 60)}`}
                          style={{ flexShrink: 0 }}
                        >
                          Edit
                        </Button>
                      </Group>
                    );
                  })}
                </Stack>
              </Paper>
            )}
            {item.incident && recs.length > 0 && (
              <Paper withBorder p="sm">
                <Stack gap="xs">
                  <Title order={3} size="h4">
                    Recommendations ({recs.length})
                  </Title>
                  {recs.map((r) => (
                    <Group key={r.id} gap={6} wrap="nowrap" align="flex-start" justify="space-between">
                      <Text size="md">
                        <b>{r.code}:</b> {r.action} · {r.owner.name} · due {r.dueDate}
                      </Text>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditRec(r.id)}
                        aria-label={`Edit recommendation ${r.code}`}
                        style={{ flexShrink: 0 }}
                      >
                        Edit
                      </Button>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            )}
            <Group>
              <Button
                variant={item.completed ? 'default' : 'filled'}
                onClick={() => writeMeeting.complete({ id: item.id, completed: !item.completed })}
              >
                {item.completed ? 'Reopen item' : item.kind === 'case_review' ? 'Case reviewed ✓' : 'Item done ✓'}
              </Button>
              <Button variant="default" onClick={() => goItem(itemIndex + 1)} disabled={itemIndex >= meeting.items.length - 1}>
                Next item (PgDn)
              </Button>
            </Group>
          </Stack>
        </aside>
      </div>
      {item.incident && (
        <footer className={classes.footer}>
          <FindingQuickAdd
            incidentId={item.incident.id}
            meetingId={meetingId}
            timelineEventId={currentEvent?.id ?? null}
            onAdded={() => {}}
          />
        </footer>
      )}
      <RecommendationModal
        opened={recOpen}
        findings={findings}
        meetingId={meetingId}
        onClose={() => setRecOpen(false)}
        onCreated={() => {}}
      />
      <RecommendationModal
        opened={false}
        editId={editRec}
        findings={findings}
        meetingId={meetingId}
        onClose={() => setEditRec(null)}
        onCreated={() => {}}
      />
      <FindingEditModal findingId={editFinding} onClose={() => setEditFinding(null)} onSaved={() => {}} />
    </Box>
  );
}
