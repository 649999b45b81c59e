import { isStopWord, normalizeText, splitWords, tokenize, toTerm } from '../index/text.ts';
import { type AnswerType, detectAnswerType } from './answer-type.ts';
import type { CompiledLexicon } from './lexicon.ts';
import { readQuestionWord, readWord, type SpellingVocabulary } from './spell.ts';
import type { Thesaurus } from './wordnet.ts';

/**
 * Question analysis: the expected answer type and the concepts a question asks about. A concept is
 * one question word or phrase with the alternatives that may stand for it in a sentence, each
 * tagged with where it comes from, so ranking can learn how far to trust each kind of match.
 */

/** Where an alternative wording of a concept comes from. */
export type MatchSource =
  | 'exact' // the question's own words (after stemming), or their abbreviation or long form
  | 'wordnet' // a WordNet synonym of a common sense
  | 'spelling' // what a misspelt or abbreviated word most likely means
  | 'association'; // a word learned to go with it in answers to training questions

/** One way a sentence may express a concept: index terms that must all be present. */
export interface Alternative {
  terms: readonly string[];
  source: MatchSource;
}

/** One thing the question is about. */
export interface Concept {
  /** The question's word (or phrase) for it, normalised. */
  word: string;
  /** The question's own index terms for it. */
  terms: readonly string[];
  /** Ways a sentence may express it, the question's own terms first. */
  alternatives: Alternative[];
  /** True for concepts carried over from an earlier question of the conversation. */
  carried: boolean;
  /** True when the question writes the word capitalised mid-sentence or in capitals (a name). */
  capitalized: boolean;
  /** True for the word a "how many"/"how much" question counts. */
  head: boolean;
  /** True for the noun naming the kind of answer ("what year"). */
  typeNoun: boolean;
}

/** What the engine needs to know about a question. */
export interface QuestionAnalysis {
  /** Normalised question text. */
  normalized: string;
  /** The normalised text with misspelt question and function words read ("wheres" → "where"). */
  corrected: string;
  type: AnswerType;
  concepts: Concept[];
  /** Numbers written in the question ("2018", "40"). */
  numbers: string[];
  /** For a follow-up, the chunk id of the answer to the question it follows. */
  previousAnswer?: number;
}

/** What analysis reads besides the question: the domain lexicon and the documents' vocabulary. */
export interface AnalysisResources {
  lexicon: CompiledLexicon;
  vocabulary: SpellingVocabulary;
  /** True when an index term occurs in the documents. */
  hasTerm(term: string): boolean;
  /** Learned associations: per question term, sentence terms that go with it in answers. */
  associations?: ReadonlyMap<string, readonly string[]>;
  /** Synonyms and noun categories (WordNet). */
  thesaurus: Thesaurus;
  /** Probability of each question word among the words of questions (see `readQuestionWord`). */
  questionWords?: ReadonlyMap<string, number>;
}

/** Most words of a question read (longer input is cut; no real question comes near it). */
const MAX_WORDS = 120;

/** WordNet synonyms are taken from a word's senses up to this rank (rarer senses add noise). */
const COMMON_SENSES = 2;

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

/** The word a "how many"/"how much" question counts ("how many ferry riders do ..." → "riders"). */
function countedWord(normalized: string, thesaurus: Thesaurus): string | undefined {
  // A word the thesaurus knows as a noun, or does not know at all (names, chat spelling).
  const isNoun = (word: string) =>
    thesaurus.nounCategory(word) !== undefined || thesaurus.synonymsOf(word).length === 0;
  const match = /\b(?:how (?:many|much)|number of|amount of)\s+([^?.!,;]{0,80})/.exec(normalized);
  if (!match?.[1]) return undefined;
  const following = splitWords(match[1]);
  if (AUXILIARY.test(following[0] ?? '')) return undefined;
  const run: string[] = [];
  for (const word of following) {
    // The counted phrase ends at a function word or a word that is no noun ("workers quit").
    if (isStopWord(word) || (run.length > 0 && (/ed$/.test(word) || !isNoun(word)))) {
      if (run.length > 0) break;
      continue;
    }
    run.push(word);
  }
  return run[run.length - 1];
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** A question word after spelling: as written, read as a function word, or with readings. */
interface ReadWord {
  word: string;
  readings: string[];
}

function readQuestionWords(words: readonly string[], resources: AnalysisResources): ReadWord[] {
  return words.map((word) => {
    if (isStopWord(word) || /\d/.test(word)) return { word, readings: [] };
    // "wen": an English word, but far likelier, in a question, a question word mistyped.
    const meant = resources.questionWords
      ? readQuestionWord(word, resources.vocabulary, resources.questionWords)
      : undefined;
    if (meant) return { word: meant, readings: [] };
    const readings = readWord(word, resources.vocabulary).map((r) => r.text);
    // "wheres", "mny": read as the function word meant, so "how mny" still asks for a number.
    if (readings[0] && isStopWord(readings[0])) return { word: readings[0], readings: [] };
    return { word, readings };
  });
}

/** Adds an alternative unless one with the same terms is there already. */
function addAlternative(list: Alternative[], alternative: Alternative): void {
  if (alternative.terms.length === 0) return;
  if (list.some((a) => sameTerms(a.terms, alternative.terms))) return;
  list.push(alternative);
}

function expand(
  own: readonly string[],
  word: string,
  readings: readonly string[],
  resources: AnalysisResources,
): Alternative[] {
  const list: Alternative[] = [{ terms: own, source: 'exact' }];
  const known = (terms: readonly string[]) => terms.every((t) => resources.hasTerm(t));
  const twin = resources.lexicon.twins.get(own.join(' '));
  if (twin) addAlternative(list, { terms: twin.split(' '), source: 'exact' });
  // A word the documents already express (as written, or by its abbreviation or long form)
  // is not read as a misspelling.
  if (!list.some((a) => known(a.terms))) {
    for (const reading of readings) {
      const terms = tokenize(reading);
      if (known(terms)) addAlternative(list, { terms, source: 'spelling' });
    }
  }
  const base = readings.length > 0 && !resources.hasTerm(own[0] as string) ? readings[0] : word;
  if (base && !base.includes(' ')) {
    for (const { word: synonym, senseRank } of resources.thesaurus.synonymsOf(base)) {
      const terms = tokenize(synonym);
      if (!known(terms)) continue;
      if (senseRank <= COMMON_SENSES) addAlternative(list, { terms, source: 'wordnet' });
    }
  }
  for (const term of own) {
    for (const associated of resources.associations?.get(term) ?? []) {
      if (resources.hasTerm(associated)) {
        addAlternative(list, { terms: [associated], source: 'association' });
      }
    }
  }
  return list;
}

/**
 * Analyses one question on its own (see `follow-up.ts` for conversations).
 *
 * @example
 * analyzeQuestion('How many ferries cross the bay?', resources).type // => 'number'
 */
export function analyzeQuestion(question: string, resources: AnalysisResources): QuestionAnalysis {
  const normalized = normalizeText(question).trim();
  // Work stays bounded on any input: a question is read up to its first MAX_WORDS words.
  const read = readQuestionWords(splitWords(normalized).slice(0, MAX_WORDS), resources);
  const corrected = read.map((r) => r.word).join(' ');
  const typed = detectAnswerType(corrected, resources.thesaurus);
  const capitalized = capitalizedWords(question);
  const counted = countedWord(corrected, resources.thesaurus);
  const content = read.filter((r) => !isStopWord(r.word));
  const terms = content.map((r) => toTerm(r.word));
  const concepts: Concept[] = [];
  const { byFirstTerm } = resources.lexicon;
  let i = 0;
  while (i < content.length) {
    const first = content[i] as ReadWord;
    const phrase = (byFirstTerm.get(terms[i] as string) ?? []).find((member) =>
      sameTerms(member, terms.slice(i, i + member.length)),
    );
    const length = phrase ? phrase.length : 1;
    const own = phrase ?? [terms[i] as string];
    const words = content.slice(i, i + length).map((r) => r.word);
    concepts.push({
      word: words.join(' '),
      terms: own,
      alternatives: expand(own, first.word, first.readings, resources),
      carried: false,
      capitalized: words.some((w) => capitalized.has(w)),
      head: counted !== undefined && words.includes(counted),
      typeNoun: typed.typeNoun !== undefined && words.includes(typed.typeNoun),
    });
    i += length;
  }
  const unique = concepts.filter(
    (c, index) => concepts.findIndex((o) => sameTerms(o.terms, c.terms)) === index,
  );
  const numbers = read.map((r) => r.word).filter((w) => /^\d/.test(w));
  return { normalized, corrected, type: typed.type, concepts: unique, numbers };
}
