/**
 * What stopped an approval or export: each flagged text with the item it is in and a link to
 * where it can be fixed (from the core's `error.blocked`). Shows only the flagged words.
 */
import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { GuardBlock, GuardWhere } from '../../../shared/result';
import { ApiError } from '../lib/api';
import { href, navigate, paths } from '../lib/routes';

/** The page and, when there is one, the element on it where the text can be fixed. */
function fixTarget(where: GuardWhere | null): { path: string; focus?: string; label: string } | null {
  if (!where) return null;
  switch (where.kind) {
    case 'incident':
      return { path: paths.incident(where.incidentId), label: 'Open the incident' };
    case 'finding':
      return where.incidentId !== null
        ? { path: paths.incident(where.incidentId), label: 'Open the incident' }
        : where.meetingId !== null
          ? { path: paths.meeting(where.meetingId), label: 'Open the meeting' }
          : { path: paths.reports(), label: 'Open reports' };
    case 'recommendation':
      return { path: paths.recommendations(), label: 'Open the register' };
    case 'minutes':
      return { path: paths.meeting(where.meetingId), focus: `minutes-${where.section}`, label: 'Open the minutes section' };
    case 'agenda':
      return { path: paths.meeting(where.meetingId), focus: `agenda-item-${where.itemId}`, label: 'Open the agenda item' };
    case 'meeting':
      return { path: paths.meeting(where.meetingId), label: 'Open the meeting' };
  }
}

/** Goes to the page, then moves focus to the element once it is there (the page may still be loading). */
function goToFix(target: { path: string; focus?: string }): void {
  navigate(target.path);
  if (!target.focus) return;
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(target.focus!);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } else if (tries++ < 40) window.setTimeout(attempt, 50);
  };
  attempt();
}

/** The `blocked` list of a failed call, if it was stopped by the identifier guard. */
export function blockedOf(e: unknown): GuardBlock[] | null {
  return e instanceof ApiError && e.code === 'guard_blocked' && e.blocked?.length ? e.blocked : null;
}

export function GuardBlockedAlert({ blocked }: { blocked: readonly GuardBlock[] | null }) {
  if (!blocked?.length) return null;
  return (
    <Alert
      color="red"
      title={`Where to fix ${blocked.length === 1 ? 'the possible identifier' : `the ${blocked.length} possible identifiers`} that stopped it`}
      role="region"
    >
      <Stack gap={6} role="list">
        {blocked.map((b, i) => {
          const t = fixTarget(b.where);
          return (
            <Group key={`${i}-${b.item}-${b.text}`} gap="sm" role="listitem" wrap="wrap">
              <Badge color="red.9" variant="filled">
                {b.type}
              </Badge>
              <Text fw={600}>“{b.text}”</Text>
              <Text>in {b.item}</Text>
              {t && (
                <Anchor
                  href={href(t.path)}
                  onClick={(e) => {
                    e.preventDefault();
                    goToFix(t);
                  }}
                >
                  {t.label}
                </Anchor>
              )}
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
