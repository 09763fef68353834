import { describe, expect, it } from 'vitest';
import { blameHints } from './blame';

const phrases = (text: string, names: string[] = []) => blameHints(text, names).map((h) => h.phrase);

describe('blame-language detector', () => {
  it('flags a person or role with a fault phrase', () => {
    expect(phrases('The officer failed to request a CIT officer.')).toEqual(['The officer failed to']);
    expect(phrases('the clinician should have called earlier')).toEqual(['the clinician should have']);
    expect(phrases('Dispatcher didn’t ask about weapons; the dispatcher did not ask about weapons.')).toEqual([
      'Dispatcher didn’t',
      'the dispatcher did not',
    ]);
    expect(phrases('It was the deputy’s fault.')).toEqual(['fault']);
  });
  it('flags roster names', () => {
    expect(phrases('Sam Rivera should own this, as Rivera knows the team.', ['Sam Rivera'])).toEqual(['Sam Rivera', 'Rivera']);
  });
  it('a role-style roster entry flags only itself, not its ordinary words', () => {
    expect(phrases('Dispatch had no safety plan on file; a member asked why.', ['Dispatch member 1'])).toEqual([]);
    expect(phrases('Dispatch member 1 raised it.', ['Dispatch member 1'])).toEqual(['Dispatch member 1']);
  });
  it('leaves system statements alone', () => {
    expect(phrases('No protocol tells dispatch to offer the 988 transfer; mobile crisis is unavailable after 22:00.')).toEqual([]);
    expect(phrases('Policy failed to address overnight coverage.')).toEqual([]);
  });
});
