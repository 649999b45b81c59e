import { isStopWord, normalizeText, splitWords, toTerm } from '../index/text.ts';
import type { DomainProfile } from '../profile.ts';

/**
 * A domain profile's abbreviations and synonym groups compiled to index terms, with a lookup from
 * a phrase's first term to the phrases it starts (so a question's "southern california" is one
 * concept, matched longest first).
 */
export interface CompiledLexicon {
  /** Per first term, the phrases it starts (longest first) and their group. */
  byFirstTerm: ReadonlyMap<string, ReadonlyArray<{ group: number; member: readonly string[] }>>;
  /** Each group's members as term lists. */
  groups: readonly (readonly (readonly string[])[])[];
  /** Per joined phrase, its abbreviation or long form (joined), both ways. */
  twins: ReadonlyMap<string, string>;
}

/** The index terms of a word or phrase (stop words dropped). */
export function phraseTerms(text: string): string[] {
  return splitWords(normalizeText(text))
    .filter((w) => !isStopWord(w))
    .map(toTerm);
}

/**
 * Compiles a profile's abbreviations and synonyms. An abbreviation and its long form also form a
 * synonym group of their own, so either finds the other.
 *
 * @example
 * compileLexicon({ abbreviations: { NYC: 'New York City' } }).twins.get('nyc') // => 'new york citi'
 */
export function compileLexicon(profile: DomainProfile): CompiledLexicon {
  const twins = new Map<string, string>();
  const rawGroups: (readonly string[])[] = [...(profile.synonyms ?? [])];
  for (const [short, long] of Object.entries(profile.abbreviations ?? {})) {
    const a = phraseTerms(short).join(' ');
    const b = phraseTerms(long).join(' ');
    twins.set(a, b);
    twins.set(b, a);
    rawGroups.push([short, long]);
  }
  const groups: string[][][] = [];
  const byFirstTerm = new Map<string, Array<{ group: number; member: string[] }>>();
  rawGroups.forEach((group, index) => {
    const members = group.map(phraseTerms).filter((m) => m.length > 0);
    groups.push(members);
    for (const member of members) {
      const first = member[0] as string;
      const list = byFirstTerm.get(first) ?? [];
      list.push({ group: index, member });
      list.sort((x, y) => y.member.length - x.member.length);
      byFirstTerm.set(first, list);
    }
  });
  return { byFirstTerm, groups, twins };
}
