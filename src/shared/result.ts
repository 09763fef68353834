/** Error codes every transport returns unchanged. */
export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'not_found',
  'locked',
  'conflict',
  'forbidden',
  'wrong_secret',
  'lockout',
  'weak_passphrase',
  'not_a_workbench',
  'damaged',
  'newer_version',
  'exists',
  /** The identifier guard has unresolved findings (ready for review, export). */
  'guard_blocked',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a flagged text can be fixed: the renderer turns it into a link. */
export type GuardWhere =
  | { kind: 'incident'; incidentId: number; field?: string }
  | { kind: 'finding'; findingId: number; incidentId: number | null; meetingId: number | null }
  | { kind: 'recommendation'; recommendationId: number }
  | { kind: 'minutes'; meetingId: number; section: string }
  | { kind: 'agenda'; meetingId: number; itemId: number }
  | { kind: 'meeting'; meetingId: number };

/** One text the identifier guard stopped: which item, the flagged words only, and where to fix it. */
export interface GuardBlock {
  /** "Finding 3 on incident 2026-014", "Minutes of 2026-05-12, Other business" … */
  item: string;
  /** Only the flagged words, never the text around them. */
  text: string;
  type: string;
  where: GuardWhere | null;
}

export interface CasewalkErrorShape {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail (field paths, seconds left …). Never case text. */
  detail?: Record<string, string | number | boolean | null>;
  /** guard_blocked only: each flagged text and where it can be fixed (the words themselves, nothing around them). */
  blocked?: GuardBlock[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CasewalkErrorShape };

/** An error a service throws on purpose; its message is safe to show to the user. */
export class CasewalkError extends Error {
  readonly code: ErrorCode;
  readonly detail?: CasewalkErrorShape['detail'];
  readonly blocked?: GuardBlock[];
  constructor(code: ErrorCode, message: string, detail?: CasewalkErrorShape['detail'], blocked?: GuardBlock[]) {
    super(message);
    this.name = 'CasewalkError';
    this.code = code;
    if (detail) this.detail = detail;
    if (blocked) this.blocked = blocked;
  }
  toShape(): CasewalkErrorShape {
    const shape: CasewalkErrorShape = { code: this.code, message: this.message };
    if (this.detail) shape.detail = this.detail;
    if (this.blocked) shape.blocked = this.blocked;
    return shape;
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
export function fail<T = never>(error: CasewalkErrorShape): Result<T> {
  return { ok: false, error };
}
