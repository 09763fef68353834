/**
 * The CIT goals scorecard. Each rate's denominator is the incidents in the period where its
 * measure was recorded (`recorded.ts`), and each item says how many incidents have no data for it.
 */
import type { Dashboard } from '../../../shared/minutes/schemas';
import { DISPOSITION, RESPONDER, toMask } from '../../../shared/incidents/values';
import type { ReadableDB } from '../store/db';
import { join, raw, sql, type Sql } from '../store/sql';
import { ARREST_RECORDED, DETENTION_RECORDED, percent, recorded } from '../coverage/recorded';

interface MeasureDef {
  goal: string;
  label: string;
  definition: string;
  /** The condition counted (within the recorded incidents). */
  counts: string;
  /** Which incidents have the data. */
  recorded: Sql;
  /** "with injuries recorded": what the denominator is, in the committee's words. */
  basis: string;
}

const dispBit = (...v: string[]) => toMask(v, DISPOSITION.values);

export const MEASURES: readonly MeasureDef[] = [
  {
    goal: '1',
    label: 'Injury rate',
    definition: 'Incidents where anyone was injured, as a share of incidents with injuries recorded.',
    counts: 'injuries != 0',
    recorded: recorded({ field: 'injuries' }),
    basis: 'with injuries recorded',
  },
  {
    goal: '1',
    label: 'Use-of-force rate',
    definition:
      'Incidents with force beyond presence or verbal direction (hands-on or more), as a share of incidents with use of force recorded.',
    counts: "force IS NOT NULL AND force NOT IN ('none', 'presence_verbal')",
    recorded: recorded({ field: 'force' }),
    basis: 'with use of force recorded',
  },
  {
    goal: '2',
    label: 'Referral rate',
    definition:
      'Incidents with a referral disposition, as a share of incidents whose disposition was recorded by a source that records referrals.',
    counts: `(dispositions & ${dispBit('referral')}) != 0`,
    recorded: recorded({ field: 'dispositions', values: ['referral'] }),
    basis: 'with a disposition recorded',
  },
  {
    goal: '2',
    label: '7-day follow-up rate',
    definition: 'Incidents with a follow-up contact within 7 days, as a share of incidents where follow-up is known (yes or no).',
    counts: "follow_up_7 = 'yes'",
    recorded: raw("follow_up_7 IN ('yes', 'no')"),
    basis: 'with follow-up known',
  },
  {
    goal: '3',
    label: 'Resolved without arrest',
    definition:
      'Incidents with neither an arrest nor a jail booking, as a share of incidents whose disposition was recorded by a source that records arrests.',
    counts: `(dispositions & ${dispBit('arrest', 'jail_booking')}) = 0`,
    recorded: ARREST_RECORDED,
    basis: 'with a disposition recorded',
  },
  {
    goal: '3',
    label: 'Clinician or mobile crisis response',
    definition:
      'Incidents where a co-responder clinician or the mobile crisis team responded, as a share of incidents with responders recorded.',
    counts: `(responders & ${toMask(['co_responder', 'mobile_crisis'], RESPONDER.values)}) != 0`,
    recorded: recorded({ field: 'responders' }),
    basis: 'with responders recorded',
  },
  {
    goal: '4',
    label: 'Emergency detention rate',
    definition:
      'Incidents ending in an emergency detention (apprehension), as a share of incidents where detention was recorded either way.',
    counts: `(dispositions & ${dispBit('emergency_detention')}) != 0`,
    recorded: DETENTION_RECORDED,
    basis: 'with detention recorded',
  },
  {
    goal: '4',
    label: 'Handcuff rate',
    definition: 'Incidents where handcuffs were used, as a share of incidents with handcuff use recorded.',
    counts: 'handcuffs != 0',
    recorded: recorded({ field: 'handcuffs' }),
    basis: 'with handcuff use recorded',
  },
  {
    goal: '4',
    label: 'Restraint rate',
    definition: 'Incidents where restraint was used, as a share of incidents with restraint recorded.',
    counts: 'restraint != 0',
    recorded: recorded({ field: 'restraint' }),
    basis: 'with restraint recorded',
  },
];

/** The scorecard over incidents in [from, to] (YYYYMM numbers): one pass, two sums per measure. */
export function goalsScorecard(db: ReadableDB, range: readonly [number, number]): { n: number; scorecard: Dashboard['scorecard'] } {
  const cols = MEASURES.map(
    (m, i) => sql`sum(${m.recorded}) AS r${raw(String(i))}, sum(${m.recorded} AND ${raw(m.counts)}) AS c${raw(String(i))}`,
  );
  const q = sql`SELECT count(*) AS n, ${join(cols, ', ')} FROM incidents WHERE occurred BETWEEN ${range[0]} AND ${range[1]}`;
  const s = db.prepare(q.text).get(q.params) as Record<string, number | null>;
  const n = s.n ?? 0;
  const scorecard = MEASURES.map((m, i) => {
    const denominator = s[`r${i}`] ?? 0;
    const numerator = s[`c${i}`] ?? 0;
    return {
      goal: m.goal,
      label: m.label,
      definition: m.definition,
      numerator,
      denominator,
      value: percent(numerator, denominator),
      basis: m.basis,
      noData: n - denominator,
    };
  });
  return { n, scorecard };
}
