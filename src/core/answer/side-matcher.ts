import type { SourceDocument } from '../types.ts';
import { REPORTER, type SidesProfile } from './sides-profile.ts';

/**
 * The sides of a profile compiled for matching: which side a role, a group or a publisher
 * belongs to. Names written with a capital letter match only as written ("Senate" is a title,
 * "assembly line" is not); names in lower case match in any case ("the union", "The union").
 */

/** One place a side's name occurs in a text. */
export interface SideMention {
  /** Id of the side. */
  side: string;
  /** The words as the text writes them. */
  text: string;
  /** Offset of the first character in the text searched. */
  index: number;
}

/** A profile's sides compiled into whole-word patterns. */
export interface SideMatcher {
  /** The side a person's role places them on: occupations and titles first, then organisations. */
  sideOfRole(role: string): SideMention | undefined;
  /** Every organisation name in a text, in order of appearance. */
  findOrganisations(text: string): SideMention[];
  /** The side and role the profile gives a person, matched by full name or last name. */
  findPerson(name: string): { name: string; side: string; role?: string } | undefined;
  /** The side whose voice a document's own text is, or `reporter`. */
  ownVoiceOf(document: SourceDocument & { kind?: string }): string;
}

interface Pattern {
  side: string;
  regex: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word pattern: nothing alphanumeric on either side; case kept if the name has capitals. */
function compileName(side: string, name: string): Pattern {
  const flags = /\p{Lu}/u.test(name) ? 'gu' : 'giu';
  return {
    side,
    regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, flags),
  };
}

/** Longer names first, so "Acme Health" wins over "Acme" at the same place. */
function compileNames(entries: Array<[string, readonly string[]]>): Pattern[] {
  const all = entries.flatMap(([side, names]) => names.map((name) => ({ side, name })));
  all.sort((a, b) => b.name.length - a.name.length);
  return all.map(({ side, name }) => compileName(side, name));
}

function findAll(patterns: readonly Pattern[], text: string): SideMention[] {
  const found: SideMention[] = [];
  for (const { side, regex } of patterns) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const index = match.index;
      const end = index + match[0].length;
      // A shorter name inside a longer one already found is the same mention.
      if (found.some((f) => index < f.index + f.text.length && end > f.index)) continue;
      found.push({ side, text: match[0], index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Lower-case letters and digits only, for comparing publisher names. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Compiles a profile's sides for matching.
 *
 * @example
 * compileSides(profile).sideOfRole('a therapist in Fresno')?.side // => 'union'
 */
export function compileSides(profile: SidesProfile): SideMatcher {
  const roles = compileNames(profile.sides.map((s) => [s.id, s.roles]));
  const organisations = compileNames(profile.sides.map((s) => [s.id, s.organisations]));
  const ownVoiceKinds = new Set(profile.ownVoiceKinds.map(fold));
  const people = profile.people.map((p) => ({ ...p, last: fold(p.name).split(' ').pop() ?? '' }));
  return {
    sideOfRole(role) {
      return findAll(roles, role)[0] ?? findAll(organisations, role)[0];
    },
    findOrganisations(text) {
      return findAll(organisations, text);
    },
    findPerson(name) {
      const folded = fold(name);
      const person =
        people.find((p) => fold(p.name) === folded) ??
        (folded.includes(' ') ? undefined : people.find((p) => p.last === folded));
      if (!person) return undefined;
      return {
        name: person.name,
        side: person.side,
        ...(person.role === undefined ? {} : { role: person.role }),
      };
    },
    ownVoiceOf(document) {
      const publisher = fold(document.publisher ?? '');
      if (publisher === '') return REPORTER;
      const named = profile.sides.find((s) =>
        s.publishers.some((p) => ` ${publisher} `.includes(` ${fold(p)} `)),
      );
      if (named) return named.id;
      if (document.kind !== undefined && ownVoiceKinds.has(fold(document.kind))) {
        const organisation = findAll(organisations, document.publisher ?? '')[0];
        if (organisation) return organisation.side;
      }
      return REPORTER;
    },
  };
}
