import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, placeholder, type IdentifierKind } from './kinds';
import { applyRedactions, rebaseSpans, redactOne, redactSpans } from './redact';

/**
 * A text as a sequence of ordinary pieces and identifiers (tokens over their own alphabet,
 * always with a separator either side, as the scanner reports whole tokens). The expected
 * redaction is the same sequence with each identifier replaced by its placeholder.
 */
const filler = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', ',', '.', '\n', '-', "'", '(', ')', '[', ']'), maxLength: 12 });
const identifier = fc.record({
  value: fc
    .string({ unit: fc.constantFrom('0', '5', 'Q', 'Z', 'ö', '-', '@'), minLength: 1, maxLength: 10 })
    .filter((v) => /[0-9QZö@]/.test(v[0]!) && /[0-9QZö@]/.test(v[v.length - 1]!)),
  type: fc.constantFrom(...IDENTIFIER_KINDS),
});
const doc = fc.array(fc.tuple(filler, identifier), { maxLength: 8 }).chain((parts) =>
  filler.map((tail) => {
    let text = '';
    let expected = '';
    const findings: { id: number; start: number; end: number; type: IdentifierKind; text: string }[] = [];
    for (const [f, id] of parts) {
      text += `${f} `;
      expected += `${f} `;
      findings.push({ id: findings.length, start: text.length, end: text.length + id.value.length, type: id.type, text: id.value });
      text += `${id.value} `;
      expected += `${placeholder(id.type)} `;
    }
    return { text: text + tail, expected: expected + tail, findings };
  }),
);

describe('redaction', () => {
  it('a NAME then a PHONE, redacted one after the other, leave no part of either (the minutes bug)', () => {
    const text = 'Ask Rosa Villanueva to call her on 555-201-4433 today.';
    const name = { start: 4, end: 19, type: 'NAME' as const, text: 'Rosa Villanueva' };
    const phone = { start: 35, end: 47, type: 'PHONE' as const, text: '555-201-4433' };
    // The old editor replaced by the original offsets after the first redaction had moved the text.
    const first = redactOne(text, name, [name, phone])!;
    expect(first.text).toBe('Ask [NAME] to call her on 555-201-4433 today.');
    expect(first.spans).toEqual([{ ...phone, start: 26, end: 38 }]);
    const second = redactOne(first.text, first.spans[0]!, first.spans)!;
    expect(second.text).toBe('Ask [NAME] to call her on [PHONE] today.');
    // A span whose text is no longer at its offsets is refused, not applied.
    expect(redactOne(first.text, phone, [])).toBeNull();
    expect(applyRedactions(first.text, [phone])).toMatchObject({ text: first.text, skipped: [phone] });
  });

  it('overlapping spans become one placeholder instead of cutting into each other', () => {
    expect(
      redactSpans('lives at 12 Main St 61820 now', [
        { start: 9, end: 25, type: 'ADDRESS' },
        { start: 20, end: 25, type: 'ZIP' },
      ]),
    ).toBe('lives at [ADDRESS] now');
    expect(
      redactSpans('abcdefghij', [
        { start: 5, end: 8, type: 'ZIP' },
        { start: 2, end: 6, type: 'NAME' },
      ]),
    ).toBe('ab[NAME]ij');
  });

  it('an edit that runs into a span drops it instead of keeping a part of a word', () => {
    const spans = [{ start: 0, end: 4, type: 'NAME' as const, text: 'Rosa' }];
    expect(rebaseSpans('Rosa came', 'Rosalind came', spans)).toEqual([]);
    expect(rebaseSpans('Rosa came', 'Rosa, came', spans)).toEqual(spans);
    expect(rebaseSpans('Then Rosa came', 'Rosa came', [{ start: 5, end: 9, type: 'NAME' as const }])).toEqual([
      { start: 0, end: 4, type: 'NAME' },
    ]);
  });

  it('property: any set of non-overlapping findings, in any order, redacts exactly the flagged spans', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), fc.integer(), (d, withText, seed) => {
        const spans = d.findings.map((f) => (withText ? f : { start: f.start, end: f.end, type: f.type }));
        const shuffled = [...spans].sort((a, b) => ((a.start * 7919 + seed) % 97) - ((b.start * 7919 + seed) % 97));
        const r = applyRedactions(d.text, shuffled);
        // Equal to the text rebuilt piece by piece: nothing outside a span changed, no span left a part behind.
        expect(r.text).toBe(d.expected);
        expect(r.skipped).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: redacting the findings one at a time, in any order, as an editor does, gives the same text', () => {
    fc.assert(
      fc.property(
        doc.chain((d) =>
          fc
            .shuffledSubarray(
              d.findings.map((_, i) => i),
              { minLength: d.findings.length, maxLength: d.findings.length },
            )
            .map((order) => ({ d, order })),
        ),
        ({ d, order }) => {
          let text = d.text;
          let open = [...d.findings];
          for (const i of order) {
            const target = open.find((f) => f.id === i);
            expect(target).toBeDefined();
            const r = redactOne(text, target!, open)!;
            expect(r).not.toBeNull();
            // Rebased spans keep pointing at exactly their flagged text.
            for (const s of r.spans) expect(r.text.slice(s.start, s.end)).toBe(s.text);
            text = r.text;
            open = r.spans;
          }
          expect(text).toBe(d.expected);
          expect(open).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: spans found in an older text are either moved exactly or dropped, whatever the edit', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), filler, (d, a, b, insert) => {
        const from = Math.min(a, b) % (d.text.length + 1);
        const to = Math.min(d.text.length, from + (Math.max(a, b) % 6));
        const after = `${d.text.slice(0, from)}${insert}${d.text.slice(to)}`;
        for (const s of rebaseSpans(d.text, after, d.findings)) expect(after.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 500 },
    );
  });
});
