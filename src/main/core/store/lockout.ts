/**
 * Failed-unlock counter kept outside the database (CJIS 5.5.3): 5 consecutive failures lock
 * unlocking for 10 minutes, and a restart does not reset it.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './keyslots';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 10 * 60 * 1000;
const schema = z.object({ failures: z.number().int().min(0), lockedUntil: z.number().nullable() });
type State = z.infer<typeof schema>;

export class Lockout {
  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  private read(): State {
    try {
      return schema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      return { failures: 0, lockedUntil: null };
    }
  }

  /** Milliseconds of lockout left, 0 when unlocking is allowed. */
  remainingMs(): number {
    const s = this.read();
    return s.lockedUntil && s.lockedUntil > this.now() ? s.lockedUntil - this.now() : 0;
  }

  /** Records a failure; returns the failures so far and whether this one started a lockout. */
  fail(): { failures: number; lockedOut: boolean } {
    const s = this.read();
    const failures = (s.lockedUntil && s.lockedUntil <= this.now() ? 0 : s.failures) + 1;
    const lockedOut = failures >= MAX_FAILURES;
    writeFileAtomic(this.file, JSON.stringify({ failures, lockedUntil: lockedOut ? this.now() + LOCKOUT_MS : null }));
    return { failures, lockedOut };
  }

  /** Clears the counter after a successful unlock; returns how many failures preceded it. */
  reset(): number {
    const { failures } = this.read();
    if (fs.existsSync(this.file)) writeFileAtomic(this.file, JSON.stringify({ failures: 0, lockedUntil: null }));
    return failures;
  }
}
