/** The annual report for the steering committee and funders: charts (as bars), the scorecard and the register. */
import type { Dashboard } from '../../../shared/minutes/schemas';
import { ACTION_TYPE, FINDING_CATEGORY } from '../../../shared/meetings/values';
import { DISPOSITION, INTERCEPT } from '../../../shared/incidents/values';
import type { ReadableDB } from '../store/db';
import type { Block, Doc } from '../exports/doc';
import { listRecommendations } from '../recommendations/recommendations';
import { followThroughBlocks, statusSummary } from '../recommendations/report-doc';
import { listFindings } from '../meetings/findings';
import { roomTexts } from '../meetings/record-text';
import { CALL_SOURCE_LABEL } from './dashboard';
import { coverageReport, listServices } from '../coverage/coverage';
import { percent } from '../coverage/recorded';

const n = (v: number) => v.toLocaleString('en-US');

/** "0.8% (283 of 2,110 with injuries recorded; 34,834 without data)": each rate with its denominator. */
export function rateText(s: Dashboard['scorecard'][number]): string {
  const noData = s.noData ? `; ${n(s.noData)} without data` : '';
  if (s.value === null) return `— (no incidents ${s.basis}${noData})`;
  return `${s.value}% (${n(s.numerator)} of ${n(s.denominator)} ${s.basis}${noData})`;
}

/** The 24/7 coverage view for each crisis service: how many crises fell outside its hours, and what followed. */
function coverageBlocks(db: ReadableDB, year: number, recCodes: ReadonlyMap<number, string>, room: ReturnType<typeof roomTexts>): Block[] {
  const services = listServices(db);
  if (!services.length) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '24/7 coverage' }];
  const rows = services.map((s) => {
    const r = coverageReport(db, { serviceId: s.id, from: `${year}-01`, to: `${year}-12` });
    const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
    return [
      s.name,
      r.outsideShare === null ? '—' : `${Math.round(r.outsideShare * 1000) / 10}% (${r.outsideHours} of ${r.placed})`,
      `${pct(r.rates.outside.detentionRate)} (${n(r.rates.outside.detentions)} of ${n(r.rates.outside.detentionsRecorded)} with detention recorded)`,
      `${pct(r.rates.inside.detentionRate)} (${n(r.rates.inside.detentions)} of ${n(r.rates.inside.detentionsRecorded)} with detention recorded)`,
      `${pct(r.rates.outside.arrestRate)} vs ${pct(r.rates.inside.arrestRate)}`,
    ];
  });
  blocks.push({
    kind: 'table',
    headers: ['Service', 'Incidents outside its hours', 'Detention outside', 'Detention inside', 'Arrest outside vs inside'],
    rows,
    rowSources: services.map((_, i) => ({ item: `Crisis service ${i + 1} (Settings, Crisis services)`, where: null })),
  });
  const first = coverageReport(db, { serviceId: services[0]!.id, from: `${year}-01`, to: `${year}-12` });
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  blocks.push({
    kind: 'bars',
    title: `Incidents by weekday (${services[0]!.name}: outside hours shown in the table above)`,
    series: first.byHourWeekday.map((row, d) => ({ label: days[d]!, value: row.reduce((a, b) => a + b, 0) })),
  });
  blocks.push({
    kind: 'bars',
    title: 'Incidents by hour of day',
    series: Array.from({ length: 24 }, (_, h) => ({
      label: `${String(h).padStart(2, '0')}:00`,
      value: first.byHourWeekday.reduce((a, row) => a + row[h]!, 0),
    })),
  });
  const gaps = listFindings(db, { source: 'coverage' }).filter((f) => f.createdAt.startsWith(String(year)));
  if (gaps.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Coverage gaps the committee recorded' });
    blocks.push({
      kind: 'bullets',
      items: gaps.map(
        (f) =>
          `${FINDING_CATEGORY.label(f.category)}, intercept ${INTERCEPT.label(f.intercept ?? '0')}: ${room.finding(f)}${
            f.recommendationIds.length
              ? ` (recommendation ${f.recommendationIds.map((id) => recCodes.get(id)).join(', ')})`
              : ' (no recommendation yet)'
          }`,
      ),
      sources: gaps.map((f, i) => ({
        item: `Coverage finding ${i + 1} of ${year}`,
        where: { kind: 'finding', findingId: f.id, incidentId: null, meetingId: f.meetingId },
      })),
    });
  }
  return blocks;
}

export function annualDoc(db: ReadableDB, d: Dashboard, year: number, committee: string, today: string): Doc {
  const meetings = (db.prepare('SELECT count(*) AS n FROM meetings WHERE substr(date, 1, 4) = ?').get([String(year)]) as { n: number }).n;
  const reviewed = (
    db
      .prepare(
        "SELECT count(*) AS n FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.kind = 'case_review' AND a.completed = 1 AND substr(m.date, 1, 4) = ?",
      )
      .get([String(year)]) as { n: number }
  ).n;
  const sources = new Map<string, number>();
  for (const m of d.months) for (const [k, v] of Object.entries(m.bySource)) sources.set(k, (sources.get(k) ?? 0) + v);
  const disp = new Map<string, number>();
  for (const m of d.dispositions) for (const [k, v] of Object.entries(m.counts)) disp.set(k, (disp.get(k) ?? 0) + v);
  const recs = listRecommendations(db, {}, today);
  // Findings and recommendations as the room saw them ("not an identifier" decisions kept).
  const room = roomTexts(db);
  const register = recs.filter((r) => r.dueDate.startsWith(String(year)) || r.overdue).slice(0, 300);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'The year in brief' },
    {
      kind: 'bullets',
      items: [
        `${d.incidents.toLocaleString('en-US')} crisis incidents recorded (${d.from} to ${d.to})`,
        `${meetings} case-review meetings held`,
        `${reviewed} incidents reviewed by the committee`,
        `${recs.length} recommendations on the register; ${d.overdue} overdue`,
      ],
    },
    { kind: 'heading', level: 1, text: 'CIT goals scorecard' },
    {
      kind: 'table',
      headers: ['Goal', 'Measure', 'Value', 'Definition'],
      rows: d.scorecard.map((s) => [s.goal, s.label, rateText(s), s.definition]),
    },
    { kind: 'heading', level: 1, text: 'Incidents' },
    { kind: 'bars', title: 'Incidents per month', series: d.months.map((m) => ({ label: m.month, value: m.total })) },
    {
      kind: 'bars',
      title: 'Incidents by call source',
      series: [...sources.entries()].map(([k, v]) => ({ label: CALL_SOURCE_LABEL(k), value: v })),
    },
    {
      kind: 'bars',
      title: 'Dispositions',
      series: DISPOSITION.values.map((k) => ({ label: DISPOSITION.label(k), value: disp.get(k) ?? 0 })),
    },
    {
      kind: 'table',
      headers: ['Area', 'Incidents', 'Detention recorded', 'Emergency detentions', 'Rate'],
      rowSources: d.detentionByArea.map((_, i) => ({
        item: `Area ${i + 1} in the emergency detention table (the incidents' area field)`,
        where: null,
      })),
      rows: d.detentionByArea.map((a) => [
        a.area,
        String(a.incidents),
        String(a.recorded),
        String(a.detentions),
        a.recorded ? `${percent(a.detentions, a.recorded)}%` : '—',
      ]),
      caption: 'Emergency detention (apprehension) by area: the rate is of incidents where detention was recorded either way',
    },
    ...coverageBlocks(db, year, new Map(recs.map((r) => [r.id, r.code])), room),
    { kind: 'heading', level: 1, text: 'Findings' },
    { kind: 'bars', title: 'Findings by category', series: d.findingsByCategory.map((f) => ({ label: f.label, value: f.count })) },
    {
      kind: 'bars',
      title: 'Findings by Sequential Intercept Model intercept',
      series: d.findingsByIntercept.map((f) => ({ label: f.label, value: f.count })),
    },
    { kind: 'heading', level: 1, text: 'Recommendations' },
    {
      kind: 'bars',
      title: 'Recommendations by status',
      series: d.recommendationsByStatus.map((r) => ({ label: r.label, value: r.count })),
    },
    {
      kind: 'table',
      headers: ['Owner sector', 'Completed', 'Total', 'Completion'],
      rows: d.completionBySector.map((c) => [
        c.label,
        String(c.completed),
        String(c.total),
        c.total ? `${Math.round((c.completed / c.total) * 100)}%` : '—',
      ]),
    },
    ...followThroughBlocks(db, today),
    { kind: 'heading', level: 2, text: 'Register' },
    {
      kind: 'table',
      headers: ['Code', 'Action', 'Owner', 'Due', 'Kind', 'Status'],
      rows: register.map((r) => [
        r.code,
        room.recommendation(r.id, 'action', r.action),
        r.owner.name,
        r.dueDate,
        ACTION_TYPE.label(r.actionType),
        statusSummary(r),
      ]),
      rowSources: register.map((r) => ({ item: `Recommendation ${r.code}`, where: { kind: 'recommendation', recommendationId: r.id } })),
    },
  ];
  return {
    title: `Annual report ${year} — ${committee}`,
    subtitle: 'Crisis Intervention Team case review committee',
    draft: false,
    blocks,
    attributions: d.attributions,
  };
}
