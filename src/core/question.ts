import { type AnswerType, detectAnswerType } from './answer-type.ts';
import lexicon from './lexicon.json' with { type: 'json' };
import { isStopWord, normalizeText, splitWords, toTerm } from './text.ts';

/**
 * Question analysis: the expected answer type and the concepts a question asks about. A concept is
 * one question word or phrase with the alternatives that may stand for it in a sentence (its
 * synonyms from `lexicon.json`), each alternative a list of index terms that must all be present.
 */

/** One thing the question is about. */
export interface Concept {
  /** The question's own words for it, as index terms. */
  terms: string[];
  /** Ways a sentence may express it: the question's own terms first, then synonyms. */
  alternatives: string[][];
  /** The first raw word of the concept, for background-frequency weighting. */
  word: string;
  /** 1 for the question's own concepts, lower for concepts carried over from earlier questions. */
  weight: number;
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

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Words that make a question lean on the one before it ("and in NorCal?", "what about that?"). */
const DEPENDENT_OPENERS = /^(?:and|but|also|what about|how about|what of|same|then|so)\b/;
const ANAPHORA = /\b(?:it|that|this|those|these|they|them|their|there|he|she|his|her|him)\b/;

/** Splits a question into concepts, matching synonym phrases longest-first. */
function extractConcepts(normalized: string, weight: number, lex: CompiledLexicon): Concept[] {
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
        alternatives: [match.member, ...others],
        word: words[i] as string,
        weight,
      });
      i += match.member.length;
      continue;
    }
    concepts.push({ terms: [term], alternatives: [[term]], word: words[i] as string, weight });
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
  const concepts = extractConcepts(normalized, 1, defaultLexicon);
  const previous = history.at(-1);
  const dependent =
    previous !== undefined &&
    (DEPENDENT_OPENERS.test(normalized) || ANAPHORA.test(normalized) || concepts.length <= 2);
  if (dependent) {
    const before = normalizeText(previous).trim();
    if (type === 'other' || (type === 'yesno' && DEPENDENT_OPENERS.test(normalized))) {
      type = detectAnswerType(before);
    }
    for (const carried of extractConcepts(before, 0.5, defaultLexicon)) {
      const clash = concepts.some((c) =>
        c.alternatives.some((alt) => carried.alternatives.some((o) => sameTerms(alt, o))),
      );
      if (!clash) concepts.push(carried);
    }
  }
  return { normalized, type, concepts };
}
