import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';
import type { MappingPresetInput } from '../../../shared/import/schemas';

const TORONTO = path.resolve(__dirname, '../../../../../shared/data/persons_in_crisis_data.csv');
const SEATTLE = path.join(__dirname, 'fixtures/seattle-sample.csv');

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});
async function setup() {
  const t = await unlockedCore('cw-imp-');
  cleanup = t.cleanup;
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(t.dataDir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const open = async (file: string) => t.call('import.open', { handle: t.core.files.register(file, 'read') });
  return { ...t, write, open };
}

const SIMPLE: MappingPresetInput = {
  name: 'Simple test mapping',
  columns: {
    occurredYear: 'year',
    occurredMonth: 'month',
    callSource: 'source',
    dispositions: 'outcome',
    narrative: 'summary',
    tags: 'tags',
  },
  values: { callSource: { phone: '911' }, dispositions: { 'sent home': 'resolved_on_scene' } },
};

describe('CSV import', () => {
  it.runIf(fs.existsSync(TORONTO))(
    'imports the Toronto file with its preset: counts, apprehension → emergency detention, generated codes',
    async () => {
      const { call, open, core } = await setup();
      const opened = await open(TORONTO);
      expect(opened).toMatchObject({
        rows: 31944,
        suggestedPreset: 'toronto-pic',
        headers: expect.arrayContaining(['event_year', 'division']),
      });
      const dry = await call('import.preview', { stagingId: opened.stagingId, source: { preset: 'toronto-pic' } });
      expect(dry).toMatchObject({ rows: 31944, imported: 31944, invalidRows: 0, dryRun: true, droppedColumns: ['hood_140'] });
      expect(dry.attribution).toContain("City of Toronto's Open Data Licence v2.0");
      expect((await call('incidents.list', {})).total).toBe(0);
      const run = await call('import.run', { stagingId: opened.stagingId, source: { preset: 'toronto-pic' } });
      expect(run).toMatchObject({ imported: 31944, merged: 0, skipped: 0, dryRun: false });
      expect((await call('incidents.list', {})).total).toBe(31944);
      expect((await call('incidents.list', { disposition: ['emergency_detention'] })).total).toBe(7024);
      expect((await call('incidents.list', { from: '2014-01', to: '2014-12' })).total).toBe(22176);
      const first = (await call('incidents.list', { sort: 'code', dir: 'asc', limit: 1 })).rows[0]!;
      expect(first.code).toBe('2014-001');
      const detail = await call('incidents.get', { id: first.id });
      expect(detail.incident).toMatchObject({
        status: 'draft',
        source: 'import:toronto-pic',
        area: expect.stringMatching(/^D\d\d$/),
        weekday: expect.stringMatching(/^[1-7]$/),
      });
      expect((await call('incidents.list', { search: 'overdose' })).total).toBe(2381);
      // The file is consumed: a second run needs the file chosen again.
      expect((await dispatch(core, 'import.run', { stagingId: opened.stagingId, source: { preset: 'toronto-pic' } })).ok).toBe(false);
    },
    60_000,
  );

  it('Seattle preset: one incident per Template ID with dispositions merged; officer columns never stored', async () => {
    const { call, open } = await setup();
    const opened = await open(SEATTLE);
    expect(opened.suggestedPreset).toBe('seattle-crisis');
    const r = await call('import.run', { stagingId: opened.stagingId, source: { preset: 'seattle-crisis' } });
    expect(r).toMatchObject({ rows: 4, imported: 3, merged: 1, invalidRows: 0, withIdentifiers: 0 });
    expect(r.droppedColumns).toEqual(expect.arrayContaining(['Officer ID', 'Officer Race', 'Template ID']));
    const list = await call('incidents.list', { sort: 'code', dir: 'asc' });
    expect(list.rows.map((x) => x.code)).toEqual(['2016-001', '2016-002', '2017-001']);
    const a = (await call('incidents.get', { id: list.rows[0]!.id })).incident;
    expect(a).toMatchObject({
      occurredYear: 2016,
      occurredMonth: 3,
      weekday: '6',
      hourOfDay: 23,
      callSource: '911',
      dispositions: ['referral', 'emergency_detention'],
      citRequested: true,
      citArrived: true,
      area: 'North / L / L2',
      force: 'none',
      veteran: 'no',
    });
    const c = (await call('incidents.get', { id: list.rows[2]!.id })).incident;
    expect(c).toMatchObject({ callSource: 'non_emergency', dispositions: ['arrest'], force: 'hands_on', veteran: 'unknown' });
    const dump = JSON.stringify(await Promise.all(list.rows.map((x) => call('incidents.get', { id: x.id }))));
    expect(dump).not.toMatch(/OFC-SYNTH|90001|Squad A/);
    expect((await call('audit.list', { event: 'import' })).rows[0]).toMatchObject({
      entity: 'import:seattle-crisis',
      detail: expect.stringContaining('4 rows → 3 incidents (1 merged'),
    });
  });

  it('all or nothing: an unmapped value, a bad number and a ragged row are listed and nothing is written', async () => {
    const { call, open, write } = await setup();
    const file = write(
      'bad.csv',
      'year,month,source,outcome,summary,tags\n2025,March,phone,sent home,ok,a\n2025,Marchember,phone,sent home,x,\n2025,4,pager,sent home,x,\n2025,4,phone\n1875,4,phone,sent home,x,\n',
    );
    const opened = await open(file);
    const dry = await call('import.preview', { stagingId: opened.stagingId, source: { mapping: SIMPLE } });
    expect(dry.invalidRows).toBe(4);
    expect(dry.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'out_of_range'],
      [3, 'unmapped_value'],
      [4, 'malformed_row'],
      [5, 'out_of_range'],
    ]);
    expect(dry.errors[1]!.message).toBe('"pager" in column "source" has no callSource value; add it to the mapping.');
    expect(dry.errors[3]!.message).toBe('year 1875 in column "year" is outside 1990–2100.');
    expect(dry.unmapped).toEqual({ callSource: { pager: 1 } });
    const run = await call('import.run', { stagingId: opened.stagingId, source: { mapping: SIMPLE } });
    expect(run.imported).toBe(0);
    expect((await call('incidents.list', {})).total).toBe(0);
    const skip = await call('import.run', { stagingId: opened.stagingId, source: { mapping: SIMPLE }, skipInvalid: true });
    expect(skip).toMatchObject({ imported: 1, skipped: 4 });
    const row = (await call('incidents.list', {})).rows[0]!;
    expect((await call('incidents.get', { id: row.id })).incident).toMatchObject({
      callSource: '911',
      dispositions: ['resolved_on_scene'],
      tags: ['a'],
    });
  });

  it('text fields go through the identifier guard: rows with findings arrive as drafts with findings attached', async () => {
    const { call, open, write } = await setup();
    const file = write(
      'guard.csv',
      'year,month,source,outcome,summary,tags\n2025,5,phone,sent home,"Caller Fatima Okafor, callback (605) 274-8779",\n2025,5,phone,sent home,"=HYPERLINK(""x"")",\n',
    );
    const r = await call('import.run', { stagingId: (await open(file)).stagingId, source: { mapping: SIMPLE } });
    expect(r).toMatchObject({ imported: 2, withIdentifiers: 1 });
    const flagged = await call('incidents.list', { unresolvedIdentifiers: true });
    expect(flagged.total).toBe(1);
    const d = await call('incidents.get', { id: flagged.rows[0]!.id });
    expect(d.incident.status).toBe('draft');
    expect(d.findings.map((f) => f.type)).toEqual(['NAME', 'PHONE']);
    // Formula-like text is kept as text (exports neutralise it).
    const other = (await call('incidents.list', { unresolvedIdentifiers: false })).rows.find((x) => x.id !== flagged.rows[0]!.id)!;
    expect((await call('incidents.get', { id: other.id })).incident.narrative).toBe('=HYPERLINK("x")');
  });

  it('encodings: UTF-8 with BOM and UTF-16 are read; Latin-1 bytes and broken quotes are refused with the row', async () => {
    const { core, open, write, call } = await setup();
    const csv = 'year,month,source,outcome,summary,tags\n2025,5,phone,sent home,Café visit,\n';
    const bom = await open(write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])));
    expect(bom.headers[0]).toBe('year');
    const utf16 = await open(write('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])));
    expect(utf16.sample[0]![4]).toBe('Café visit');
    const r = await call('import.preview', { stagingId: utf16.stagingId, source: { mapping: SIMPLE } });
    expect(r.imported).toBe(1);
    const latin1 = write('l1.csv', Buffer.from('year,month,source,outcome,summary,tags\n2025,5,phone,sent home,Caf\xe9,\n', 'latin1'));
    expect(await dispatch(core, 'import.open', { handle: core.files.register(latin1, 'read') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('not valid UTF-8'), detail: { code: 'encoding' } },
    });
    const quotes = write('q.csv', 'year,month\n2025,5\n2025,"6\n');
    expect(await dispatch(core, 'import.open', { handle: core.files.register(quotes, 'read') })).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^Row \d+ cannot be read as CSV \(a quoted value is never closed\)/),
        detail: { code: 'malformed_row' },
      },
    });
    const missing = await dispatch(core, 'import.preview', {
      stagingId: utf16.stagingId,
      source: { mapping: { ...SIMPLE, columns: { ...SIMPLE.columns, narrative: 'notes' } } },
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { message: 'The mapping "Simple test mapping" needs the column "notes" (for narrative), which this file does not have.' },
    });
  });

  it('a CSV error in a file larger than one read chunk is reported, not a hang (found by the fuzzer)', async () => {
    const { core, write } = await setup();
    const big = write('big.csv', `year,month,source,outcome,summary,tags\n2025,3,phone,sent home,${'x'.repeat(1_100_000)}"broken,\n`);
    expect(await dispatch(core, 'import.open', { handle: core.files.register(big, 'read') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^Row \d+ cannot be read as CSV/) },
    });
  }, 20_000);

  it('locking drops staged files', async () => {
    const { core, call, open, write } = await setup();
    const o = await open(write('x.csv', 'year,month\n2025,5\n'));
    expect(core.staging.has(o.stagingId)).toBe(true);
    await call('workbench.lock', {});
    expect(core.staging.size).toBe(0);
  });
});

describe('blankRow', () => {
  it('is INCIDENT_DEFAULTS plus an empty year and month, with frozen shared empty lists', async () => {
    const { blankRow } = await import('./mapping');
    const { INCIDENT_DEFAULTS } = await import('../../../shared/incidents/schemas');
    const row = blankRow();
    expect(row).toEqual({ ...INCIDENT_DEFAULTS, occurredYear: null, occurredMonth: null });
    expect(Object.keys(row).sort()).toEqual([...Object.keys(INCIDENT_DEFAULTS), 'occurredYear', 'occurredMonth'].sort());
    expect(Object.isFrozen(row.tags)).toBe(true);
    expect(blankRow()).not.toBe(row);
  });
});
