/**
 * Passphrase rules (NIST SP 800-63B style): at least 12 characters, zxcvbn strength ≥ 3, and
 * not built from the committee's or the keyholder's name. Messages say what to change.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { CasewalkError } from '../../../shared/result';

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return factory;
}

export const MIN_LENGTH = 12;

/** Returns null when acceptable, otherwise the sentence to show. */
export function passphraseProblem(pass: string, context: { committee?: string; name?: string }): string | null {
  if (pass.length < MIN_LENGTH)
    return `Use at least ${MIN_LENGTH} characters (this one has ${pass.length}). A few unrelated words work well.`;
  const lower = pass.toLowerCase();
  for (const [label, value] of [
    ['the committee name', context.committee],
    ['your name', context.name],
  ] as const) {
    if (!value) continue;
    const parts = value
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3);
    if (lower.includes(value.toLowerCase()) || parts.some((w) => lower.includes(w))) {
      return `Do not use ${label} in the passphrase; choose words that have nothing to do with it.`;
    }
  }
  const r = zxcvbn().check(pass, [context.committee ?? '', context.name ?? '']);
  if (r.score < 3) {
    const hint = r.feedback.warning ? ` ${r.feedback.warning}` : '';
    return `This passphrase is too easy to guess.${hint} Add another unusual word or two.`;
  }
  return null;
}

export function assertPassphrase(pass: string, context: { committee?: string; name?: string }): void {
  const p = passphraseProblem(pass, context);
  if (p) throw new CasewalkError('weak_passphrase', p);
}
