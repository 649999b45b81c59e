import { tokenize } from '../index/text.ts';
import type { DomainProfile } from '../profile.ts';

/**
 * A domain profile's abbreviations compiled to index terms: each short form and its long form
 * (matched both ways as the same words), and a lookup from a phrase's first term to the phrases it
 * starts, so a question's "new york city" is one concept, matched longest first.
 */
export interface CompiledLexicon {
  /** Per first term, the known phrases it starts, longest first. */
  byFirstTerm: ReadonlyMap<string, ReadonlyArray<readonly string[]>>;
  /** Per joined phrase, its abbreviation or long form (joined), both ways. */
  twins: ReadonlyMap<string, string>;
}

/**
 * Compiles a profile's abbreviations.
 *
 * @example
 * compileLexicon({ abbreviations: { NYC: 'New York City' } }).twins.get('nyc') // => 'new york citi'
 */
export function compileLexicon(profile: DomainProfile): CompiledLexicon {
  const twins = new Map<string, string>();
  const byFirstTerm = new Map<string, string[][]>();
  const addPhrase = (terms: string[]) => {
    const first = terms[0];
    if (!first) return;
    const list = byFirstTerm.get(first) ?? [];
    list.push(terms);
    list.sort((x, y) => y.length - x.length);
    byFirstTerm.set(first, list);
  };
  for (const [short, long] of Object.entries(profile.abbreviations ?? {})) {
    const a = tokenize(short);
    const b = tokenize(long);
    if (a.length === 0 || b.length === 0) continue;
    twins.set(a.join(' '), b.join(' '));
    twins.set(b.join(' '), a.join(' '));
    addPhrase(a);
    addPhrase(b);
  }
  return { byFirstTerm, twins };
}
