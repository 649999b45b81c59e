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
  /** The side a title in a person's name places them on ("Governor Jane Doe"): occupations and titles only. */
  sideOfTitle(name: string): SideMention | undefined;
  /** Every organisation name in a text, in order of appearance. */
  findOrganisations(text: string): SideMention[];
  /**
   * The sides whose organisations a question names, in any letter case (people type "nhs" for
   * "NHS"), in order of appearance.
   */
  sidesNamedIn(question: string): string[];
  /** The side and role the profile gives a person, matched by full name or last name. */
  findPerson(name: string): { name: string; side: string; role?: string } | undefined;
  /** The side whose voice a document's own text is, or `reporter`. */
  ownVoiceOf(document: SourceDocument): string;
}

/** One name of a side, ready for comparison with the text at a word. */
interface Name {
  side: string;
  name: string;
  /** Names with a capital letter match only as written; the others in any case. */
  caseless: boolean;
}

/** Names by their first word (lower case), longest first: each text word is looked up once. */
type NameIndex = Map<string, Name[]>;

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function indexNames(entries: Array<[string, readonly string[]]>): NameIndex {
  const index: NameIndex = new Map();
  const all = entries.flatMap(([side, names]) =>
    names.map((name) => ({ side, name, caseless: !/\p{Lu}/u.test(name) })),
  );
  all.sort((a, b) => b.name.length - a.name.length);
  for (const entry of all) {
    const first = (entry.name.match(WORD)?.[0] ?? entry.name).toLowerCase();
    index.set(first, [...(index.get(first) ?? []), entry]);
  }
  return index;
}

/** Whether `name` is written in `text` at `start`, as a whole word (in any case when `anyCase`). */
function writtenAt(
  text: string,
  start: number,
  { name, caseless }: Name,
  anyCase: boolean,
): boolean {
  const slice = text.slice(start, start + name.length);
  if (caseless || anyCase ? slice.toLowerCase() !== name.toLowerCase() : slice !== name) {
    return false;
  }
  return !LETTER_OR_DIGIT.test(text.charAt(start + name.length) || ' ');
}

function findAll(index: NameIndex, text: string, anyCase = false): SideMention[] {
  const found: SideMention[] = [];
  let covered = 0;
  for (const word of text.matchAll(WORD)) {
    if (word.index < covered) continue;
    const candidates = index.get(word[0].toLowerCase());
    const name = candidates?.find((c) => writtenAt(text, word.index, c, anyCase));
    if (!name) continue;
    const written = text.slice(word.index, word.index + name.name.length);
    found.push({ side: name.side, text: written, index: word.index });
    covered = word.index + written.length;
  }
  return found;
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
 * compileSides(profile).sideOfRole('a nurse in Fresno')?.side // => 'guild'
 */
export function compileSides(profile: SidesProfile): SideMatcher {
  const roles = indexNames(profile.sides.map((s) => [s.id, s.roles]));
  const organisations = indexNames(profile.sides.map((s) => [s.id, s.organisations]));
  const ownVoiceKinds = new Set(profile.ownVoiceKinds.map(fold));
  const people = profile.people.map((p) => ({ ...p, last: fold(p.name).split(' ').pop() ?? '' }));
  return {
    sideOfRole(role) {
      const named = findAll(organisations, role);
      // A role word inside an organisation's name ("Harbor Nurses Guild") is part of the name.
      const inName = (m: SideMention) =>
        named.some((o) => m.index >= o.index && m.index < o.index + o.text.length);
      return findAll(roles, role).find((m) => !inName(m)) ?? named[0];
    },
    sideOfTitle(name) {
      return findAll(roles, name)[0];
    },
    findOrganisations(text) {
      return findAll(organisations, text);
    },
    sidesNamedIn(question) {
      return findAll(organisations, question, true).map((m) => m.side);
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
