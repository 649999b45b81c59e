import { isStopWord } from '../index/text.ts';
import { splitNameAtEnd, splitNameAtStart } from './names.ts';
import { QUOTE } from './quotations.ts';

/**
 * Reads the phrase that names a speaker next to a speech verb: people with their roles
 * ("Jane Doe, a nurse in Fresno"), a pronoun ("she", "it"), or a group or organisation ("union
 * officials", "the agency"). Grammar only; which side a phrase belongs to is decided elsewhere.
 */

/** A person named by the phrase, with the words that describe them ('' when none). */
export interface NamedPerson {
  name: string;
  role: string;
}

/** What a speaker phrase names. */
export type SpeakerPhrase =
  | { kind: 'people'; people: NamedPerson[] }
  | { kind: 'pronoun'; pronoun: string }
  | {
      kind: 'group';
      /** The phrase as written ("The union representing 4,000 clinicians"). */
      text: string;
      /** The phrase up to its first modifier ("The union"): where its head noun is. */
      core: string;
    };

/**
 * Tells person names from organisation names that look like them: true when `text` from `start`
 * to `end` is (part of) an organisation's name ("Acme Health", "Nurses Guild" in "Harbor Nurses
 * Guild").
 */
export type IsOrganisation = (text: string, start: number, end: number) => boolean;

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);

/** A quantifier standing for people already spoken of ("Many", "Some of them", "Most"). */
const QUANTIFIER = /^(?:many|some|most|others|several|few|both|all)(?:\s+of\s+(?:them|those))?$/u;

/** Words spoken or written, then who from: "a call from", "the letter from". */
const SPOKEN_FROM =
  /(?:^|\s)(?:call|plea|request|appeal|letter|statement|message|memo|email|demand|order|proposal|offer|response|warning)s?\s+from\s+(\p{Lu}.*)$/u;

/** A finite verb: words before a speech verb that hold one are a clause, not its subject. */
const FINITE_VERB = /\s(?:is|are|was|were|has|have|had|will|would|can|could|does|do|did)\s/iu;

/** Words that open a description of the name before them ("Jane Doe, president of ..."). */
const TITLE_WORDS = new Set(
  (
    'president chief director head executive vice spokesperson spokesman spokeswoman founder ' +
    'co-founder secretary chair chairman chairwoman chairperson member deputy senior general ' +
    'manager organizer organiser treasurer commissioner professor attorney lawyer officer leader ' +
    'representative analyst researcher editor coordinator administrator supervisor steward captain'
  ).split(' '),
);

/** True for a comma-separated part that describes the name before it rather than naming someone. */
export function isApposition(part: string): boolean {
  const text = part.trim();
  if (/^(?:a|an|the|who|whose|with|from|of|at)\s/i.test(text)) return true;
  return TITLE_WORDS.has((text.split(/\s+/)[0] ?? '').toLowerCase());
}

/** Words between a subject and its verb ("The union has also said"). */
const TRAILING_AUXILIARY =
  /[\s,]+(?:has|have|had|is|are|was|were|will|would|could|should|may|might|can|must|did|does|do|also|only|then|again|further|now|still|not|never|already|[a-z]+ly)\s*$/u;
/** Conjunctions and complementisers that start the clause holding the verb's subject. */
const CLAUSE_START =
  /(?:^|[\s,])(?:while|whereas|but|because|although|though|that|when|after|before|if|where|so|since|until|unless|once)\s/giu;
/** "as" opening a clause ("Talks resumed as nurses raised concerns"), not a role ("Doe, as chair,"). */
const AS_CLAUSE = /(?<![,\s])\s+as\s+(?=\p{L})/giu;
/** Prepositions: a relative clause's speaker ("a deal with regulators who said") follows the last. */
const PREPOSITION =
  /(?:^|\s)(?:with|to|from|by|for|against|between|among|of|at|in|on|about|over)\s/giu;
/** Where a group's head noun ends and its modifiers begin. */
const MODIFIER =
  /\s(?:who|which|that|representing|considering|including|working|based|with|at|in|of|from|for|on|by)\s/iu;

/** A quotation or a dash, colon or semicolon: the speaker's clause starts after the last one. */
const CLAUSE_MARK = new RegExp(`[${QUOTE};:\u2014\u2013]|\\s-\\s`, 'gu');

/**
 * The clause of `before` that holds a speech verb's subject: after the last quotation mark,
 * dash, colon or semicolon, except a dash that opens a description of the name before it ("Jane
 * Doe, president of the guild - the union of the city's nurses, said"), read as a comma.
 */
function speakerClause(before: string): string {
  const marks = [...before.matchAll(CLAUSE_MARK)];
  let end = before.length;
  let clause = '';
  for (let k = marks.length - 1; k >= 0; k--) {
    const mark = marks[k] as RegExpMatchArray & { index: number };
    const rest = before.slice(mark.index + mark[0].length, end);
    clause = clause === '' ? rest : `${rest}, ${clause}`;
    const dash = /^\s*[—–-]\s*$/u.test(mark[0]);
    if (!dash || !isApposition(rest) || !/,\s*$/u.test(before)) return clause;
    end = mark.index;
  }
  const head = before.slice(0, end);
  return clause === '' ? head : `${head}, ${clause}`;
}

/** The text after the last match of `pattern` (all of `text` when it does not occur). */
function afterLast(text: string, pattern: RegExp): string {
  let end = 0;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return text.slice(end);
}

/** Comma-separated parts, keeping commas inside brackets and numbers ("4,000"). */
function splitParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ',' && depth === 0 && !/\d,\d/.test(text.slice(i - 1, i + 2))) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** A person whose name ends `part`, or undefined when it ends otherwise or names an organisation. */
function personAtEnd(part: string, isOrganisation: IsOrganisation): NamedPerson | undefined {
  const text = part.replace(/^and\s+/i, '');
  const split = splitNameAtEnd(text);
  if (!split || isOrganisation(text, text.length - split.name.length, text.length))
    return undefined;
  // "nurses in Harbor City", "in the Bay Area": a name after a preposition is a place, not the speaker.
  if (
    /(?:^|\s)(?:in|at|from|near|across|outside|inside|of|for|to)(?:\s+the)?$/iu.test(split.rest)
  ) {
    return undefined;
  }
  return { name: split.name, role: split.rest };
}

/** Joins the non-empty descriptions of a person. */
function joinRoles(...roles: string[]): string {
  return roles.filter((r) => r.trim() !== '').join(', ');
}

/** Reads one part that names the speaker: people joined by "and", a pronoun, or a group. */
function readHead(part: string, isOrganisation: IsOrganisation): SpeakerPhrase {
  // "They're asking", "She's demanding": the pronoun without its contracted verb.
  const lower = part.toLowerCase().replace(/['’](?:re|s)$/u, '');
  if (PRONOUNS.has(lower)) return { kind: 'pronoun', pronoun: lower };
  // "Many say", "Some of them argue": a share of the people last spoken of, as "they" is.
  if (QUANTIFIER.test(lower)) return { kind: 'pronoun', pronoun: 'they' };
  const members = part.split(/\s+and\s+/);
  const people = members.map((m) => personAtEnd(m, isOrganisation));
  if (people.every((p) => p !== undefined)) return { kind: 'people', people };
  const core = part.split(MODIFIER)[0] ?? part;
  return { kind: 'group', text: part, core };
}

/**
 * The speaker named before a speech verb: the subject of the clause that holds it, with any
 * description of a named person ("Jane Doe, a nurse in Fresno,") as their role.
 *
 * @example
 * readSpeakerBefore('In a statement Friday, the Acme board ') // => { kind: 'group', text: 'the Acme board', ... }
 */
export function readSpeakerBefore(
  before: string,
  isOrganisation: IsOrganisation,
): SpeakerPhrase | undefined {
  let text = speakerClause(before);
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text.replace(TRAILING_AUXILIARY, '');
  }
  // "Nurses, who have worked without a contract since May, say": the clause describes the subject.
  text = text.replace(/,\s*(?:who|which)\s(?:[^,]|(?<=\d),(?=\d))*,\s*$/iu, ' ');
  const relative = /(?:,\s*|\s+)(?:who|that|which)\s*$/iu.exec(text);
  if (relative) text = text.slice(0, relative.index);
  text = afterLast(afterLast(text, CLAUSE_START), AS_CLAUSE);
  if (relative) text = afterLast(text, PREPOSITION);
  const parts = splitParts(text.replace(/^[\s,]+|[\s,]+$/g, ''));
  // "Jane Doe, a nurse, reiterated the guild's demands": a verb after the commas ends the subject.
  if (parts.length >= 2 && /^\p{Ll}+ed\s/u.test(parts.at(-1) as string)) parts.pop();
  // "a public call from Governor Jane Roe urging ...": the speaker is who the words came from.
  const from = SPOKEN_FROM.exec(parts.at(-1) ?? '');
  if (from?.[1]) parts.splice(-1, 1, from[1]);
  const last = parts.at(-1);
  if (last === undefined) return undefined;
  if (isApposition(last)) {
    // "Jane Doe, president of X, the group that ..., said": the person before the descriptions.
    for (let head = parts.length - 2; head >= 0; head--) {
      const part = parts[head] as string;
      if (isApposition(part)) continue;
      const person = personAtEnd(part, isOrganisation);
      if (!person) break;
      const described = {
        name: person.name,
        role: joinRoles(person.role, ...parts.slice(head + 1)),
      };
      const partner = /^and\s/i.test(part) ? findPartner(parts, head, isOrganisation) : undefined;
      return { kind: 'people', people: partner ? [partner, described] : [described] };
    }
  }
  const head = readHead(last, isOrganisation);
  // "We are providing care to any member seeking it": the words before "seeking" are a clause.
  // "The guild will review the deal and expects to ...": a clause joined by "and" shares the
  // subject before its verb.
  if (head.kind === 'group' && FINITE_VERB.test(` ${head.text} `)) {
    return /\s(?:and|but)$/iu.test(head.text) ? readSubject(head.text, isOrganisation) : undefined;
  }
  // "Its president, Jane Doe, said": a description before a person's name is their role.
  const only = head.kind === 'people' && head.people.length === 1 ? head.people[0] : undefined;
  const described = parts.length >= 2 ? (parts.at(-2) as string).trim() : '';
  if (only && !only.role && (isApposition(described) || /^(?:its|their)\s/i.test(described))) {
    return { kind: 'people', people: [{ name: only.name, role: described }] };
  }
  return head;
}

/** The person before "and Jane Doe" in "John Roe, a nurse, and Jane Doe, ...", with their role. */
function findPartner(
  parts: readonly string[],
  head: number,
  isOrganisation: IsOrganisation,
): NamedPerson | undefined {
  for (let i = head - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (isApposition(part)) continue;
    const person = personAtEnd(part, isOrganisation);
    return (
      person && { name: person.name, role: joinRoles(person.role, ...parts.slice(i + 1, head)) }
    );
  }
  return undefined;
}

/**
 * The speaker named after a verb ("said Jane Doe, a nurse") or after "according to", or
 * undefined when the words after the verb do not start with a name or a noun phrase.
 *
 * @example
 * readSpeakerAfter(' Jane Doe, a nurse in Fresno.') // => { kind: 'people', people: [{ name: 'Jane Doe', role: 'a nurse in Fresno' }] }
 */
export function readSpeakerAfter(
  after: string,
  isOrganisation: IsOrganisation,
): SpeakerPhrase | undefined {
  const clause = (after.split(/[\uE000;:]|\sthat\s/u)[0] ?? '').replace(/[.!?\s]+$/u, '');
  const parts = splitParts(clause.replace(/^[\s,]+/u, ''));
  const [head, ...rest] = parts;
  if (head === undefined) return undefined;
  const roles: string[] = [];
  for (const part of rest) {
    if (!isApposition(part)) break;
    roles.push(part);
  }
  // "said nurse Jane Doe", "said company spokesperson Jane Doe": a description before a full name.
  const titled = /^((?:\p{Ll}[\p{L}-]*\s+){1,3})(\p{Lu}.*)$/u.exec(head);
  const description =
    titled && !(titled[1] as string).split(/\s+/).some((w) => w !== '' && isStopWord(w))
      ? (titled[1] as string).trim()
      : undefined;
  if (
    description === undefined &&
    !/^(?:\p{Lu}|the\s|a\s|an\s|he\b|she\b|it\b|they\b)/u.test(head)
  ) {
    return undefined;
  }
  const named = description === undefined ? head : (titled?.[2] as string);
  const split = splitNameAtStart(named);
  // After a description only a full name is a speaker: "told reporters Friday" names no one.
  const fullEnough = description === undefined || split?.name.includes(' ');
  if (split && fullEnough && !isOrganisation(named, 0, split.name.length)) {
    const role = joinRoles(description ?? '', split.rest, ...roles);
    return { kind: 'people', people: [{ name: split.name, role }] };
  }
  return description === undefined ? readHead(head, isOrganisation) : undefined;
}

/** The verb that ends a sentence's subject: an auxiliary or a regular past tense ("hundred" is not one). */
const SUBJECT_END =
  /\s+(?:has|have|had|is|are|was|were|will|would|can|could|(?!hundred)\p{Ll}{3,}ed)(?![\p{L}\p{N}])/u;

/**
 * The subject of the sentence that `before` starts: the speaker of a participle after a comma
 * ("Workers have walked out, demanding ..."). Undefined when no auxiliary or past tense ends it.
 *
 * @example
 * readSubject('Nurses at two wards walked out on Monday, ', () => false) // => { kind: 'group', text: 'Nurses at two wards', ... }
 */
export function readSubject(
  before: string,
  isOrganisation: IsOrganisation,
): SpeakerPhrase | undefined {
  const end = SUBJECT_END.exec(before);
  if (!end) return undefined;
  // After an opening phrase ("On Monday, ..."), the subject starts past its comma.
  const subject = afterLast(before.slice(0, end.index), /,\s*/gu).trim();
  return subject === '' ? undefined : readHead(subject, isOrganisation);
}
