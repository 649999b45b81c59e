import { splitNameAtEnd, splitNameAtStart } from './names.ts';
import { QUOTE } from './quotations.ts';
import { type IsOrganisation, isApposition, type NamedPerson } from './speaker-phrase.ts';

/**
 * People a document introduces with a description: "Jane Doe, a nurse in Fresno,", "union
 * president Jane Doe", "Jane Doe with the nurses' union". A later "Doe said" is matched to them.
 */

/** Runs of capitalised words (names with their capitalised titles). */
const CAPITALISED_RUN =
  /(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.))*/gu;
/** Punctuation or a quotation: a title before a name starts after the last one. */
const TITLE_BOUNDARY = new RegExp(`[,;:(${QUOTE}\\u2014\\u2013]`, 'gu');
/** "Jane Doe with the union", "Jane Doe of Acme": a description joined by a preposition. */
const PREPOSITIONAL_ROLE = /^\s+((?:with|of|from|at)\s+[^,.;\uE000]+)/u;
/** Words that link a name to what comes before it; never part of a title. */
const LINKING_WORDS = new Set(
  'and or but in on at of to by for with from the a an said says who that which as than'.split(' '),
);
/** Lower-case words of a title before a name ("union president Jane Doe"), at most. */
const MAX_LOWER_CASE_TITLE_WORDS = 2;

/**
 * The title written before a name that starts at `end`: capitalised words, then up to two
 * lower-case ones ("Fresno pharmacist", "Board Director", "guild president"), so a verb
 * before the title ("met Board Director Amy Wu") is left out.
 */
function titleBefore(frame: string, end: number): string {
  let start = 0;
  for (const match of frame.slice(0, end).matchAll(TITLE_BOUNDARY)) {
    start = match.index + match[0].length;
  }
  const words = frame
    .slice(start, end)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  let first = words.length;
  let lower = 0;
  const isTitleWord = (word: string) => /^\p{Ll}/u.test(word) && !LINKING_WORDS.has(word);
  while (first > 0 && lower < MAX_LOWER_CASE_TITLE_WORDS && isTitleWord(words[first - 1] ?? '')) {
    first--;
    lower++;
  }
  while (first > 0 && /^\p{Lu}/u.test(words[first - 1] ?? '')) first--;
  const title = words.slice(first);
  // A capitalised article or opener starts the sentence, not the title ("The", "In").
  while (title.length > 0 && LINKING_WORDS.has((title[0] ?? '').toLowerCase())) title.shift();
  return title.join(' ');
}

/** Comma-separated descriptions right after a name ("Jane Doe, a nurse in Fresno, said"). */
function descriptionAfter(frame: string, start: number): string {
  const prepositional = PREPOSITIONAL_ROLE.exec(frame.slice(start));
  if (prepositional) return (prepositional[1] as string).trim();
  const roles: string[] = [];
  let rest = frame.slice(start);
  for (;;) {
    const next = /^\s*,\s*([^,.;\uE000]+)/u.exec(rest);
    if (!next || !isApposition(next[1] as string)) break;
    roles.push((next[1] as string).trim());
    rest = rest.slice(next[0].length);
  }
  return roles.join(', ');
}

/**
 * The people a sentence frame introduces with a title or a description, in order. Names of two
 * or more words only; organisations (per `isOrganisation`) are skipped. `frame` must have single
 * spaces between words.
 *
 * @example
 * findPeople('Jane Doe, a nurse in Fresno, said so.', () => false) // => [{ name: 'Jane Doe', role: 'a nurse in Fresno' }]
 */
export function findPeople(frame: string, isOrganisation: IsOrganisation): NamedPerson[] {
  const people: NamedPerson[] = [];
  for (const match of frame.matchAll(CAPITALISED_RUN)) {
    // "Governor Jane Doe's request": the name ends before the possessive.
    const run = match[0].replace(/['’]s$/u, '');
    const split = splitNameAtEnd(run);
    const end = match.index + run.length;
    if (!split?.name.includes(' ') || isOrganisation(frame, end - split.name.length, end)) continue;
    const before = titleBefore(frame, end - split.name.length);
    // An address ("9455 Mesa Blvd.") is not a title.
    const title = /\d/.test(before) ? '' : before;
    const description = descriptionAfter(frame, end);
    const role = [title, description].filter((r) => r !== '').join(', ');
    if (role !== '') people.push({ name: split.name, role });
  }
  return people;
}

/** "Jane Doe is a nurse ...", "Doe was one of ...": a name, then what the sentence says they are. */
const DESCRIBED =
  /^((?:\p{Lu}[\p{L}'’-]*\p{L}\s+){0,2}\p{Lu}[\p{L}'’-]*\p{L})\s+(?:is|was)\s+((?:an?|one\s+of)\s[^.;:]+)/u;

/**
 * The person a sentence frame describes by saying who they are ("Doe is one of the nurses who
 * ..."): the name (a surname alone counts) and the description. Organisations are skipped.
 *
 * @example
 * findDescribed('Doe is a nurse at the clinic.', () => false) // => { name: 'Doe', role: 'a nurse at the clinic' }
 */
export function findDescribed(
  frame: string,
  isOrganisation: IsOrganisation,
): NamedPerson | undefined {
  const text = frame.trim();
  const match = DESCRIBED.exec(text);
  if (!match) return undefined;
  const name = match[1] as string;
  if (splitNameAtStart(name)?.name !== name || isOrganisation(text, 0, name.length)) {
    return undefined;
  }
  return { name, role: (match[2] as string).trim() };
}
