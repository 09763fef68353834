/**
 * Contract-wide hostile input: every method refuses wrong types and unknown fields with a
 * structured invalid_input error (never an internal error, never a crash), and bounded
 * strings refuse oversize values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { dispatch } from './dispatch';
import { unlockedCore } from './test-support';

let t: Awaited<ReturnType<typeof unlockedCore>>;
beforeAll(async () => {
  t = await unlockedCore('cw-contract-');
});
afterAll(() => t.cleanup());

describe('every contract method', () => {
  it.each(methodNames.filter((m) => m !== 'workbench.lock'))('%s rejects a non-object and an unknown field', async (name) => {
    // (null and undefined mean "no input", as the preloads send for methods without arguments.)
    for (const bad of ['x', 42, true, [], { __unexpected: 1 }]) {
      const r = await dispatch(t.core, name, bad);
      expect(r.ok, `${name} accepted ${JSON.stringify(bad)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${name} with ${JSON.stringify(bad)}: ${r.error.message}`).toBe('invalid_input');
        expect(r.error.message.length).toBeGreaterThan(5);
      }
    }
  });

  it('unknown methods are refused by name', async () => {
    expect(await dispatch(t.core, 'incidents.dropTable' as never, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('oversize strings are refused before any handler runs', async () => {
    const huge = 'a'.repeat(1_000_001);
    const cases: [string, unknown][] = [
      ['identifiers.scan', { text: huge }],
      ['incidents.create', { occurredYear: 2026, occurredMonth: 1, narrative: huge }],
      ['incidents.list', { search: huge }],
      ['roster.saveMember', { name: huge, sector: 'other', role: 'member' }],
      ['findings.checkLanguage', { text: huge }],
      ['minutes.update', { meetingId: 1, sections: [{ key: 'x', title: 'X', body: huge }] }],
      ['keyholders.add', { name: 'Sam', passphrase: huge }],
    ];
    for (const [name, input] of cases) {
      const r = await dispatch(t.core, name as never, input);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('unknown ids give not_found, not an internal error', async () => {
    const cases: [string, unknown][] = [
      ['incidents.get', { id: 987654 }],
      ['incidents.update', { id: 987654, version: 0, patch: {} }],
      ['timeline.update', { id: 987654, patch: { description: 'x' } }],
      ['meetings.get', { id: 987654 }],
      ['agenda.remove', { id: 987654 }],
      ['recommendations.get', { id: 987654 }],
      ['findings.update', { id: 987654, patch: { description: 'something' } }],
      ['minutes.approve', { meetingId: 987654 }],
    ];
    for (const [name, input] of cases) {
      const r = await dispatch(t.core, name as never, input);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
