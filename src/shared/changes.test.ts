import { describe, expect, it } from 'vitest';
import { methodNames } from './contract';
import { prefixOf, STALE_AFTER, staleAfter } from './changes';

describe('what a write makes stale', () => {
  it('every prefix of the contract has its own line, so a write never makes everything stale by omission', () => {
    // Prefixes that never write, and those whose writes change what every screen shows (the date
    // style, the committee's today): everything goes stale after them, on purpose.
    const apart = ['app', 'files', 'settings', 'home', 'projector', 'audit'];
    const missing = [...new Set(methodNames.map(prefixOf))].filter((p) => !(p in STALE_AFTER) && !apart.includes(p));
    expect(missing).toEqual([]);
  });
  it('a finding saved in the walk refreshes the meeting, the walk and Home, not the crisis services', () => {
    expect(staleAfter('findings.create', 'meetings.get')).toBe(true);
    expect(staleAfter('findings.create', 'walk.state')).toBe(true);
    expect(staleAfter('findings.create', 'home.summary')).toBe(true);
    expect(staleAfter('findings.create', 'services.list')).toBe(false);
    expect(staleAfter('incidents.update', 'incidents.list')).toBe(true);
    expect(staleAfter('services.save', 'incidents.list')).toBe(false);
    // An unknown prefix (a feature added later) is safe: everything but app.info.
    expect(staleAfter('letters.send', 'incidents.list')).toBe(true);
    expect(staleAfter('letters.send', 'app.info')).toBe(false);
  });
});
