/**
 * The presenter's walk-through: keyboard-driven (←/→ or space: step; 1–9: jump to a step;
 * PageUp/PageDown: agenda item; H: high contrast; Esc: leave). The room's screen follows
 * through the core; this window also has the private notes, the timer and the controls.
 * The stage is a live preview of the room's screen, built from the same redacted
 * `projector.view`, and the presenter's findings list shows each finding as the room sees it.
 */
import { Alert, Badge, Box, Button, Group, Kbd, Paper, ScrollArea, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding, MeetingDetail, ProjectorView, Recommendation } from '../../../../shared/meetings/schemas';
import type { IncidentDetail } from '../../../../shared/incidents/schemas';
import { FINDING_CATEGORY, FINDING_KIND } from '../../../../shared/meetings/values';
import { api, unwrap } from '../../lib/api';
import { GuardedTextarea } from '../incidents/GuardedTextarea';
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
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

export function WalkPage({ meetingId, onLeave }: { meetingId: number; onLeave(): void }) {
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [itemIndex, setItemIndex] = useState(0);
  const [step, setStep] = useState(0);
  const [contrast, setContrast] = useState(false);
  const [view, setView] = useState<ProjectorView | null>(null);
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [notes, setNotes] = useState('');
  const [recOpen, setRecOpen] = useState(false);
  const [recs, setRecs] = useState<Recommendation[]>([]);
  const [editFinding, setEditFinding] = useState<number | null>(null);
  const [editRec, setEditRec] = useState<number | null>(null);
  /** Bumped after any change to findings or recommendations: the room's view is pushed again. */
  const [rev, setRev] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const projector = useRef<Window | null>(null);

  useEffect(() => {
    unwrap(api().meetings.get({ id: meetingId }))
      .then((d) => {
        setMeeting(d);
        const firstOpen = d.items.findIndex((i) => !i.completed);
        setItemIndex(firstOpen >= 0 ? firstOpen : 0);
      })
      .catch((e: Error) => setError(e.message));
  }, [meetingId]);

  const item = meeting?.items[itemIndex] ?? null;
  const steps = view?.incident?.steps.length ?? 0;
  const saveNotes = (v: string) => {
    if (item && v !== item.notes) void unwrap(api().agenda.update({ id: item.id, patch: { notes: v } })).then(setMeeting);
  };

  // Start the item (timer) and load its incident whenever the current item changes.
  useEffect(() => {
    if (!item) return;
    setStep(0);
    setNotes(item.notes);
    if (!item.startedAt && meeting?.meeting.status !== 'ended') void unwrap(api().agenda.start({ id: item.id })).then(setMeeting);
    if (item.incident) {
      void unwrap(api().incidents.get({ id: item.incident.id })).then(setIncident);
    } else {
      setIncident(null);
    }
  }, [item?.id]);

  // Findings and recommendations of the incident under review, again after every change.
  useEffect(() => {
    const incidentId = item?.incident?.id;
    if (!incidentId) {
      setFindings([]);
      setRecs([]);
      return;
    }
    let live = true;
    void unwrap(api().findings.list({ incidentId })).then((r) => live && setFindings(r.findings));
    void unwrap(api().recommendations.list({ incidentId })).then((r) => live && setRecs(r.recommendations));
    return () => {
      live = false;
    };
  }, [item?.incident?.id, rev]);
  const changed = () => setRev((r) => r + 1);

  // Push the shared state to the core; the projector (and this preview) read the redacted view.
  useEffect(() => {
    if (!item) return;
    let live = true;
    void unwrap(api().walk.set({ meetingId, itemId: item.id, step, highContrast: contrast }))
      .then(() => unwrap(api().projector.view()))
      .then((v) => live && setView(v))
      .catch((e: Error) => setError(e.message));
    return () => {
      live = false;
    };
  }, [meetingId, item?.id, step, contrast, findings.length, rev]);

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

  if (error && !meeting) return <Alert color="red">{error}</Alert>;
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
            <Text fw={700} size="xl" className={overBy > 0 ? classes.over : undefined} aria-label={`Item time ${mmss(elapsed)} of ${item.minutes} minutes`}>
              Time {mmss(elapsed)} / {item.minutes}:00 {overBy > 0 && `(+${mmss(overBy)})`}
            </Text>
            <Switch size="md" label="High contrast (H)" checked={contrast} onChange={(e) => setContrast(e.currentTarget.checked)} />
            <Button
              variant="default"
              onClick={() => {
                projector.current = window.open('#/projector', 'casewalk-projector', 'popup');
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
          {view ? <RoomView view={view} compact /> : <Text>Loading…</Text>}
          <Text size="sm" c="dimmed" mt={6}>
            <Kbd>←</Kbd> <Kbd>→</Kbd> or <Kbd>Space</Kbd> step · <Kbd>1</Kbd>–<Kbd>9</Kbd> jump · <Kbd>PgUp</Kbd> <Kbd>PgDn</Kbd> item · <Kbd>H</Kbd> contrast · <Kbd>Esc</Kbd> leave
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
                          <b>{FINDING_CATEGORY.label(f.category)}:</b> {room ?? '…'} {f.recommendationIds.length > 0 && <Badge variant="outline">→ recommendation</Badge>}
                          {room !== undefined && room !== f.description && (
                            <Badge color="orange.9" variant="light" ml={6} title="Some words are replaced on the shared screen. Edit the finding to change them or mark them as not an identifier.">
                              Redacted for the room
                            </Badge>
                          )}
                        </Text>
                        <Button size="compact-sm" variant="default" onClick={() => setEditFinding(f.id)} aria-label={`Edit finding: ${f.description.slice(0, 60)}`} style={{ flexShrink: 0 }}>
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
                      <Button size="compact-sm" variant="default" onClick={() => setEditRec(r.id)} aria-label={`Edit recommendation ${r.code}`} style={{ flexShrink: 0 }}>
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
                onClick={() => void unwrap(api().agenda.complete({ id: item.id, completed: !item.completed })).then(setMeeting)}
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
            onAdded={(f) => {
              setFindings((fs) => [...fs, f]);
              changed();
            }}
          />
        </footer>
      )}
      <RecommendationModal opened={recOpen} findings={findings} meetingId={meetingId} onClose={() => setRecOpen(false)} onCreated={changed} />
      <RecommendationModal opened={false} editId={editRec} findings={findings} meetingId={meetingId} onClose={() => setEditRec(null)} onCreated={changed} />
      <FindingEditModal findingId={editFinding} onClose={() => setEditFinding(null)} onSaved={changed} />
    </Box>
  );
}
