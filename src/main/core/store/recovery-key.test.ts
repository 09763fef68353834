import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';

describe('recovery key (Crockford base32)', () => {
  it('round-trips random keys as 13 dash-separated groups of 4', () => {
    for (let i = 0; i < 200; i++) {
      const k = crypto.randomBytes(32);
      const s = encodeRecoveryKey(k);
      expect(s).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){12}$/);
      expect(decodeRecoveryKey(s)!.equals(k)).toBe(true);
    }
  });
  it('encodes most-significant bit first with zero padding', () => {
    expect(encodeRecoveryKey(Buffer.alloc(32)).replace(/-/g, '')).toBe('0'.repeat(52));
    const ff = encodeRecoveryKey(Buffer.alloc(32, 0xff)).replace(/-/g, '');
    expect(ff).toBe('Z'.repeat(51) + 'G'); // last symbol: 1 data bit + 4 zero bits = 10000b = G
  });
  it('accepts lower case, O for 0, I/L for 1, spaces; refuses bad padding and length', () => {
    const k = Buffer.alloc(32, 0);
    k[0] = 0x08; // 00001 000… → first symbol "1"
    const s = encodeRecoveryKey(k);
    expect(s.startsWith('1')).toBe(true);
    expect(decodeRecoveryKey(s.toLowerCase().replace(/1/g, 'l').replace(/0/g, 'o').replace(/-/g, ' '))!.equals(k)).toBe(true);
    expect(decodeRecoveryKey(s.slice(0, -1) + '1')).toBeNull(); // non-zero padding
    expect(decodeRecoveryKey(s.slice(0, -2))).toBeNull();
    expect(decodeRecoveryKey(s.replace(/^./, 'U'))).toBeNull();
  });
});
