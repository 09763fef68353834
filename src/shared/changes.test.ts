import { describe, expect, it } from 'vitest';
import { methodNames } from './contract';
import { isReadMethod, prefixOf, STALE_AFTER, staleAfter } from './changes';

describe('what a write makes stale', () => {
  it('reads are reads and writes are writes', () => {
    for (const m of [
      'incidents.list',
      'incidents.get',
      'home.summary',
      'projector.view',
      'walk.state',
      'reports.dashboard',
      'findings.checkLanguage',
    ])
      expect(isReadMethod(m), m).toBe(true);
    for (const m of [
      'incidents.create',
      'findings.update',
      'minutes.approve',
      'agenda.move',
      'walk.set',
      'meetings.exportAgenda',
      'settings.update',
    ])
      expect(isReadMethod(m), m).toBe(false);
  });
  it('every prefix of the contract that writes has its own line, so a write never makes everything stale by omission', () => {
    const writing = new Set(methodNames.filter((m) => !isReadMethod(m)).map(prefixOf));
    // settings and files change what every screen shows (dates, the committee's today): everything, on purpose.
    const missing = [...writing].filter((p) => !(p in STALE_AFTER) && !['settings', 'files'].includes(p));
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
