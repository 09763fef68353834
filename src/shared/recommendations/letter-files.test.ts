import { describe, expect, it } from 'vitest';
import { letterFileName, letterFileNames } from './letter-files';

describe('letter file names', () => {
  it('fold accents, and fall back to "agency" for a name with no Latin letters', () => {
    expect(letterFileName('2026-11-11', 'Café Crisis — Services', 'pdf')).toBe('letter-2026-11-11-cafe-crisis-services.pdf');
    expect(letterFileName('2026-11-11', 'Служба кризисной помощи', 'docx')).toBe('letter-2026-11-11-agency.docx');
  });
  it('never give two agencies the same file (the second would replace the first)', () => {
    const names = letterFileNames('2026-11-11', ['Служба', 'Ψυχική υγεία', 'County Health', 'County  Health'], 'pdf');
    expect(names).toEqual([
      'letter-2026-11-11-agency.pdf',
      'letter-2026-11-11-agency-2.pdf',
      'letter-2026-11-11-county-health.pdf',
      'letter-2026-11-11-county-health-2.pdf',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
});
