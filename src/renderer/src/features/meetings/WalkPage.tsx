/**
 * The presenter's walk-through, keyboard-driven (useWalkKeys lists the keys; the legend shows
 * them). The room's screen follows through the core; this window also has the private notes,
 * the timer and the controls. The stage is a live preview of the room's screen, built from the
 * same redacted `projector.view`, and the presenter's findings list shows each finding as the
 * room sees it. It fits the window (1280×720 and up): the columns scroll, never the page.
 */
import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem, Finding, Recommendation } from '../../../../shared/meetings/schemas';
import { useMethod } from '../../lib/query';
import { href, paths } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { useFindings, useMeeting, useMeetingWrite, useRecommendations, useRoomView, useWalkSet } from './queries';
import { GuardedTextarea } from '../identifiers';
import { FindingEditModal } from './FindingEditModal';
import { FindingQuickAdd } from './FindingQuickAdd';
import { RecommendationModal } from './RecommendationModal';
import { RoomView } from './RoomView';
import { useWalkKeys } from './useWalkKeys';
import { AgendaNav, KeyLegend, WalkFindings, WalkHeader, WalkRecommendations } from './WalkParts';
import classes from './WalkPage.module.css';

const NONE: Finding[] = [];
const NO_RECS: Recommendation[] = [];

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

/** The item under review: its incident, findings and recommendations (the writes make them stale). */
function useItemRecord(item: AgendaItem | null) {
  const incidentId = item?.incident?.id ?? null;
  const incident = useMethod('incidents.get', { id: incidentId ?? 0 }, { enabled: incidentId !== null }).data ?? null;
  const findingsQuery = useFindings({ incidentId: incidentId ?? 0 }, incidentId !== null);
  const recsQuery = useRecommendations({ incidentId: incidentId ?? 0 }, { enabled: incidentId !== null });
  return {
    incident,
    findings: incidentId === null ? NONE : (findingsQuery.data?.findings ?? NONE),
    recs: incidentId === null ? NO_RECS : (recsQuery.data?.recommendations ?? NO_RECS),
    rev: findingsQuery.dataUpdatedAt + recsQuery.dataUpdatedAt,
  };
}

export function WalkPage({ meetingId, onLeave }: { meetingId: number; onLeave(): void }) {
  const meetingQuery = useMeeting(meetingId);
  const meeting = meetingQuery.data ?? null;
  const [chosenIndex, setItemIndex] = useState<number | null>(null);
  const [step, setStep] = useState(0);
  const [contrast, setContrast] = useState(false);
  const [recOpen, setRecOpen] = useState(false);
  const [editFinding, setEditFinding] = useState<number | null>(null);
  const [editRec, setEditRec] = useState<number | null>(null);
  const projector = useRef<Window | null>(null);

  // The walk starts at the first item not yet done.
  const firstOpen = meeting
    ? Math.max(
        0,
        meeting.items.findIndex((i) => !i.completed),
      )
    : 0;
  const itemIndex = chosenIndex ?? firstOpen;
  const item = meeting?.items[itemIndex] ?? null;
  const { incident, findings, recs, rev } = useItemRecord(item);
  const { view, error } = useRoomSync({ meetingId, itemId: item?.id ?? null, step, contrast, rev });
  // On the follow-up the steps are its pages; on a case, its timeline.
  const steps = view?.page?.of ?? view?.incident?.steps.length ?? 0;
  useItemStart(item, meeting?.meeting.status === 'ended');
  const [shownItem, setShownItem] = useState<number | null>(null);
  if (item && shownItem !== item.id) {
    setShownItem(item.id);
    setStep(0);
  }
  const goItem = useCallback((i: number) => meeting && setItemIndex(Math.max(0, Math.min(meeting.items.length - 1, i))), [meeting]);
  useWalkKeys({
    steps,
    items: meeting?.items.length ?? 0,
    itemIndex,
    setStep,
    goItem,
    toggleContrast: () => setContrast((c) => !c),
    focusQuickAdd: () => document.querySelector<HTMLTextAreaElement>('#quick-add textarea')?.focus(),
    editLatest: () => findings.length && setEditFinding(findings.at(-1)!.id),
    editLatestRecommendation: () => recs.length && setEditRec(recs.at(-1)!.id),
    leave: onLeave,
    paused: recOpen || editFinding !== null || editRec !== null,
  });

  if (meetingQuery.error && !meeting) return <ErrorAlert error={meetingQuery.error} title="Cannot open the meeting" />;
  if (!meeting || !item) return <Text p="xl">Loading…</Text>;
  const currentEvent = incident?.timeline[Math.min(step, (incident?.timeline.length ?? 1) - 1)] ?? null;

  return (
    <Box className={classes.walk}>
      <WalkHeader
        item={item}
        index={itemIndex}
        count={meeting.items.length}
        contrast={contrast}
        onContrast={setContrast}
        onProjector={() => {
          projector.current = window.open(href(paths.projector()), 'casewalk-projector', 'popup');
        }}
        onLeave={onLeave}
      />
      <div className={classes.grid}>
        <AgendaNav items={meeting.items} current={itemIndex} onGo={goItem} />
        <main className={classes.stage} aria-labelledby="room-sees">
          <Group justify="space-between" mb={6}>
            <Title order={2} size="h4" id="room-sees">
              Room sees
            </Title>
            <Text size="sm" c="dimmed">
              {pageHint(view?.page)}
            </Text>
          </Group>
          <div className={classes.preview} tabIndex={0} aria-label="Room preview (scrolls)">
            {view ? <RoomView view={view} compact /> : error ? <ErrorAlert error={error} /> : <Text>Loading…</Text>}
          </div>
          <KeyLegend />
        </main>
        <aside className={classes.side} aria-label="Presenter only">
          <ItemActions item={item} last={itemIndex >= meeting.items.length - 1} onNext={() => goItem(itemIndex + 1)} />
          <div className={classes.scroll}>
            <Stack gap="md">
              <WalkNotes key={item.id} item={item} />
              {item.incident && (
                <WalkFindings findings={findings} view={view} onEdit={setEditFinding} onRecommend={() => setRecOpen(true)} />
              )}
              {item.incident && <WalkRecommendations recs={recs} onEdit={setEditRec} />}
            </Stack>
          </div>
        </aside>
      </div>
      {item.incident && (
        <footer className={classes.footer} id="quick-add">
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

/** "Case reviewed" (or "Item done", or "Reopen item") and "Next item": always on screen. */
function ItemActions({ item, last, onNext }: { item: AgendaItem; last: boolean; onNext(): void }) {
  const complete = useMeetingWrite('agenda.complete').mutate;
  return (
    <Group className={classes.actions} gap="sm" wrap="nowrap">
      <Button
        size="sm"
        variant={item.completed ? 'default' : 'filled'}
        onClick={() => complete({ id: item.id, completed: !item.completed })}
      >
        {item.completed ? 'Reopen item' : item.kind === 'case_review' ? 'Case reviewed ✓' : 'Item done ✓'}
      </Button>
      <Button size="sm" variant="default" onClick={onNext} disabled={last}>
        Next item (PgDn)
      </Button>
    </Group>
  );
}

/** Starts the item's timer when it is first shown (unless the meeting has ended). */
function useItemStart(item: AgendaItem | null, ended: boolean) {
  const startItem = useMeetingWrite('agenda.start').mutate;
  const unstarted = item && !item.startedAt && !ended ? item.id : null;
  useEffect(() => {
    if (unstarted !== null) startItem({ id: unstarted });
  }, [unstarted, startItem]);
}

/** The item's private notes, guarded as typed (an other-business note goes into the minutes draft). */
function WalkNotes({ item }: { item: AgendaItem }) {
  const [notes, setNotes] = useState(item.notes);
  const update = useMeetingWrite('agenda.update').mutate;
  const save = (v: string) => {
    if (v !== item.notes) update({ id: item.id, patch: { notes: v } });
  };
  return (
    <Paper withBorder p="sm">
      {/* Saved when the textarea loses focus, and at once when a redaction button changes it. */}
      <div onBlur={(e) => e.target instanceof HTMLTextAreaElement && save(notes)}>
        <GuardedTextarea
          label="Private notes (not shown on the shared screen)"
          value={notes}
          onChange={(v) => {
            setNotes(v);
            if (!(document.activeElement instanceof HTMLTextAreaElement)) save(v);
          }}
          minRows={3}
          dismissDisabledReason="Notes have no “not an identifier”: redact the words or reword them."
        />
      </div>
    </Paper>
  );
}

/** Under the room preview: which page the room sees, and the key that goes on from there. */
function pageHint(page: { index: number; of: number } | null | undefined): string {
  if (!page) return 'Live preview of the shared screen';
  const at = `Page ${page.index + 1} of ${page.of}`;
  return page.index + 1 < page.of ? `${at}: → for the next page` : `${at}: ← for the previous page, PgDn for the next item`;
}
