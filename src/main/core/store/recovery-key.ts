/**
 * Recovery-key encoding (docs/data-format.md): the 32-byte data key as Crockford base32,
 * most-significant bit first, 256 bits + 4 zero padding bits = 52 symbols, groups of 4 joined
 * by dashes. Decoding is case-insensitive, ignores dashes and spaces, reads O as 0 and I/L as 1.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function encodeRecoveryKey(key: Buffer): string {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of key) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Returns the 32-byte key, or null when the text is not a well-formed recovery key. */
export function decodeRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== 52) return null;
  const out = Buffer.alloc(32);
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      if (n < 32) out[n++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // The 4 padding bits must be zero.
  if (n !== 32 || value !== 0) return null;
  return out;
}

export function looksLikeRecoveryKey(text: string): boolean {
  return /^[0-9A-Za-z]{4}(-[0-9A-Za-z]{4}){12}$/.test(text.trim());
}
