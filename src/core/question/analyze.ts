import { isStopWord, normalizeText, splitWords, toTerm } from '../index/text.ts';
import lexicon from '../lexicon.json' with { type: 'json' };
import { type AnswerType, detectAnswerType } from './answer-type.ts';

/**
 * Question analysis: the expected answer type and the concepts a question asks about. A concept is
 * one question word or phrase with the alternatives that may stand for it in a sentence (its
 * synonyms from `lexicon.json`), each alternative a list of index terms that must all be present.
 */

/** One thing the question is about. */
export interface Concept {
  /** The question's own words for it, as index terms. */
  terms: string[];
  /**
   * Ways a sentence may express it: the question's own terms and their abbreviation or long form
   * first (the first `exact` entries), then synonyms.
   */
  alternatives: string[][];
  /** How many leading `alternatives` say exactly the same thing as the question's words. */
  exact: number;
  /** The first raw word of the concept, for background-frequency weighting. */
  word: string;
  /** 1 for the question's own concepts, lower for concepts carried over from earlier questions. */
  weight: number;
  /**
   * True when the word names the kind of answer ("what hours", "which date"): a sentence holding
   * an answer of the expected type expresses it even without the word.
   */
  typeNoun: boolean;
  /** True when the question writes the word capitalised mid-sentence or in capitals (a name, "CEO"). */
  capitalized: boolean;
  /** True for the words right after "how many"/"how much": the thing whose number is asked for. */
  head: boolean;
}

/** What the engine needs to know about a question. */
export interface QuestionAnalysis {
  /** Normalised question text. */
  normalized: string;
  /** Expected answer type. */
  type: AnswerType;
  /** Concepts in question order, carried-over ones last. */
  concepts: Concept[];
}

/** Synonym groups compiled to term lists, and an index from first term to the members it starts. */
interface CompiledLexicon {
  groups: string[][][];
  byFirstTerm: Map<string, Array<{ group: number; member: string[] }>>;
}

function termsOf(text: string): string[] {
  return splitWords(normalizeText(text))
    .filter((w) => !isStopWord(w))
    .map(toTerm);
}

function compileLexicon(groups: readonly (readonly string[])[]): CompiledLexicon {
  const compiled: string[][][] = [];
  const byFirstTerm = new Map<string, Array<{ group: number; member: string[] }>>();
  groups.forEach((group, index) => {
    const members = group.map(termsOf).filter((m) => m.length > 0);
    compiled.push(members);
    for (const member of members) {
      const first = member[0] as string;
      const list = byFirstTerm.get(first) ?? [];
      list.push({ group: index, member });
      // Longest phrases first, so "southern california" wins over "southern".
      list.sort((a, b) => b.member.length - a.member.length);
      byFirstTerm.set(first, list);
    }
  });
  return { groups: compiled, byFirstTerm };
}

const defaultLexicon = compileLexicon(lexicon.synonyms);
/** Abbreviation and long form pairs, as joined index terms in both directions. */
const abbreviations = new Map<string, string>();
for (const [short, long] of Object.entries(lexicon.abbreviations as Record<string, string>)) {
  const a = termsOf(short).join(' ');
  const b = termsOf(long).join(' ');
  abbreviations.set(a, b);
  abbreviations.set(b, a);
}

/** Orders a concept's alternatives: own terms, their abbreviation or long form, then synonyms. */
function orderAlternatives(
  own: string[],
  others: string[][],
): { alternatives: string[][]; exact: number } {
  const twin = abbreviations.get(own.join(' '));
  const exactOthers = others.filter((m) => m.join(' ') === twin);
  const rest = others.filter((m) => m.join(' ') !== twin);
  return { alternatives: [own, ...exactOthers, ...rest], exact: 1 + exactOthers.length };
}
const typeNouns = new Set(lexicon.typeNouns.map((w) => termsOf(w).join(' ')));

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Words that make a question lean on the one before it ("and in NorCal?", "what about that?"). */
const DEPENDENT_OPENERS = /^(?:and|but|also|what about|how about|what of|same|then|so)\b/;
const ANAPHORA = /\b(?:it|that|this|those|these|they|them|their|there|he|she|his|her|him)\b/;

/** Lowercased words the question writes with a capital, other than its first word. */
function capitalizedWords(original: string): Set<string> {
  const found = new Set<string>();
  const raw = original.normalize('NFKD').replace(/\p{M}+/gu, '');
  let first = true;
  for (const match of raw.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (!first && /^\p{Lu}/u.test(word)) found.add(word.toLowerCase());
    else if (word.length >= 2 && word === word.toUpperCase() && /\p{L}/u.test(word)) {
      found.add(word.toLowerCase());
    }
    first = false;
  }
  return found;
}

const AUXILIARY = /^(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should)$/;

/**
 * The word a "how many" / "how much" question counts: the last of the content words right after
 * it ("how many Kaiser members do ..." → "members").
 */
function quantityHeads(normalized: string): Set<string> {
  const match = /\b(?:how (?:many|much)|number of|amount of)\s+([^?.!,;]{0,80})/.exec(normalized);
  if (!match?.[1]) return new Set();
  const run: string[] = [];
  const following = splitWords(match[1]);
  // "how much did Kaiser pay": the amount itself is asked for, not a count of something.
  if (AUXILIARY.test(following[0] ?? '')) return new Set();
  for (const word of following) {
    // The counted phrase ends at a function word or a past-tense verb ("workers walked off").
    if (isStopWord(word) || (run.length > 0 && /ed$/.test(word))) {
      if (run.length > 0) break;
      continue;
    }
    run.push(word);
  }
  return new Set(run.slice(-1));
}

/** Splits a question into concepts, matching synonym phrases longest-first. */
function extractConcepts(
  original: string,
  normalized: string,
  weight: number,
  lex: CompiledLexicon,
): Concept[] {
  const capitalized = capitalizedWords(original);
  const headWords = quantityHeads(normalized);
  const words = splitWords(normalized).filter((w) => !isStopWord(w));
  const terms = words.map(toTerm);
  const concepts: Concept[] = [];
  let i = 0;
  while (i < terms.length) {
    const term = terms[i] as string;
    const candidates = lex.byFirstTerm.get(term) ?? [];
    const match = candidates.find(({ member }) =>
      sameTerms(member, terms.slice(i, i + member.length)),
    );
    if (match) {
      const others = (lex.groups[match.group] ?? []).filter((m) => !sameTerms(m, match.member));
      concepts.push({
        terms: match.member,
        ...orderAlternatives(match.member, others),
        word: words[i] as string,
        weight,
        typeNoun: typeNouns.has(match.member.join(' ')),
        capitalized: capitalized.has(words[i] as string),
        head: words.slice(i, i + match.member.length).some((w) => headWords.has(w)),
      });
      i += match.member.length;
      continue;
    }
    concepts.push({
      terms: [term],
      alternatives: [[term]],
      exact: 1,
      word: words[i] as string,
      weight,
      typeNoun: typeNouns.has(term),
      capitalized: capitalized.has(words[i] as string),
      head: headWords.has(words[i] as string),
    });
    i++;
  }
  // A word asked twice is one concept.
  return concepts.filter(
    (c, index) => concepts.findIndex((o) => sameTerms(o.terms, c.terms)) === index,
  );
}

/**
 * Analyses a question, using earlier questions of the conversation when it leans on them.
 *
 * @example
 * analyzeQuestion('How many therapists struck in SoCal?').type // => 'number'
 */
export function analyzeQuestion(
  question: string,
  history: readonly string[] = [],
): QuestionAnalysis {
  const normalized = normalizeText(question).trim();
  let type = detectAnswerType(normalized);
  const concepts = extractConcepts(question, normalized, 1, defaultLexicon);
  const previous = history.at(-1);
  const dependent =
    previous !== undefined &&
    (DEPENDENT_OPENERS.test(normalized) || ANAPHORA.test(normalized) || concepts.length <= 2);
  if (dependent) {
    const before = normalizeText(previous).trim();
    if (type === 'other' || (type === 'yesno' && DEPENDENT_OPENERS.test(normalized))) {
      type = detectAnswerType(before);
    }
    for (const carried of extractConcepts(previous, before, 0.5, defaultLexicon)) {
      const clash = concepts.some((c) =>
        c.alternatives.some((alt) => carried.alternatives.some((o) => sameTerms(alt, o))),
      );
      if (!clash) concepts.push(carried);
    }
  }
  return { normalized, type, concepts };
}
