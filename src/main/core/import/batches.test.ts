/**
 * Issue 19, import of real files: every disposition of real SPD crisis files, explicit choices
 * for unknown values, officer columns never imported, repeated files and records, batches and undo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';

const REAL_FORMAT = path.join(__dirname, 'fixtures/seattle-real-format.csv');
const TORONTO = path.resolve(__dirname, '../../../../../shared/data/persons_in_crisis_data.csv');
const seattle = { preset: 'seattle-crisis' };

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});
async function setup() {
  const t = await unlockedCore('cw-batch-');
  cleanup = t.cleanup;
  const write = (name: string, content: string) => {
    const f = path.join(t.dataDir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const open = async (file: string) => (await t.call('import.open', { handle: t.core.files.register(file, 'read') })).stagingId;
  /** Every text value in the workbench's incident tables, for "never stored" checks. */
  const everything = () =>
    t.core.workbench.read((db) =>
      ['incidents', 'incident_tags', 'timeline_events', 'import_batches', 'import_record_keys']
        .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
        .join('\n'),
    );
  return { ...t, write, open, everything };
}
const realFormat = () => fs.readFileSync(REAL_FORMAT, 'utf8');

describe('Seattle preset on a real-format SPD crisis file', () => {
  it('maps every disposition real files have (also in multi-valued cells): the whole file imports, one incident per Template ID', async () => {
    const { call, open } = await setup();
    const stagingId = await open(REAL_FORMAT);
    const dry = await call('import.preview', { stagingId, source: seattle });
    expect(dry).toMatchObject({ rows: 19, imported: 16, merged: 3, invalidRows: 0, unmapped: {}, errors: [] });
    const run = await call('import.run', { stagingId, source: seattle });
    expect(run).toMatchObject({ imported: 16, invalidRows: 0, batchId: expect.any(Number) });
    const byDisposition = async (d: string) =>
      (await call('incidents.list', { disposition: [d as 'referral'], importBatch: run.batchId! })).total;
    // Referrals and notifications: Mobile Crisis Team, Crisis Clinic, DMHP, GRAT, MH agency/case manager, drug/alcohol
    // treatment (rows 4–9), the merged second rows of 71001/71004/71008 and both multi-valued cells.
    expect(await byDisposition('referral')).toBe(9);
    expect(await byDisposition('emergency_detention')).toBe(2);
    expect(await byDisposition('arrest')).toBe(1);
    expect(await byDisposition('unable_to_contact')).toBe(1);
    expect(await byDisposition('resources_declined')).toBe(2);
    const list = await call('incidents.list', { sort: 'code', dir: 'asc', importBatch: run.batchId! });
    const multi = (await call('incidents.get', { id: list.rows.at(-1)!.id })).incident;
    expect(multi.dispositions).toEqual(['referral', 'resources_declined']);
  });

  it('officer columns (identity, gender, race, year of birth, experience, unit) are never stored, and no mapping can import them', async () => {
    const { call, open, everything, core } = await setup();
    const stagingId = await open(REAL_FORMAT);
    const run = await call('import.run', { stagingId, source: seattle });
    expect(run.droppedColumns).toEqual(
      expect.arrayContaining([
        'Officer ID',
        'Officer Gender',
        'Officer Race',
        'Officer Year of Birth',
        'Officer Years of Experience',
        'Officer Bureau Desc',
        'Officer Precinct Desc',
        'Officer Squad Desc',
      ]),
    );
    expect(run.ignoredColumns.filter((c) => /officer/i.test(c) && !/^CIT Officer/.test(c))).toEqual([]);
    const stored = everything();
    expect(stored).not.toMatch(/OFC-SYNTH|Synthetic-race|Synthetic Squad|Synthetic Bureau|Synthetic Precinct Desc|71001/);
    // Not even through a mapping of one's own (e.g. into tags as "demographics").
    const again = await open(REAL_FORMAT);
    const mine = {
      name: 'Mine',
      columns: { occurredDate: 'Reported Date', tags: 'Officer Race' },
      values: {},
      dedupeBy: [],
      merge: {},
      drop: [],
    };
    const r = await dispatch(core, 'import.preview', { stagingId: again, source: { mapping: mine } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('"Officer Race" is never imported') },
    });
    const asId = await dispatch(core, 'import.preview', {
      stagingId: again,
      source: { mapping: { ...mine, columns: { occurredDate: 'Reported Date' }, dedupeBy: ['Officer ID'] } },
    });
    expect(asId).toMatchObject({ ok: false, error: { message: expect.stringContaining('officer column') } });
  });
});

describe('unknown values: listed in the dry run, mapped only by an explicit choice', () => {
  const withUnknown = () =>
    realFormat()
      .replace(',Chronic Complaint,', ',Crisis Respite Referral,')
      .replace(',Unable to Contact,', ',Crisis Respite Referral,')
      .replace(',Subject Arrested,', ',Warrant Served,');

  it('the dry run lists each unknown value per field with its count and the flag that maps it; nothing is imported', async () => {
    const { call, open, write } = await setup();
    const stagingId = await open(write('unknown.csv', withUnknown()));
    const dry = await call('import.preview', { stagingId, source: seattle });
    expect(dry.unmapped).toEqual({ dispositions: { 'Crisis Respite Referral': 2, 'Warrant Served': 1 } });
    expect(dry.unmappedChoices.dispositions).toEqual({
      flag: '--unmapped dispositions=<value>',
      values: expect.arrayContaining(['other', 'referral', 'none']),
    });
    expect(dry).toMatchObject({ invalidRows: 3, imported: 0 });
    const run = await call('import.run', { stagingId, source: seattle });
    expect(run.imported).toBe(0);
    expect((await call('incidents.list', {})).total).toBe(0);
  });

  it('--unmapped dispositions=other maps every still-unknown value (each row counted); a value outside the set is refused', async () => {
    const { call, open, write, core } = await setup();
    const stagingId = await open(write('unknown.csv', withUnknown()));
    const bad = await dispatch(core, 'import.preview', { stagingId, source: seattle, unmapped: { dispositions: 'elsewhere' } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('"elsewhere" is not a value') },
    });
    const run = await call('import.run', { stagingId, source: seattle, unmapped: { dispositions: 'other' } });
    expect(run).toMatchObject({ imported: 16, invalidRows: 0, unmapped: {} });
    expect(run.mappedByChoice).toEqual({ dispositions: { 'Crisis Respite Referral': 2, 'Warrant Served': 1 } });
    expect((await call('incidents.list', { disposition: ['other'] })).total).toBe(3);
  });
});

describe('repeats: the same file, the same source records; rows that merely look alike are not repeats', () => {
  it('a repeated file is reported in the dry run and refused by default, nothing written; skipping imports nothing new', async () => {
    const { call, open, core } = await setup();
    const first = await call('import.run', { stagingId: await open(REAL_FORMAT), source: seattle });
    const stagingId = await open(REAL_FORMAT);
    const dry = await call('import.preview', { stagingId, source: seattle });
    expect(dry.repeat).toMatchObject({ file: { batchId: first.batchId, incidents: 16 }, records: 16, action: 'refuse' });
    expect(dry.imported).toBe(0);
    const refused = await dispatch(core, 'import.run', { stagingId, source: seattle });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already imported') } });
    const skipped = await dispatch(core, 'import.run', { stagingId, source: seattle, repeats: 'skip' });
    expect(skipped).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('nothing new') } });
    expect((await call('incidents.list', {})).total).toBe(16);
    expect((await call('import.batches', {})).batches).toHaveLength(1);
  });

  it('another file holding records already imported (same Template ID): counted, refused, or skipped with the rest imported', async () => {
    const { call, open, write, core } = await setup();
    await call('import.run', { stagingId: await open(REAL_FORMAT), source: seattle });
    const lines = realFormat().trimEnd().split('\n');
    // Two old records (71002, 71003) and one new one (71099), in a file with other bytes.
    const next = [lines[0], lines[3], lines[4], lines[4]!.replace(/^71003,/, '71099,')].join('\n') + '\n';
    const stagingId = await open(write('next-month.csv', next));
    const dry = await call('import.preview', { stagingId, source: seattle });
    expect(dry.repeat).toEqual({ file: null, records: 2, action: 'refuse' });
    expect((await dispatch(core, 'import.run', { stagingId, source: seattle })).ok).toBe(false);
    const skipDry = await call('import.preview', { stagingId, source: seattle, repeats: 'skip' });
    expect(skipDry).toMatchObject({ imported: 1, repeat: { records: 2, action: 'skip' } });
    const run = await call('import.run', { stagingId, source: seattle, repeats: 'skip' });
    expect(run).toMatchObject({ imported: 1, repeat: { records: 2 } });
    expect((await call('incidents.list', {})).total).toBe(17);
    const [latest] = (await call('import.batches', {})).batches;
    expect(latest).toMatchObject({ fileName: 'next-month.csv', incidents: 1, skippedRepeats: 2, remaining: 1 });
  });

  it('identical rows in a file with no record id are separate incidents, never repeats', async () => {
    const { call, open, write } = await setup();
    const row = '2014,January,Wednesday,4,Suicide-related,D51,No,71';
    const file = write(
      'same.csv',
      ['event_year,event_month,event_dow,event_hour,event_type,division,apprehension_made,hood_140', row, row, row].join('\n'),
    );
    const run = await call('import.run', { stagingId: await open(file), source: { preset: 'toronto-pic' } });
    expect(run).toMatchObject({ rows: 3, imported: 3, merged: 0, repeat: { file: null, records: 0 } });
  });

  it('rows without a record id are neither merged together nor repeats', async () => {
    const { call, open, write } = await setup();
    const lines = realFormat().trimEnd().split('\n');
    const blank = (line: string) => line.replace(/^\d+,/, ',');
    const file = write('no-ids.csv', [lines[0], blank(lines[3]!), blank(lines[4]!)].join('\n'));
    const first = await call('import.run', { stagingId: await open(file), source: seattle });
    expect(first).toMatchObject({ imported: 2, merged: 0 });
    const other = write('no-ids-2.csv', [lines[0], blank(lines[5]!)].join('\n'));
    const dry = await call('import.preview', { stagingId: await open(other), source: seattle });
    expect(dry).toMatchObject({ imported: 1, repeat: { file: null, records: 0 } });
  });

  it.runIf(fs.existsSync(TORONTO))(
    'Toronto: 930 rows equal to another row, and all 31,944 rows are incidents; the same file again is a repeat',
    async () => {
      const { call, open } = await setup();
      const rows = fs.readFileSync(TORONTO, 'utf8').trimEnd().split('\n').slice(1);
      expect(rows.length - new Set(rows).size).toBe(930);
      const run = await call('import.run', { stagingId: await open(TORONTO), source: { preset: 'toronto-pic' } });
      expect(run).toMatchObject({ imported: 31944, merged: 0, repeat: { records: 0 } });
      const again = await call('import.preview', { stagingId: await open(TORONTO), source: { preset: 'toronto-pic' } });
      expect(again.repeat).toMatchObject({ file: { batchId: run.batchId }, records: 31944 });
    },
    90_000,
  );
});

describe('import batches: "this import" and undo', () => {
  it('listing batches is a read (no data.changed, which would make the list fetch itself again)', async () => {
    const t = await unlockedCore('cw-batches-');
    cleanup = t.cleanup;
    const seen: string[] = [];
    t.core.onEvent((name) => seen.push(name));
    await t.call('import.batches', {});
    expect(seen).not.toContain('data.changed');
  });

  it('the list filters one batch; undo removes exactly its incidents (audited) and the file may be imported again', async () => {
    const { call, open, write } = await setup();
    const other = await call('import.run', {
      stagingId: await open(
        write(
          't.csv',
          'event_year,event_month,event_dow,event_hour,event_type,division,apprehension_made,hood_140\n2015,May,Friday,3,Overdose,D11,Yes,7\n',
        ),
      ),
      source: { preset: 'toronto-pic' },
    });
    const run = await call('import.run', { stagingId: await open(REAL_FORMAT), source: seattle });
    expect((await call('incidents.list', { importBatch: run.batchId! })).total).toBe(16);
    expect((await call('incidents.list', { importBatch: other.batchId! })).total).toBe(1);
    const undone = await call('import.undo', { batchId: run.batchId! });
    expect(undone).toMatchObject({ removed: 16, batch: { id: run.batchId, remaining: 0, undoneAt: expect.any(String) } });
    expect((await call('incidents.list', {})).total).toBe(1);
    expect((await call('incidents.list', { search: 'behavioral' })).total).toBe(0);
    expect((await call('audit.list', { event: 'import_undone' })).rows[0]).toMatchObject({
      entity: `import_batch:${run.batchId}`,
      detail: expect.stringContaining('16 incidents removed'),
    });
    const again = await call('import.preview', { stagingId: await open(REAL_FORMAT), source: seattle });
    expect(again).toMatchObject({ imported: 16, repeat: { file: null, records: 0 } });
  });

  it('undo is refused while an incident of the batch is on an agenda, and nothing changes; an unknown or undone batch is refused', async () => {
    const { call, open, core } = await setup();
    const run = await call('import.run', { stagingId: await open(REAL_FORMAT), source: seattle });
    const inc = (await call('incidents.list', { importBatch: run.batchId!, sort: 'code', dir: 'asc' })).rows[0]!;
    await call('incidents.setStatus', { id: inc.id, status: 'ready_for_review' });
    const m = await call('meetings.create', { date: '2026-11-04', time: '14:00', lengthMinutes: 90, place: 'Room 2', virtual: false });
    const withCase = await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: inc.id });
    const r = await dispatch(core, 'import.undo', { batchId: run.batchId! });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(`on an agenda: ${inc.code} (meeting of 2026-11-04)`) },
    });
    expect((await call('incidents.list', {})).total).toBe(16);
    await call('agenda.remove', { id: withCase.items.find((a) => a.incident?.id === inc.id)!.id });
    expect((await call('import.undo', { batchId: run.batchId! })).removed).toBe(16);
    expect(await dispatch(core, 'import.undo', { batchId: run.batchId! })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('already undone') },
    });
    expect(await dispatch(core, 'import.undo', { batchId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
