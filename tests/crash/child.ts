/**
 * Crash-test writer: unlocks the workbench and writes through the real core (incidents,
 * timeline edits, findings, imports) as fast as it can. After each write's commit returns it
 * prints one line "ok <kind> <key>" — the parent kills this process with SIGKILL at a random
 * moment and then checks that everything reported is there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../src/main/core/core';
import { typedCaller } from '../../src/main/core/dispatch';

const [dataDir, passphrase, startRaw] = process.argv.slice(2) as [string, string, string];
const start = Number(startRaw);
const core = new Core({ dataDir });
const call = typedCaller(core);
await call('workbench.unlock', { passphrase });
const out = (s: string) => fs.writeSync(1, `${s}\n`);
out('ready');

// Each import is of a new file (the same file twice is refused as a repeat since issue 19).
const csvFor = (n: number) => {
  const csv = path.join(dataDir, `crash-${n}.csv`);
  fs.writeFileSync(
    csv,
    `year,month,summary\n${Array.from({ length: 100 }, (_, i) => `2025,${(i % 12) + 1},crash import ${n} row ${i}`).join('\n')}\n`,
  );
  return csv;
};
const mapping = { name: 'Crash test', columns: { occurredYear: 'year', occurredMonth: 'month', narrative: 'summary' } } as const;

let n = start;
let lastIncident: number | null = null;
// Codes stay within the committee form (YYYY-NNNNN): each run owns 400 numbers.
for (;;) {
  if (n - start >= 399) {
    await new Promise((r) => setTimeout(r, 1000));
    continue;
  }
  n++;
  const kind = n % 10;
  if (kind < 5 || lastIncident === null) {
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: (n % 12) + 1,
      code: `2026-${String(n).padStart(5, '0')}`,
      narrative: `crash narrative ${n}`,
    });
    lastIncident = d.incident.id;
    out(`ok incident 2026-${String(n).padStart(5, '0')}`);
  } else if (kind < 8) {
    await call('timeline.add', {
      incidentId: lastIncident,
      event: { time: '10:00', actor: 'ems', kind: 'contact', description: `crash step ${n}` },
    });
    out(`ok step crash step ${n}`);
  } else if (kind === 8) {
    await call('findings.create', {
      incidentId: lastIncident,
      meetingId: null,
      category: 'services',
      kind: 'gap',
      intercept: null,
      goals: [],
      timelineEventId: null,
      description: `crash finding ${n}`,
    });
    out(`ok finding crash finding ${n}`);
  } else {
    const opened = await call('import.open', { handle: core.files.register(csvFor(n), 'read') });
    await call('import.run', { stagingId: opened.stagingId, source: { mapping } });
    out(`ok import ${n}`);
  }
}
