/**
 * `npm run bench -- --json [--incidents N]`: builds a ten-year big-city workbench in a temp
 * folder and measures what the committee feels. Not part of `npm test`. Prints one JSON object.
 * See docs/performance.md for the targets and the history of figures.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from '@signalapp/sqlcipher';
import { Core } from '../../src/main/core/core';
import { dispatch, typedCaller } from '../../src/main/core/dispatch';
import { openWithKey, type WritableDB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrations';
import { seedInto, rng } from '../../src/main/core/seed/seed';
import { listIncidents } from '../../src/main/core/incidents/list';
import { dashboard } from '../../src/main/core/reports/dashboard';
import { coverageReport } from '../../src/main/core/coverage/coverage';
import { readCsv } from '../../src/main/core/import/parse';
import { planImport, writePlan } from '../../src/main/core/import/importer';
import { PRESETS } from '../../src/main/core/import/presets';
import { minutesDoc } from '../../src/main/core/minutes/documents';
import { render } from '../../src/main/core/exports/render';
import { Workbench } from '../../src/main/core/store/workbench';
import { createBackup } from '../../src/main/core/store/backup';
import { DISPOSITION, INCIDENT_STATUS, CALL_SOURCE, INTERCEPT } from '../../src/shared/incidents/values';

const args = process.argv.slice(2);
const json = args.includes('--json');
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('incidents', 100_000);
const YEARS = 10;
const PASS = 'copper meadow violin lantern 42';
const log = (s: string) => !json && process.stderr.write(`${s}\n`);
const TORONTO = path.resolve(import.meta.dirname, '../../../shared/data/persons_in_crisis_data.csv');

const root = args.includes('--phase') ? args[args.indexOf('--dir') + 1]! : fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-'));

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 10) / 10;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/** The same mixed workload on any connection: bulk insert, list pages, searches, aggregates, single-row updates. */
function workload(db: WritableDB, seed: number): number {
  const r = rng(seed);
  return time(() => {
    db.transaction(() => seedInto(db, { incidents: 5000, years: 2, seed, endYear: 2025 }))();
    for (let i = 0; i < 40; i++) {
      listIncidents(db, {
        status: [r.pick(INCIDENT_STATUS.values)],
        disposition: [r.pick(DISPOSITION.values)],
        sort: 'occurred',
        dir: 'desc',
        limit: 50,
      });
    }
    for (let i = 0; i < 40; i++)
      listIncidents(db, { search: r.pick(['crisis', 'clinician', 'transport', 'shelter', 'balcony', 'detention']), limit: 50 });
    for (let i = 0; i < 3; i++) dashboard(db, {}, '2026-01-01');
    const ids = (db.prepare('SELECT id FROM incidents ORDER BY random() LIMIT 300').all() as { id: number }[]).map((x) => x.id);
    const up = db.prepare('UPDATE incidents SET narrative = narrative || ?, version = version + 1 WHERE id = ?');
    for (const id of ids) db.transaction(() => up.run([' .', id]))();
  });
}

function encryptedVsPlain(): { ratio: number; runs: { encryptedMs: number; plainMs: number }[] } {
  const runs: { encryptedMs: number; plainMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const encFile = path.join(root, `enc-${i}.db`);
    const enc = openWithKey(encFile, crypto.randomBytes(32), { create: true });
    migrate(enc);
    const plainFile = path.join(root, `plain-${i}.db`);
    const plain = new Database(plainFile) as unknown as WritableDB;
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = FULL');
    plain.pragma('foreign_keys = ON');
    migrate(plain);
    // Alternate which goes first, so warm-up and cache effects do not favour one side.
    const [a, b] =
      i % 2
        ? [() => workload(plain, 100 + i), () => workload(enc, 100 + i)]
        : [() => workload(enc, 100 + i), () => workload(plain, 100 + i)];
    const first = a();
    const second = b();
    runs.push(
      i % 2
        ? { plainMs: Math.round(first), encryptedMs: Math.round(second) }
        : { encryptedMs: Math.round(first), plainMs: Math.round(second) },
    );
    enc.close();
    plain.close();
  }
  return { ratio: Math.round(median(runs.map((r) => r.encryptedMs / r.plainMs)) * 1000) / 1000, runs };
}

type Phase = 'compare' | 'build' | 'app' | 'scan';

/** Each phase runs in its own process, so the app phase's peak RSS is the app's, not the fixture builder's. */
function runPhase(phase: Phase, dir: string): Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', phase, '--dir', dir, '--incidents', String(N)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`bench phase ${phase} failed (exit ${r.status})`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** The machine's scrypt time (N=2^15, r=8, p=1), so figures from machines 2-3x apart can be compared. */
function scryptMs(): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++)
    runs.push(
      time(() => crypto.scryptSync('bench passphrase', 'bench-salt-0123456789', 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })),
    );
  return Math.round(median(runs));
}

/**
 * The identifier guard as the editors use it: 10,000 mixed texts (synthetic narratives, timeline
 * steps, findings and the corpora's free text, with and without identifiers) for throughput, and
 * 2,000-character texts for the latency of one highlight while typing.
 */
async function phaseScan() {
  const { scan } = await import('../../src/main/core/deid/scanner');
  const here = import.meta.dirname;
  const corpora = [
    path.resolve(here, '../../../shared/deid/dev-corpus.jsonl'),
    path.resolve(here, '../../../shared/deid/dev-corpus-v2.jsonl'),
    path.resolve(here, '../../src/main/core/deid/fixtures/written-free.jsonl'),
    path.resolve(here, '../../src/main/core/deid/fixtures/written-template.jsonl'),
    path.resolve(here, '../../src/main/core/deid/fixtures/written-disguise.jsonl'),
  ].filter((f) => fs.existsSync(f));
  const texts: string[] = corpora.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
  const { pick, int } = rng(7);
  const findings = [
    'No CIT-trained officer was available on the evening shift.',
    'The mobile crisis team was not dispatched because the call was coded as a disturbance.',
    'Release-of-information forms were not shared between the ED and the crisis line.',
  ];
  const mixed: string[] = [];
  for (let i = 0; i < 10_000; i++) mixed.push(i % 5 === 0 ? pick(findings) : pick(texts));
  const tLoad = performance.now();
  scan('Warm-up: Officer Okafor met Rosa at 12 Main St.');
  const lexiconLoadMs = Math.round(performance.now() - tLoad);
  const t = performance.now();
  for (const x of mixed) scan(x);
  const scanTextsPerSec = Math.round(mixed.length / ((performance.now() - t) / 1000));
  const long: string[] = [];
  let cur = '';
  const shuffled = texts
    .map((x) => [int(0, 1_000_000), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
  for (const x of shuffled) {
    cur += `${x}\n`;
    if (cur.length >= 2000) {
      long.push(cur.slice(0, 2000));
      cur = '';
    }
  }
  for (const x of long.slice(0, 20)) scan(x);
  const lat: number[] = [];
  for (let rep = 0; rep < 3; rep++) for (const x of long) lat.push(time(() => scan(x)));
  return { scanTextsPerSec, scanP95Ms: p95(lat), scanLongTexts: long.length, scanLexiconLoadMs: lexiconLoadMs, scryptMs: scryptMs() };
}

async function phaseCompare() {
  const evp = encryptedVsPlain();
  return { encryptedVsPlain: evp.ratio, encryptedVsPlainRuns: evp.runs };
}

async function phaseBuild(dir: string) {
  const core = new Core({ dataDir: dir });
  const made = await dispatch(core, 'workbench.create', { committee: 'Bench CIT', keyholder: 'Bench', passphrase: PASS });
  if (!made.ok) throw new Error(made.error.message);
  let counts!: ReturnType<typeof seedInto>;
  const seedMs = time(() =>
    core.workbench.write(
      { event: 'import', entity: 'import:seed' },
      (db) => void (counts = seedInto(db, { incidents: N, years: YEARS, seed: 1, endYear: 2026, findings: Math.round(N / 2) })),
    ),
  );
  core.close();
  return { counts, seedMs: Math.round(seedMs) };
}

/** What the app does: unlock, import, list, search, dashboard, minutes export. */
async function phaseApp(dir: string) {
  // Peak RSS after each step, so a regression shows where the memory went.
  const rssSteps: Record<string, number> = {};
  const mark = (step: string) => (rssSteps[step] = Math.round(process.resourceUsage().maxRSS / 1024));
  mark('start');
  let importRowsPerSec: number | null = null;
  if (fs.existsSync(TORONTO)) {
    const c = new Core({ dataDir: path.join(dir, 'import') });
    const made = await dispatch(c, 'workbench.create', { committee: 'Bench CIT', keyholder: 'Bench', passphrase: PASS });
    if (!made.ok) throw new Error(made.error.message);
    const t = performance.now();
    const table = await readCsv(TORONTO);
    const plan = planImport(table, PRESETS['toronto-pic']!, { skipInvalid: false, dryRun: false });
    writePlan(c.workbench, plan, 'toronto-pic', path.basename(TORONTO));
    importRowsPerSec = Math.round(table.rows.length / ((performance.now() - t) / 1000));
    c.close();
  }
  mark('import');

  const unlock: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const wb = await Workbench.unlock(path.join(dir, 'workbench.db'), { kind: 'passphrase', passphrase: PASS });
    unlock.push(performance.now() - t);
    wb.close();
  }
  const core = new Core({ dataDir: dir });
  const opened = await dispatch(core, 'workbench.unlock', { passphrase: PASS });
  if (!opened.ok) throw new Error(opened.error.message);
  const call = typedCaller(core);

  const r = rng(9);
  const list: number[] = [];
  const search: number[] = [];
  const years = Array.from({ length: YEARS }, (_, i) => 2017 + i);
  for (let i = 0; i < 200; i++) {
    const y = r.pick(years);
    const q = {
      from: `${y}-01`,
      to: `${y}-12`,
      ...(r.chance(0.5) ? { callSource: [r.pick(CALL_SOURCE.values)] } : {}),
      ...(r.chance(0.5) ? { disposition: [r.pick(DISPOSITION.values)] } : {}),
      ...(r.chance(0.3) ? { intercept: [r.pick(INTERCEPT.values.slice(0, 2))] } : {}),
      sort: r.pick(['occurred', 'code', 'status', 'area'] as const),
      dir: r.pick(['asc', 'desc'] as const),
      offset: r.int(0, 20) * 50,
      limit: 50,
    };
    list.push(time(() => core.workbench.read((db) => listIncidents(db, q))));
    const term = r.pick([
      'crisis',
      'clinician',
      'transport',
      'shelter worker',
      'balcony',
      'detention',
      'mobile crisis',
      'voluntary',
      'family member',
    ]);
    search.push(time(() => core.workbench.read((db) => listIncidents(db, { search: term, limit: 50 }))));
  }
  mark('list and search');
  const dash: number[] = [];
  for (let i = 0; i < 5; i++) dash.push(time(() => core.workbench.read((db) => dashboard(db, {}, '2026-11-26'))));

  mark('dashboard');
  const svc = await call('services.save', {
    name: 'Mobile crisis team',
    sector: 'mobile_crisis',
    areas: null,
    schedule: {
      effectiveFrom: '2000-01-01',
      intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '23:00' })),
    },
  });
  const coverage: number[] = [];
  for (let i = 0; i < 5; i++)
    coverage.push(time(() => core.workbench.read((db) => coverageReport(db, { serviceId: svc.id, from: '2017-01', to: '2026-12' }))));

  mark('coverage');
  const ready = core.workbench.read((db) =>
    (db.prepare("SELECT id FROM incidents WHERE status = 'draft' ORDER BY id DESC LIMIT 6").all() as { id: number }[]).map((x) => x.id),
  );
  for (const id of ready) await call('incidents.setStatus', { id, status: 'ready_for_review' });
  const m = await call('meetings.create', { date: '2026-12-15', time: '14:00', lengthMinutes: 120, place: 'Bench room', virtual: false });
  for (const id of ready) await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 15, incidentId: id });
  await call('minutes.draft', { meetingId: m.meeting.id });
  const exportMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const doc = core.workbench.read((db) => minutesDoc(db, m.meeting.id, 'Bench CIT'));
    await render(doc, 'pdf');
    exportMs.push(performance.now() - t);
  }
  mark('minutes export');
  // The review room: each step of the walk is walk.set then projector.view (the presenter's and the
  // room's screens), with 200 more cases ready for review, as a committee's workbench has.
  const more = core.workbench.read((db) =>
    (db.prepare("SELECT id FROM incidents WHERE status = 'draft' ORDER BY id LIMIT 200").all() as { id: number }[]).map((x) => x.id),
  );
  for (const id of more) await call('incidents.setStatus', { id, status: 'ready_for_review' });
  const walk: number[] = [];
  const agenda = await call('meetings.get', { id: m.meeting.id });
  for (const it of agenda.items)
    for (let step = 0; step < 4; step++) {
      const t = performance.now();
      await call('walk.set', { meetingId: m.meeting.id, itemId: it.id, step, highContrast: false });
      await call('projector.view', {});
      walk.push(performance.now() - t);
    }
  const page: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await call('meetings.get', { id: m.meeting.id });
    page.push(performance.now() - t);
  }
  mark('walk');
  // Backup of the whole ten-year workbench: streamed, so memory should not grow with its size.
  const backupFile = path.join(dir, 'bench.cwbackup');
  const tb = performance.now();
  const backup = createBackup(core.workbench, backupFile);
  const backupMs = Math.round(performance.now() - tb);
  fs.rmSync(backupFile, { force: true });
  mark('backup');
  core.close();
  return {
    rssSteps,
    importRowsPerSec,
    listPageP95Ms: p95(list),
    searchP95Ms: p95(search),
    dashboardMs: Math.round(median(dash)),
    coverageMs: Math.round(median(coverage)),
    minutesExportMs: Math.round(median(exportMs)),
    walkStepP95Ms: p95(walk),
    meetingPageMs: Math.round(median(page)),
    unlockMs: Math.round(median(unlock)),
    backupMs,
    backupMb: Math.round(backup.bytes / 1024 / 1024),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function main() {
  const phase = args[args.indexOf('--phase') + 1] as Phase | undefined;
  if (args.includes('--phase')) {
    const dir = args[args.indexOf('--dir') + 1]!;
    const out =
      phase === 'compare'
        ? await phaseCompare()
        : phase === 'scan'
          ? await phaseScan()
          : phase === 'build'
            ? await phaseBuild(dir)
            : await phaseApp(dir);
    process.stdout.write(JSON.stringify(out));
    return;
  }
  log(`Casewalk benchmark: ${N.toLocaleString()} incidents over ${YEARS} years in ${root}`);
  const scanFigures = runPhase('scan', root);
  log(`identifier guard ${JSON.stringify(scanFigures)}`);
  if (args.includes('--scan-only')) {
    process.stdout.write(`${JSON.stringify({ ...scanFigures, machine: { cores: os.cpus().length, node: process.version } })}\n`);
    return;
  }
  const compare = runPhase('compare', root);
  log(`encrypted/plain median ratio ${String(compare.encryptedVsPlain)}`);
  const big = path.join(root, 'big');
  const built = runPhase('build', big);
  log(`built ${JSON.stringify(built)}`);
  const app = runPhase('app', big);
  const result = {
    ...scanFigures,
    ...compare,
    ...app,
    ...built,
    machine: { cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
  };
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
}

main()
  .then(() => {
    if (!args.includes('--phase')) fs.rmSync(root, { recursive: true, force: true });
  })
  .catch((e: unknown) => {
    fs.rmSync(root, { recursive: true, force: true });
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
