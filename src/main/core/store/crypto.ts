/**
 * Key material. Each keyholder's slot: scrypt(passphrase) → KEK, which unwraps (AES-256-GCM)
 * the keyholder's X25519 private key; the data key is wrapped to each keyholder's public key
 * (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM). That lets Casewalk rotate the data key for
 * every remaining keyholder when one is removed, without knowing their passphrases.
 */
import crypto from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}
export interface Sealed {
  iv: string;
  tag: string;
  ct: string;
}

export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

export function newScryptParams(): ScryptParams {
  return { ...DEFAULT_SCRYPT, salt: crypto.randomBytes(16).toString('base64') };
}

export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      passphrase.normalize('NFKC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Returns null when the key is wrong or the data was altered (GCM tag mismatch). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(sealed.ct, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

export interface KeyPair {
  publicKey: string; // base64 SPKI DER
  privateKey: Buffer; // PKCS8 DER
}
export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export interface WrappedToKey extends Sealed {
  epk: string; // ephemeral public key, base64 SPKI DER
}

function sharedKey(priv: crypto.KeyObject, pub: crypto.KeyObject, info: string): Buffer {
  const secret = crypto.diffieHellman({ privateKey: priv, publicKey: pub });
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), Buffer.from(info), 32));
}

export function wrapToPublicKey(publicKeyB64: string, data: Buffer, info: string): WrappedToKey {
  const eph = crypto.generateKeyPairSync('x25519');
  const pub = crypto.createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
  const k = sharedKey(eph.privateKey, pub, info);
  const sealed = seal(k, data, info);
  k.fill(0);
  return { ...sealed, epk: eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

export function unwrapWithPrivateKey(privateKeyDer: Buffer, w: WrappedToKey, info: string): Buffer | null {
  try {
    const priv = crypto.createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const epk = crypto.createPublicKey({ key: Buffer.from(w.epk, 'base64'), format: 'der', type: 'spki' });
    const k = sharedKey(priv, epk, info);
    const out = open(k, w, info);
    k.fill(0);
    return out;
  } catch {
    return null;
  }
}

/** The public key (base64 SPKI DER) that belongs to an X25519 private key (PKCS8 DER). */
export function publicKeyOf(privateKeyDer: Buffer): string | null {
  try {
    const priv = crypto.createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    return crypto.createPublicKey(priv).export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    return null;
  }
}

export function hmacHex(key: Buffer, text: string): string {
  return crypto.createHmac('sha256', key).update(text).digest('hex');
}

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function randomId(bytes = 9): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
