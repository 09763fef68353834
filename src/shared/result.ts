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

export interface CasewalkErrorShape {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail (field paths, seconds left …). Never case text. */
  detail?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CasewalkErrorShape };

/** An error a service throws on purpose; its message is safe to show to the user. */
export class CasewalkError extends Error {
  readonly code: ErrorCode;
  readonly detail?: CasewalkErrorShape['detail'];
  constructor(code: ErrorCode, message: string, detail?: CasewalkErrorShape['detail']) {
    super(message);
    this.name = 'CasewalkError';
    this.code = code;
    if (detail) this.detail = detail;
  }
  toShape(): CasewalkErrorShape {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
export function fail<T = never>(error: CasewalkErrorShape): Result<T> {
  return { ok: false, error };
}
