/**
 * Blame-language reminder: findings describe system conditions, not individual failings.
 * A short phrase list (a person or role + "failed to", "should have", "didn't" …) plus the
 * roster's names. Hints only: saving is never blocked.
 */
import type { BlameHint } from '../../../shared/meetings/schemas';
import { nameLexicon } from '../deid/lexicon';

const PERSON =
  '(?:the\\s+|an?\\s+|this\\s+|that\\s+)?(?:(?:responding|primary|first|second|cit|non-cit)\\s+)?(?:officer|deputy|sergeant|dispatcher|call[- ]taker|clinician|counselor|counsellor|therapist|nurse|doctor|paramedic|medic|worker|case manager|caseworker|supervisor|staff member|trooper|detective|he|she|they|[A-Z][a-z]+\\s+[A-Z])';
const FAULT =
  "(?:failed\\s+to|should\\s+have|shouldn[’']t\\s+have|should\\s+not\\s+have|didn[’']t|did\\s+not|neglected\\s+to|forgot\\s+to|refused\\s+to|ignored|was\\s+negligent|was\\s+careless|was\\s+at\\s+fault|made\\s+a\\s+mistake|messed\\s+up|screwed\\s+up|was\\s+wrong\\s+to|chose\\s+not\\s+to|could\\s+have\\s+avoided|overreacted|panicked|escalated)";
const BLAME = new RegExp(`\\b${PERSON}\\s+${FAULT}\\b`, 'gi');
const WORDS =
  /\b(?:fault|blame|blamed|negligen(?:t|ce)|incompeten(?:t|ce)|careless(?:ness)?|reckless(?:ly|ness)?|lazy|bad\s+(?:officer|call|judg(?:e)?ment))\b/gi;

export const SUGGESTION =
  'Restate it as a system condition: what in policy, training, staffing, information or tools made this likely? (For example: "No protocol told dispatch to…", "The crisis team was not available after 22:00".)';

export function blameHints(text: string, rosterNames: readonly string[] = []): BlameHint[] {
  const hints: BlameHint[] = [];
  const add = (start: number, end: number, suggestion = SUGGESTION) => {
    if (hints.some((h) => h.start < end && start < h.end)) return;
    hints.push({ start, end, phrase: text.slice(start, end), suggestion });
  };
  for (const m of text.matchAll(BLAME)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(WORDS)) add(m.index, m.index + m[0].length);
  for (const name of rosterNames) {
    // Each part of a name that could be someone's ("Kim", "Lowe"), not an ordinary word of a
    // role-style roster entry ("Dispatch member 1" names no one by "Dispatch").
    const lex = nameLexicon();
    const parts = name.split(/\s+/).filter((p) => {
      const w = p.toLowerCase();
      return p.length >= 3 && (lex.first.has(w) || lex.last.has(w) || !lex.dictionary.has(w));
    });
    for (const p of [name, ...parts]) {
      const re = new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (const m of text.matchAll(re)) {
        add(
          m.index,
          m.index + m[0].length,
          'A finding names the system, not a committee member or a responder. Describe the condition instead.',
        );
      }
    }
  }
  return hints.sort((a, b) => a.start - b.start);
}
