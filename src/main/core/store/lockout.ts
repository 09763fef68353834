/**
 * Failed-unlock counter kept outside the database (CJIS 5.5.3): 5 consecutive failures lock
 * unlocking for 10 minutes, and a restart does not reset it.
 *
 * It deters guessing at the keyboard (and through the app or CLI). It cannot stop someone who
 * copies the files and guesses offline: that is bounded by scrypt (N=2^15, r=8, p=1 per guess).
 * A file that cannot be read is treated as a lockout (fail closed) that ends 10 minutes after
 * the file was last written; deleting the file ends it at once.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './keyslots';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 10 * 60 * 1000;
const schema = z.object({ failures: z.number().int().min(0), lockedUntil: z.number().nullable() });
type State = z.infer<typeof schema> & { damaged?: boolean };

export class Lockout {
  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  private read(): State {
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { failures: 0, lockedUntil: null };
      return this.damagedState();
    }
    try {
      return schema.parse(JSON.parse(raw));
    } catch {
      return this.damagedState();
    }
  }

  /** Garbled or unreadable: locked out, for 10 minutes from the file's last write (fail closed). */
  private damagedState(): State {
    let written = this.now();
    try {
      written = fs.statSync(this.file).mtimeMs;
    } catch {
      /* unreadable: count from now */
    }
    return { failures: MAX_FAILURES, lockedUntil: Math.min(written, this.now()) + LOCKOUT_MS, damaged: true };
  }

  /** True when the lockout file exists but cannot be read as one. */
  isDamaged(): boolean {
    return this.read().damaged === true;
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
