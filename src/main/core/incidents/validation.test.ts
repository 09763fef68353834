/** The incident record's checks in the core: no future month, required fields, the narrative limit, readable messages. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../core';
import { dispatch, typedCaller } from '../dispatch';
import { TEST_PASSPHRASE } from '../test-support';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** A core whose clock reads `iso`, in the committee's time zone `timeZone`. */
async function coreAt(iso: string, timeZone: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-incv-'));
  const core = new Core({ dataDir, now: () => Date.parse(iso) });
  const r = await dispatch(core, 'workbench.create', { committee: 'Riverside CIT', keyholder: 'Dana', passphrase: TEST_PASSPHRASE });
  if (!r.ok) throw new Error(r.error.message);
  const call = typedCaller(core);
  await call('settings.update', { timeZone });
  cleanup = () => {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { core, call };
}

describe('incident checks in the core', () => {
  it('refuses a month after today in the committee time zone, and a later year, saying which field', async () => {
    // 05:30 UTC on 1 December is still 30 November in Los Angeles.
    const { core, call } = await coreAt('2026-12-01T05:30:00Z', 'America/Los_Angeles');
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 12 })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'December 2026 is after this month (November 2026); an incident has already happened.',
        detail: { field: 'occurredMonth' },
      },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2031, occurredMonth: 1 })).toMatchObject({
      ok: false,
      error: {
        message: 'The year of the incident cannot be after this year (2026); an incident has already happened.',
        detail: { field: 'occurredYear' },
      },
    });
    const ok = await call('incidents.create', { occurredYear: 2026, occurredMonth: 11 });
    expect(ok.incident).toMatchObject({ code: '2026-001', occurredYear: 2026, occurredMonth: 11 });
    // Moving it into the future is refused too; nothing changes.
    expect(await dispatch(core, 'incidents.update', { id: ok.incident.id, version: 0, patch: { occurredMonth: 12 } })).toMatchObject({
      ok: false,
      error: { detail: { field: 'occurredMonth' } },
    });
    expect((await call('incidents.get', { id: ok.incident.id })).incident).toMatchObject({ occurredMonth: 11, version: 0 });
  });

  it('accepts the current month once it has begun there', async () => {
    const { call } = await coreAt('2026-12-01T09:00:00Z', 'Europe/Berlin');
    expect((await call('incidents.create', { occurredYear: 2026, occurredMonth: 12 })).incident.occurredMonth).toBe(12);
  });

  it('requires the year and the month, in words a coordinator uses', async () => {
    const { core } = await coreAt('2026-12-02T12:00:00Z', 'UTC');
    expect(await dispatch(core, 'incidents.create', { occurredMonth: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Give the year of the incident (for example 2026).' },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Choose the month of the incident.' },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 1989, occurredMonth: 3 })).toMatchObject({
      error: { message: 'The year of the incident must be 1990 or later.' },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 3, code: '2026-14' })).toMatchObject({
      error: { message: 'Use the committee code form YYYY-NNN (for example 2026-014), never a CAD or report number.' },
    });
  });

  it('refuses a narrative over 8,000 characters and never cuts it', async () => {
    const { core, call } = await coreAt('2026-12-02T12:00:00Z', 'UTC');
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 3, narrative: 'a'.repeat(8000) });
    expect(d.incident.narrative).toHaveLength(8000);
    const long = `${'word '.repeat(1600)}end`;
    expect(await dispatch(core, 'incidents.update', { id: d.incident.id, version: 0, patch: { narrative: long } })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The narrative must be at most 8,000 characters. Shorten it; nothing is cut off for you.',
      },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 3, narrative: long })).toMatchObject({
      ok: false,
    });
    expect((await call('incidents.get', { id: d.incident.id })).incident.narrative).toBe('a'.repeat(8000));
    expect((await call('incidents.list', {})).total).toBe(1);
  });

  it('says which timeline field is wrong without internal names', async () => {
    const { core, call } = await coreAt('2026-12-02T12:00:00Z', 'UTC');
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 3 });
    const add = (event: object) => dispatch(core, 'timeline.add', { incidentId: d.incident.id, event });
    expect(await add({ time: '', actor: 'dispatch_911', kind: 'call', description: '' })).toMatchObject({
      error: { message: 'Give the time of the step: a clock time (14:05) or an offset from the call (T+12:30).' },
    });
    expect(await add({ time: '14:05', actor: 'someone', kind: 'call', description: '' })).toMatchObject({
      error: { message: 'Choose who acted from the list.' },
    });
  });
});
