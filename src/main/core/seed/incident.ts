/** One synthetic incident: its fields with plausible CIT distributions, and its timeline steps. */
import type { IncidentFields } from '../../../shared/incidents/schemas';
import { INCIDENT_DEFAULTS } from '../../../shared/incidents/schemas';
import {
  BEHAVIOUR,
  DISPOSITION,
  RESPONDER,
  type Behaviour,
  type CallSource,
  type Disposition,
  type Force,
  type Responder,
  type TimelineActor,
  type TimelineKind,
  type Weapon,
} from '../../../shared/incidents/values';
import type { WritableDB } from '../store/db';
import type { Rng } from './rng';
import { AREAS, CALL_TYPES, CLOSERS, MIDDLES, OPENERS } from './texts';

/** One incident's fields and status, drawn in a fixed order (the same seed gives the same data). */
export function randomIncident(
  r: Rng,
  year: number,
  month: number,
  seq: number,
  nowYm: number,
): { fields: IncidentFields; status: string; callSource: CallSource } {
  const callSource = r.weighted<CallSource>([
    ['911', 60],
    ['988', 12],
    ['non_emergency', 12],
    ['on_view', 8],
    ['family_self', 5],
    ['other_agency', 3],
  ]);
  const responders = new Set<Responder>([r.chance(0.55) ? 'cit_officer' : 'non_cit_officer']);
  if (r.chance(0.25)) responders.add('mobile_crisis');
  if (r.chance(0.15)) responders.add('co_responder');
  if (r.chance(0.3)) responders.add('ems_fire');
  if (r.chance(0.04)) responders.add('peer_specialist');
  const dispositions = new Set<Disposition>([
    r.weighted<Disposition>([
      ['resolved_on_scene', 30],
      ['voluntary_transport', 22],
      ['emergency_detention', 22],
      ['referral', 12],
      ['arrest', 5],
      ['resources_declined', 6],
      ['unable_to_contact', 3],
    ]),
  ]);
  if (dispositions.has('emergency_detention') && r.chance(0.4)) dispositions.add('hospital_admission');
  if (dispositions.has('arrest') && r.chance(0.6)) dispositions.add('jail_booking');
  if (r.chance(0.2)) dispositions.add('referral');
  const behaviours = new Set<Behaviour>();
  for (let k = r.int(1, 3); k > 0; k--) behaviours.add(r.pick(BEHAVIOUR.values));
  const ym = year * 100 + month;
  const age = (nowYm - ym) / 100;
  const status =
    age > 1
      ? r.chance(0.08)
        ? 'closed'
        : r.chance(0.92)
          ? 'draft'
          : 'reviewed'
      : r.weighted([
          ['draft', 70],
          ['ready_for_review', 20],
          ['reviewed', 10],
        ] as const);
  const fields: IncidentFields = {
    ...INCIDENT_DEFAULTS,
    code: `${year}-${String(seq).padStart(3, '0')}`,
    occurredYear: year,
    occurredMonth: month,
    weekday: String(r.int(1, 7)) as IncidentFields['weekday'],
    hourOfDay: r.weighted(Array.from({ length: 24 }, (_, h) => [h, h >= 14 && h <= 23 ? 6 : h <= 5 ? 3 : 4] as const)),
    area: r.pick(AREAS),
    callSource,
    initialCallType: r.pick(CALL_TYPES),
    finalCallType: r.pick(CALL_TYPES),
    responders: RESPONDER.values.filter((x) => responders.has(x)),
    citRequested: r.chance(0.5),
    citDispatched: responders.has('cit_officer'),
    citArrived: responders.has('cit_officer') && r.chance(0.85),
    weapon: r.weighted<Weapon>([
      ['none', 80],
      ['knife', 9],
      ['other', 5],
      ['unknown', 4],
      ['firearm', 2],
    ]),
    threats: r.chance(0.2),
    injuries: r.chance(0.06) ? ['subject'] : [],
    force: r.weighted<Force>([
      ['none', 80],
      ['presence_verbal', 10],
      ['hands_on', 7],
      ['less_lethal', 2],
      ['impact', 1],
    ]),
    restraint: r.chance(0.05),
    handcuffs: r.chance(0.25),
    behaviours: BEHAVIOUR.values.filter((x) => behaviours.has(x)),
    dispositions: DISPOSITION.values.filter((x) => dispositions.has(x)),
    referrals: dispositions.has('referral') ? 'Outpatient clinic; crisis line follow-up' : null,
    followUp7: r.weighted([
      ['yes', 30],
      ['no', 40],
      ['unknown', 30],
    ] as const),
    veteran: r.weighted([
      ['yes', 6],
      ['no', 70],
      ['unknown', 24],
    ] as const),
    priorContacts: r.int(0, 6),
    intercepts: r.chance(0.7) ? ['1'] : r.chance(0.5) ? ['0'] : ['0', '1'],
    tags: [],
    narrative: `${r.pick(OPENERS)} ${r.pick(MIDDLES)} ${r.pick(CLOSERS)}`,
  };
  return { fields, status, callSource };
}

/** Timeline: call, dispatch, arrival, contacts/decisions, disposition, maybe follow-up. */
export function insertTimeline(
  r: Rng,
  insEvent: ReturnType<WritableDB['prepare']>,
  id: number,
  hourOfDay: number,
  callSource: CallSource,
): { steps: number; descriptions: string[] } {
  const steps = r.int(5, 15);
  let t = hourOfDay * 3600 + r.int(0, 59) * 60;
  const descriptions: string[] = [];
  for (let s = 0; s < steps; s++) {
    const kind: TimelineKind =
      s === 0
        ? 'call'
        : s === 1
          ? 'dispatch'
          : s === 2
            ? 'arrival'
            : s === steps - 1
              ? 'disposition'
              : r.pick(['contact', 'decision_point', 'handoff', 'contact', 'transport'] as const);
    const actor: TimelineActor =
      s === 0
        ? callSource === '988'
          ? 'crisis_line_988'
          : 'dispatch_911'
        : s === 1
          ? 'dispatch_911'
          : r.pick(['law_enforcement', 'mobile_crisis', 'ems', 'hospital_ed', 'law_enforcement'] as const);
    t += s === 0 ? 0 : r.int(1, 20) * 60;
    const clock = `${String(Math.floor(t / 3600) % 24).padStart(2, '0')}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}`;
    const description = `${kind.replace('_', ' ')} by ${actor.replace(/_/g, ' ')} (step ${s + 1})`;
    descriptions.push(description);
    insEvent.run([id, s, clock, actor, kind, description, kind === 'decision_point' ? 1 : 0]);
  }
  return { steps, descriptions };
}
