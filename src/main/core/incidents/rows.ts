/** Mapping between incident rows (columns, bit masks) and the contract's Incident shape. */
import { BEHAVIOUR, DISPOSITION, INJURY, INTERCEPT, RESPONDER, fromMask, toMask } from '../../../shared/incidents/values';
import type { Incident, IncidentFields, IncidentRow } from '../../../shared/incidents/schemas';

export interface IncidentDbRow {
  id: number;
  code: string;
  occurred_year: number;
  occurred_month: number;
  weekday: number | null;
  hour_of_day: number | null;
  area: string | null;
  call_source: string | null;
  initial_call_type: string | null;
  final_call_type: string | null;
  responders: number;
  cit_requested: number;
  cit_dispatched: number;
  cit_arrived: number;
  weapon: string | null;
  threats: number;
  injuries: number;
  force: string | null;
  restraint: number;
  handcuffs: number;
  behaviours: number;
  dispositions: number;
  referrals: string | null;
  follow_up_7: string;
  veteran: string;
  prior_contacts: number | null;
  intercepts: number;
  narrative: string;
  status: string;
  source: string;
  open_identifiers: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Column values for an insert or update, in a fixed order (the importer prepares once). */
export const FIELD_COLUMNS = [
  'code',
  'occurred_year',
  'occurred_month',
  'weekday',
  'hour_of_day',
  'area',
  'call_source',
  'initial_call_type',
  'final_call_type',
  'responders',
  'cit_requested',
  'cit_dispatched',
  'cit_arrived',
  'weapon',
  'threats',
  'injuries',
  'force',
  'restraint',
  'handcuffs',
  'behaviours',
  'dispositions',
  'referrals',
  'follow_up_7',
  'veteran',
  'prior_contacts',
  'intercepts',
  'narrative',
] as const;

/**
 * The FIELD_COLUMNS values of an incident, in order, followed by `extra`. Written into `into`
 * when given (imports reuse one array for every row instead of allocating one each).
 */
export function fieldValues(
  f: Omit<IncidentFields, 'code'>,
  code: string,
  ...extra: (string | number | null)[]
): (string | number | null)[] {
  return fillFieldValues([], f, code, extra);
}

export function fillFieldValues(
  into: (string | number | null)[],
  f: Omit<IncidentFields, 'code'>,
  code: string,
  extra: readonly (string | number | null)[],
): (string | number | null)[] {
  into.length = 0;
  into.push(
    code,
    f.occurredYear,
    f.occurredMonth,
    f.weekday === null ? null : Number(f.weekday),
    f.hourOfDay,
    f.area,
    f.callSource,
    f.initialCallType,
    f.finalCallType,
    toMask(f.responders, RESPONDER.values),
    f.citRequested ? 1 : 0,
    f.citDispatched ? 1 : 0,
    f.citArrived ? 1 : 0,
    f.weapon,
    f.threats ? 1 : 0,
    toMask(f.injuries, INJURY.values),
    f.force,
    f.restraint ? 1 : 0,
    f.handcuffs ? 1 : 0,
    toMask(f.behaviours, BEHAVIOUR.values),
    toMask(f.dispositions, DISPOSITION.values),
    f.referrals,
    f.followUp7,
    f.veteran,
    f.priorContacts,
    toMask(f.intercepts, INTERCEPT.values),
    f.narrative,
  );
  for (const x of extra) into.push(x);
  return into;
}

export function toIncident(r: IncidentDbRow, tags: string[]): Incident {
  return {
    id: r.id,
    code: r.code,
    occurredYear: r.occurred_year,
    occurredMonth: r.occurred_month,
    weekday: r.weekday === null ? null : (String(r.weekday) as Incident['weekday']),
    hourOfDay: r.hour_of_day,
    area: r.area,
    callSource: r.call_source as Incident['callSource'],
    initialCallType: r.initial_call_type,
    finalCallType: r.final_call_type,
    responders: fromMask(r.responders, RESPONDER.values),
    citRequested: r.cit_requested === 1,
    citDispatched: r.cit_dispatched === 1,
    citArrived: r.cit_arrived === 1,
    weapon: r.weapon as Incident['weapon'],
    threats: r.threats === 1,
    injuries: fromMask(r.injuries, INJURY.values),
    force: r.force as Incident['force'],
    restraint: r.restraint === 1,
    handcuffs: r.handcuffs === 1,
    behaviours: fromMask(r.behaviours, BEHAVIOUR.values),
    dispositions: fromMask(r.dispositions, DISPOSITION.values),
    referrals: r.referrals,
    followUp7: r.follow_up_7 as Incident['followUp7'],
    veteran: r.veteran as Incident['veteran'],
    priorContacts: r.prior_contacts,
    intercepts: fromMask(r.intercepts, INTERCEPT.values),
    tags,
    narrative: r.narrative,
    status: r.status as Incident['status'],
    source: r.source,
    openIdentifiers: r.open_identifiers,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRow(r: IncidentDbRow): IncidentRow {
  const summary = r.narrative.replace(/\s+/g, ' ').trim();
  return {
    id: r.id,
    code: r.code,
    occurredYear: r.occurred_year,
    occurredMonth: r.occurred_month,
    status: r.status as IncidentRow['status'],
    callSource: r.call_source as IncidentRow['callSource'],
    finalCallType: r.final_call_type,
    area: r.area,
    dispositions: fromMask(r.dispositions, DISPOSITION.values),
    responders: fromMask(r.responders, RESPONDER.values),
    openIdentifiers: r.open_identifiers,
    summary: summary.length > 160 ? `${summary.slice(0, 157)}…` : summary,
    updatedAt: r.updated_at,
  };
}

export function incidentFieldsOf(i: Incident): IncidentFields {
  const { id: _id, status: _s, source: _src, openIdentifiers: _o, version: _v, createdAt: _c, updatedAt: _u, ...fields } = i;
  return fields;
}
