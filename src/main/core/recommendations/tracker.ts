/**
 * Issue 20: the public tracker — the register as a committee can publish it (one HTML file, or
 * CSV/XLSX): number, category, the recommendation, owner agency, status (reported implemented
 * kept apart from verified), the response and its dates. Never an incident code, date or
 * narrative, never a person; every cell goes through the identifier guard first.
 */
import { FINDING_CATEGORY } from '../../../shared/meetings/values';
import { CLOSURE_CODE, EFFECT_RESULT, REC_STATUS, RESPONSE_KIND } from '../../../shared/recommendations/values';
import { csv, type Doc } from '../exports/doc';
import { assertDocClean } from '../exports/guard';
import { xlsx } from '../exports/xlsx';
import { roomTexts } from '../meetings/record-text';
import type { ReadableDB } from '../store/db';
import { followAllowed } from './guard';
import { listRecommendations } from './recommendations';
import { adoptionFacts, agencyLabel, AGENCY_JOINS, AGENCY_SQL } from './report';

export type TrackerFormat = 'html' | 'csv' | 'xlsx';

const HEADERS = [
  'Number',
  'Category',
  'Recommendation',
  'Owner agency',
  'Status',
  'Response',
  'Adopted',
  'Response requested by',
  'Responded',
  'Verified',
  'Effect',
];

/** The tracker's rows: every recommendation the committee adopted (proposals are not public). */
export function trackerRows(db: ReadableDB, today: string): string[][] {
  const room = roomTexts(db);
  const agencies = new Map(
    (
      db.prepare(`SELECT r.id, ${AGENCY_SQL} AS agency FROM recommendations r ${AGENCY_JOINS}`).all() as { id: number; agency: string }[]
    ).map((r) => [r.id, agencyLabel(r.agency)]),
  );
  // The adoption day in the committee's time zone (as the report counts it), not the UTC date of the instant.
  const facts = adoptionFacts(db);
  const adoptedOn = (id: number) => facts.get(id)?.adoptedOn ?? null;
  const category = (id: number) => {
    const c = facts.get(id)?.category;
    return c ? FINDING_CATEGORY.label(c) : '';
  };
  return listRecommendations(db, {}, today)
    .filter((r) => r.status !== 'proposed' && !(r.status === 'declined' && !r.response && !adoptedOn(r.id)))
    .map((r) => {
      const status = [
        REC_STATUS.label(r.status),
        r.closureCode ? CLOSURE_CODE.label(r.closureCode) : '',
        r.supersededBy ? `by ${r.supersededBy.code}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const response = r.response
        ? [
            RESPONSE_KIND.label(r.response.kind),
            r.response.rationale,
            r.response.plannedAction && `Planned: ${r.response.plannedAction}`,
            r.response.plannedDate && `by ${r.response.plannedDate}`,
          ]
            .filter(Boolean)
            .join(' · ')
        : r.responseOverdue
          ? 'Awaiting response (overdue)'
          : r.status === 'sent' || r.status === 'adopted'
            ? 'Awaiting response'
            : '';
      const effect = r.effectChecks
        .filter((c) => c.result !== null)
        .map((c) => `${EFFECT_RESULT.label(c.result!)}${c.value ? ` (${c.value})` : ''}`)
        .join('; ');
      return [
        r.code,
        category(r.id),
        room.recommendation(r.id, 'action', r.action),
        agencies.get(r.id) ?? '',
        status,
        response,
        adoptedOn(r.id) ?? '',
        r.responseDue ?? '',
        r.response?.date ?? '',
        r.verification?.date ?? '',
        effect,
      ];
    });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function html(committee: string, today: string, rows: string[][]): string {
  const counts = REC_STATUS.options
    .map((o) => [o.label, rows.filter((r) => r[4]!.startsWith(o.label)).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `<li>${esc(l)}: <strong>${n}</strong></li>`)
    .join('');
  // Dates (columns 7 to 10) stay on one line.
  const cell = (c: string, i: number) =>
    i === 0 ? `<th scope="row">${esc(c)}</th>` : i >= 6 && i <= 9 ? `<td class="d">${esc(c)}</td>` : `<td>${esc(c)}</td>`;
  const body = rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Recommendations tracker — ${esc(committee)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1a1a1a;background:#fff;line-height:1.45}
h1{font-size:1.8rem;margin:0 0 .25rem}
p,li{font-size:1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border:1px solid #9a9a9a;padding:.45rem .55rem;vertical-align:top;text-align:left}
thead th{background:#e8eef5}
td.d{white-space:nowrap}
tbody tr:nth-child(even){background:#f6f6f6}
.note{max-width:60rem}
ul.counts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;list-style:none}
</style>
</head>
<body>
<main>
<h1>Recommendations tracker</h1>
<p>${esc(committee)} · as of ${esc(today)}</p>
<p class="note">Each recommendation the committee adopted, the organisation it was sent to, and where it stands. <strong>Reported implemented</strong> means the organisation told us the change is in place; <strong>verified implemented</strong> means the committee checked it. Case details are never published here.</p>
<ul class="counts">${counts}</ul>
<table>
<caption>${rows.length} recommendation${rows.length === 1 ? '' : 's'}</caption>
<thead><tr>${HEADERS.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</main>
</body>
</html>
`;
}

export function trackerFile(db: ReadableDB, format: TrackerFormat, committee: string, today: string): { bytes: Buffer; rows: number } {
  const rows = trackerRows(db, today);
  // The guard reads every cell, as for any export; only organisations and the committee's own dates pass.
  const doc: Doc = {
    title: 'Recommendations tracker',
    subtitle: committee,
    draft: false,
    attributions: [],
    blocks: [
      {
        kind: 'table',
        headers: HEADERS,
        rows,
        rowSources: rows.map((r) => ({ item: `Recommendation ${r[0]}`, where: null })),
      },
    ],
  };
  assertDocClean(doc, followAllowed(db, committee));
  const bytes =
    format === 'html'
      ? Buffer.from(html(committee, today, rows), 'utf8')
      : format === 'xlsx'
        ? xlsx({ name: 'Tracker', headers: HEADERS, rows })
        : Buffer.from(`\uFEFF${csv([HEADERS, ...rows])}`, 'utf8');
  return { bytes, rows: rows.length };
}
