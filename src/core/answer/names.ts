/**
 * Personal names in running text: capitalised words that are not sentence openers, months or
 * acronyms, read from the end of a phrase ("Fresno pharmacist Jane Doe" → "Jane Doe" with
 * the title "Fresno pharmacist") or from its start ("Jane Doe with the union").
 */

/** A name found in a phrase, with the words before or after it. */
export interface NameSplit {
  /** The name as written ("Jane Q. Doe", "Doe"). */
  name: string;
  /** The rest of the phrase: a title before the name or a description after it ('' if none). */
  rest: string;
}

/** Capitalised words that open sentences or clauses, not names. */
const NOT_NAMES = new Set(
  (
    'a an the in on at for of and but or nor so yet to by with from as if this that these those ' +
    'it its they he she we i our their his her my your you who which what when where while ' +
    'however according citing since after before although though last next earlier later today ' +
    'yesterday tomorrow nearly thousands hundreds many some most all both each every several ' +
    'also still even then there here meanwhile mr mrs ms dr ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** Last words of organisation and place names that look like personal names ("Acme Group"). */
const NOT_SURNAMES = new Set(
  (
    'region group center centre department union association council committee agency office ' +
    'offices hospital hospitals clinic university college school county city state states board ' +
    'commission foundation institute company corporation network news times post journal bee ' +
    'tribune herald press services care health plan court house senate assembly legislature ' +
    'ave avenue blvd boulevard st street rd road drive'
  ).split(' '),
);

const INITIAL = /^\p{Lu}\.$/u;

/** A capitalised word of a name, or a middle initial ("Q."). */
function isNameWord(word: string): boolean {
  if (INITIAL.test(word)) return true;
  if (!/^\p{Lu}[\p{L}'’-]*\p{L}$/u.test(word)) return false;
  // Acronyms ("FAA", "LOS") are organisations or shouting, not given names.
  if (word === word.toUpperCase()) return false;
  return !NOT_NAMES.has(word.toLowerCase());
}

/** How many of `words` (a name and the title before it) are the name: two, three with an initial. */
function lengthFromEnd(words: readonly string[]): number {
  if (words.length >= 3 && INITIAL.test(words[words.length - 2] ?? '')) return 3;
  return Math.min(2, words.length);
}

/** How many of `words` (a name and the words after it) are the name: two, three with an initial. */
function lengthFromStart(words: readonly string[]): number {
  if (words.length >= 3 && INITIAL.test(words[1] ?? '')) return 3;
  return Math.min(2, words.length);
}

/**
 * The name that ends a phrase, and the title before it.
 *
 * @example
 * splitNameAtEnd('Fresno pharmacist Jane Doe') // => { name: 'Jane Doe', rest: 'Fresno pharmacist' }
 */
export function splitNameAtEnd(phrase: string): NameSplit | undefined {
  const words = phrase.trim().split(/\s+/);
  let first = words.length;
  while (first > 0 && isNameWord(words[first - 1] ?? '')) first--;
  const run = words.slice(first);
  if (run.length === 0) return undefined;
  const length = lengthFromEnd(run);
  if (NOT_SURNAMES.has((run.at(-1) ?? '').toLowerCase())) return undefined;
  const name = run.slice(run.length - length).join(' ');
  const rest = words.slice(0, words.length - length).join(' ');
  return { name, rest };
}

/**
 * The name that opens a phrase, and the description after it.
 *
 * @example
 * splitNameAtStart('Jane Doe with the union') // => { name: 'Jane Doe', rest: 'with the union' }
 */
export function splitNameAtStart(phrase: string): NameSplit | undefined {
  const words = phrase.trim().split(/\s+/);
  let end = 0;
  while (end < words.length && isNameWord(words[end] ?? '')) end++;
  if (end === 0) return undefined;
  const length = lengthFromStart(words.slice(0, end));
  if (NOT_SURNAMES.has((words[length - 1] ?? '').toLowerCase())) return undefined;
  return { name: words.slice(0, length).join(' '), rest: words.slice(length).join(' ') };
}

/** The last word of a name, lower-cased: what a later mention by surname matches. */
export function surnameOf(name: string): string {
  return (name.trim().split(/\s+/).pop() ?? '').toLowerCase();
}
