/**
 * Scoring exactly as the judge describes it (shared/deid/README.md): a planted span is found
 * when findings cover >= 80 % of its characters; a finding is correct when it overlaps a span.
 */
import type { IdentifierFinding, IdentifierKind } from '../../../shared/deid/kinds';

export interface LabelledText {
  id: string;
  text: string;
  spans: { start: number; end: number; type: IdentifierKind }[];
}

export interface Score {
  planted: number;
  found: number;
  findings: number;
  correct: number;
  recall: number;
  precision: number;
  perKind: Partial<Record<IdentifierKind, { planted: number; found: number; recall: number }>>;
  misses: string[];
  falsePositives: string[];
}

export function score(items: LabelledText[], scanFn: (text: string) => IdentifierFinding[]): Score {
  let planted = 0;
  let found = 0;
  let findings = 0;
  let correct = 0;
  const perKind: Score['perKind'] = {};
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const item of items) {
    const f = scanFn(item.text);
    findings += f.length;
    for (const x of f) {
      if (item.spans.some((s) => s.start < x.end && x.start < s.end)) correct++;
      else falsePositives.push(`${item.id} ${x.type} "${item.text.slice(x.start, x.end)}"`);
    }
    for (const s of item.spans) {
      planted++;
      const k = (perKind[s.type] ??= { planted: 0, found: 0, recall: 0 });
      k.planted++;
      let covered = 0;
      for (let i = s.start; i < s.end; i++) if (f.some((x) => x.start <= i && i < x.end)) covered++;
      if (covered / (s.end - s.start) >= 0.8) {
        found++;
        k.found++;
      } else misses.push(`${item.id} ${s.type} "${item.text.slice(s.start, s.end)}"`);
    }
  }
  for (const k of Object.values(perKind)) k.recall = k.found / k.planted;
  return {
    planted,
    found,
    findings,
    correct,
    recall: found / planted,
    precision: findings ? correct / findings : 1,
    perKind,
    misses,
    falsePositives,
  };
}

/** Reads "[[KIND:text]]" markup into text + spans (the hand-written generalisation fixture). */
export function parseMarkup(id: string, raw: string): LabelledText {
  const spans: LabelledText['spans'] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(/\[\[([A-Z0-9]+):(.*?)\]\]/g)) {
    text += raw.slice(last, m.index);
    spans.push({ type: m[1] as IdentifierKind, start: text.length, end: text.length + m[2]!.length });
    text += m[2];
    last = m.index + m[0].length;
  }
  return { id, text: text + raw.slice(last), spans };
}
