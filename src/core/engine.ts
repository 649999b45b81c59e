import { describeCoverage, missingWords, NOT_FOUND_TEXT, UNSURE_TEXT } from './answer/compose.ts';
import {
  type ComposeContext,
  type ComposedAnswer,
  composeAnswer,
} from './answer/compose-answer.ts';
import {
  DECISION_FEATURES,
  decide,
  decisionFeatures,
  type Outcome,
  type QuestionFacts,
  questionFacts,
  rankedView,
  type ScoredCandidate,
} from './answer/decide.ts';
import { compileSides } from './answer/side-matcher.ts';
import { buildSnippet } from './answer/snippet.ts';
import { createSpeakerLookup, NO_SIDES } from './answer/speakers.ts';
import { detectTemporalIntent, withoutTimeWords } from './answer/temporal-intent.ts';
import { extractTimeline, filterTimeline, type TimelineEntry } from './answer/timeline.ts';
import { indexDocuments } from './index/build-index.ts';
import { buildCorpus, type Corpus } from './index/corpus.ts';
import { decodeSnapshot, encodeSnapshot } from './index/index-snapshot.ts';
import { normalizeText, splitWords } from './index/text.ts';
import type { DomainProfile } from './profile.ts';
import {
  type AnalysisResources,
  analyzeQuestion,
  type QuestionAnalysis,
} from './question/analyze.ts';
import { askedOf } from './question/answer-type.ts';
import { FOLLOW_UP_FEATURES, followUpFeatures } from './question/follow-up.ts';
import { compileLexicon } from './question/lexicon.ts';
import { emptyThesaurus, type Thesaurus } from './question/wordnet.ts';
import { type WeighedQuestion, weighQuestion } from './rank/concept-match.ts';
import { FEATURES, featureVector } from './rank/features.ts';
import {
  type Contribution,
  checkModel,
  explainLinear,
  type RankingModel,
  scoreLinear,
  sigmoid,
  softmax,
} from './rank/model.ts';
import { type RetrieveOptions, retrieve, wouldWiden } from './rank/retrieve.ts';
import { stripUndefined } from './strip-undefined.ts';
import type { Answer, Chunk, SourceDocument, Speaker } from './types.ts';

export { newestDocuments } from './index/corpus.ts';
export { SNAPSHOT_VERSION } from './index/index-snapshot.ts';

/** Per-question options for {@link Engine.answer}. */
export interface AskOptions {
  /** Earlier questions of the same conversation, oldest first; used to make sense of follow-ups. */
  history?: readonly string[];
}

/** One candidate sentence as {@link Engine.explain} shows it. */
export interface ExplainedCandidate {
  chunk: Chunk;
  /** The model's score and the candidate's softmax probability among all candidates. */
  score: number;
  probability: number;
  /** Each feature's value, weight and contribution, largest first. */
  contributions: Contribution[];
  /** Feature values in model order. */
  vector: number[];
  /** The snippet an answer would quote for it. */
  snippet: string;
  /** Chunk ids of candidates in other documents that say much the same. */
  sameClaim: readonly number[];
  /** Who makes the claim, as a citation of it would name them. */
  speaker: Speaker;
  /** The sentence quotes or reports its speaker (not the document's own voice). */
  reported: boolean;
}

/** Why the engine answered as it did. */
export interface Explanation {
  /** The analysed question (after follow-up resolution), with its concepts and their weights. */
  question: WeighedQuestion;
  /** Probability that the question leans on the previous one (undefined without history). */
  followUp?: number;
  /** The follow-up features of the question after the previous one (undefined without history). */
  followUpVector?: number[];
  /** Question-level facts the decision reads. */
  facts: QuestionFacts;
  /** Candidates, best first. */
  candidates: ExplainedCandidate[];
  /** The decision: its features' contributions, the probability of a right answer, the outcome. */
  decision: {
    contributions: Contribution[];
    probability: number;
    outcome: Outcome;
    vector: number[];
  };
}

/** The answer engine built over a set of documents. */
export interface Engine {
  /** Answers one question from the documents; never throws on user text. */
  answer(question: string, options?: AskOptions): Answer;
  /** How the engine ranks and decides a question (for `--explain` and training). */
  explain(question: string, options?: AskOptions): Explanation;
  /** The documents the engine was built over. */
  readonly documents: readonly SourceDocument[];
  /** The sentence chunks of all documents, in document order. */
  readonly chunks: readonly Chunk[];
  /**
   * Dated events of the documents, oldest first, each with a short verbatim quote; `query` keeps
   * a year's ("2018") or the entries holding some words ("contract expired"), or both.
   */
  timeline(query?: string): TimelineEntry[];
  /** Serialises the index, for `createEngine(documents, { snapshot })`. */
  toSnapshot(): Uint8Array;
}

/** Options for {@link createEngine}. */
export interface EngineOptions extends RetrieveOptions {
  /** The fitted models (`src/model/ranker.json`, written by `npm run train`). Required. */
  model: RankingModel;
  /** What the engine knows of the domain (subject, abbreviations, synonyms). Default none. */
  profile: DomainProfile;
  /** Synonyms and noun categories for reading questions (WordNet). Default: none. */
  thesaurus: Thesaurus;
  /** Questions longer than this (in characters) are refused. Default 500. */
  maxQuestionLength: number;
  /** Most citations per answer. Default 3. */
  maxCitations: number;
  /**
   * Bytes from {@link Engine.toSnapshot} for the same documents: the index is loaded from them
   * instead of being built. Throws `SNAPSHOT_INVALID` when they do not fit. Default: none.
   */
  snapshot?: Uint8Array;
}

/** Defaults for {@link EngineOptions} (all but the model). */
const defaultEngineOptions: Omit<EngineOptions, 'model'> = {
  profile: {},
  thesaurus: emptyThesaurus,
  maxQuestionLength: 500,
  maxCitations: 3,
  candidates: 40,
  maxQueryTerms: 24,
  maxPostings: 2000,
};

/** Follow-up probability at which a question borrows the previous question's concepts. */
const FOLLOW_UP_THRESHOLD = 0.5;
/** A candidate is cited beside the best one when its probability is at least this share of the best's. */
const CITE_SHARE = 0.25;
/** How many times the postings budget a second, wider retrieval may use. */
const WIDER_BUDGET = 4;

/** The feature index of each ranker feature name. */
const FEATURE_INDEX = new Map(FEATURES.map((f, i) => [f.name, i]));
/** The position of a ranker feature in feature vectors (-1 if there is none of that name). */
export const featureAt = (name: string): number => FEATURE_INDEX.get(name) ?? -1;

function abstain(question: string, reason: NonNullable<Answer['reason']>, text: string): Answer {
  return { question, answered: false, text, citations: [], reason };
}

/** Adds the previous question's concepts to a follow-up (weighted as carried), and its type if it has none. */
function carryOver(current: QuestionAnalysis, previous: QuestionAnalysis): QuestionAnalysis {
  const concepts = [...current.concepts];
  for (const concept of previous.concepts) {
    const clash = concepts.some((c) =>
      c.alternatives.some((a) =>
        concept.alternatives.some((o) => a.terms.join(' ') === o.terms.join(' ')),
      ),
    );
    if (!clash) concepts.push({ ...concept, carried: true, head: false, typeNoun: false });
  }
  const type = current.type === 'other' ? previous.type : current.type;
  return { ...current, type, concepts };
}

/**
 * Builds the answer engine over a set of documents: chunks them into sentences, indexes the
 * sentences with MiniSearch, ranks candidate sentences with the fitted model and answers with
 * cited, verbatim snippets, a "not sure" list of the closest passages, or "not found".
 *
 * @example
 * const engine = createEngine(await loadKnowledge('knowledge'), { model, profile });
 * const answer = engine.answer('How many cars does the ferry carry?');
 * answer.citations[0]?.snippet // => 'The new ferry carries 48 cars ...'
 */
export function createEngine(
  documents: readonly SourceDocument[],
  options: Partial<EngineOptions> & Pick<EngineOptions, 'model'>,
): Engine {
  // An option given as undefined keeps its default.
  const settings = { ...defaultEngineOptions, ...stripUndefined(options) } as EngineOptions;
  const { model, profile } = settings;
  checkModel(
    model.ranker,
    FEATURES.map((f) => f.name),
    'ranking',
  );
  checkModel(model.answer, DECISION_FEATURES, 'answer decision');
  checkModel(model.closest, DECISION_FEATURES, 'closest-passages decision');
  checkModel(model.followUp, FOLLOW_UP_FEATURES, 'follow-up');
  const parts = settings.snapshot
    ? decodeSnapshot(documents, settings.snapshot)
    : indexDocuments(documents);
  const corpus: Corpus = buildCorpus(documents, parts);
  const associations = new Map(Object.entries(model.associations));
  const sides = profile.sides ?? NO_SIDES;
  const matcher = compileSides(sides);
  const composing: ComposeContext = {
    corpus,
    sides,
    speakerOf: createSpeakerLookup(corpus.chunks, corpus.docById, matcher, settings.thesaurus),
    matcher,
  };
  const resources: AnalysisResources = {
    lexicon: compileLexicon(profile),
    hasTerm: (term) => corpus.df.has(term),
    associations,
    thesaurus: settings.thesaurus,
    questionWords: new Map(Object.entries(model.questionWords ?? {})),
    vocabulary: {
      inCorpus: (word) => corpus.words.has(word),
      nearCorpusWords: (word, distance) => corpus.nearWords(word, distance),
      corpusWordsStartingWith: (letter) => corpus.wordsStartingWith(letter),
    },
  };

  /** The question analysed in the light of the conversation so far. */
  const understand = (question: string, history: readonly string[]) => {
    let previous: QuestionAnalysis | undefined;
    let before: QuestionAnalysis | undefined;
    let followUp: number | undefined;
    let followUpVector: number[] | undefined;
    for (const text of [...history, question]) {
      const current = analyzeQuestion(text, resources);
      before = previous;
      if (!previous) {
        previous = current;
        continue;
      }
      followUpVector = followUpFeatures(current, previous);
      followUp = sigmoid(scoreLinear(model.followUp, followUpVector));
      previous = followUp >= FOLLOW_UP_THRESHOLD ? carryOver(current, previous) : current;
    }
    let resolved = previous as QuestionAnalysis;
    if (before && followUp !== undefined && followUp >= FOLLOW_UP_THRESHOLD) {
      // A follow-up is likely about what the previous answer said, or what stands near it.
      const top = rank(weighQuestion(corpus, before), 1)[0];
      if (top) resolved = { ...resolved, previousAnswer: top.candidate.chunk.id };
    }
    const analysis = weighQuestion(corpus, resolved);
    return { analysis, followUp, followUpVector };
  };

  const rank = (question: WeighedQuestion, budgetScale: number): ScoredCandidate[] => {
    const candidates = retrieve(corpus, parts.index, question, settings, budgetScale);
    const vectors = candidates.map(featureVector);
    const scores = vectors.map((v) => scoreLinear(model.ranker, v));
    const probabilities = candidates.length > 0 ? softmax(scores) : [];
    return candidates
      .map((candidate, i) => ({
        candidate,
        vector: vectors[i] as number[],
        score: scores[i] as number,
        probability: probabilities[i] as number,
      }))
      .sort((a, b) => b.score - a.score || a.candidate.chunk.id - b.candidate.chunk.id);
  };

  const judge = (facts: QuestionFacts, ranked: readonly ScoredCandidate[]) => {
    const vector = decisionFeatures(ranked.map(rankedView), facts, featureAt);
    return { vector, ...decide(model, vector) };
  };

  const think = (asked: string, history: readonly string[]) => {
    // A question about the present is ranked on what it asks about; the answer prefers the newest.
    const present = detectTemporalIntent(asked) === 'present';
    const question = present ? withoutTimeWords(asked) : asked;
    const { analysis, followUp, followUpVector } = understand(question, history);
    const facts = questionFacts(corpus, analysis);
    let ranked = rank(analysis, 1);
    let decision = judge(facts, ranked);
    if (decision.outcome === 'not-found' && wouldWiden(corpus, analysis, settings, WIDER_BUDGET)) {
      const wider = rank(analysis, WIDER_BUDGET);
      const second = judge(facts, wider);
      if (second.probability > decision.probability) {
        ranked = wider;
        decision = second;
      }
    }
    return { analysis, present, facts, followUp, followUpVector, ranked, decision };
  };

  const clean = (raw: string) =>
    String(raw ?? '')
      .replace(/\s+/gu, ' ')
      .trim();

  const answer = (rawQuestion: string, ask: AskOptions = {}): Answer => {
    const question = clean(rawQuestion);
    if (question.length > settings.maxQuestionLength) {
      return abstain(
        question.slice(0, settings.maxQuestionLength),
        'too-long',
        `Your question is ${question.length} characters long; please keep it under ${settings.maxQuestionLength} characters.`,
      );
    }
    if (splitWords(normalizeText(question)).length === 0) {
      return abstain(
        question,
        'empty',
        `Ask me a question about ${profile.subject ?? 'the documents'}, for example: "${profile.exampleQuestion ?? 'What happened?'}"`,
      );
    }
    const { analysis, present, ranked, decision } = think(question, ask.history ?? []);
    const compose = (confident: boolean) =>
      composeAnswer(question, ranked, composing, {
        maxCitations: settings.maxCitations,
        answerShare: CITE_SHARE,
        confident,
        asks: askedOf(analysis.type),
        present,
      });
    if (decision.outcome === 'answer') {
      const { text, citations, ...arranged } = compose(true);
      return { question, answered: true, text, citations, ...arranged };
    }
    // Only an answer that is not sure, or finds nothing, says which words no document uses.
    const unmentioned = missingWords(corpus, analysis, question);
    const unsure = ({ citations, text: _, ...arranged }: ComposedAnswer): Answer => ({
      question,
      answered: false,
      reason: 'unsure',
      text: UNSURE_TEXT,
      citations,
      ...arranged,
      ...(unmentioned.length > 0 ? { unmentioned } : {}),
    });
    if (decision.outcome === 'unsure') return unsure(compose(false));
    // A question the sides argue over, worded in a judgment the documents leave to them ("does
    // the company have enough staff?"), finds no passage that answers it; when every word of it is
    // in the documents and each side's claim on it is a good candidate, those claims come closest.
    if (unmentioned.length === 0) {
      const closest = compose(false);
      if (closest.layout === 'both-sides') return unsure(closest);
    }
    const near = [...new Set(ranked.slice(0, 3).map((r) => r.candidate.chunk.docId))];
    return abstain(
      question,
      'not-found',
      `${NOT_FOUND_TEXT} ${describeCoverage(corpus, profile.subject, near, unmentioned)}`,
    );
  };

  const explain = (rawQuestion: string, ask: AskOptions = {}): Explanation => {
    const { analysis, facts, followUp, followUpVector, ranked, decision } = think(
      clean(rawQuestion),
      ask.history ?? [],
    );
    return {
      question: analysis,
      ...(followUp === undefined ? {} : { followUp }),
      ...(followUpVector === undefined ? {} : { followUpVector }),
      facts,
      candidates: ranked.map((r) => ({
        chunk: r.candidate.chunk,
        score: r.score,
        probability: r.probability,
        contributions: explainLinear(model.ranker, r.vector),
        vector: r.vector,
        snippet: buildSnippet(corpus.chunks, r.candidate.chunk, corpus.docById).text,
        sameClaim: r.candidate.sameClaim,
        ...composing.speakerOf(r.candidate.chunk),
      })),
      decision: {
        contributions: explainLinear(model.answer, decision.vector),
        probability: decision.probability,
        outcome: decision.outcome,
        vector: decision.vector,
      },
    };
  };

  const toSnapshot = (): Uint8Array => encodeSnapshot(documents, parts);

  let events: TimelineEntry[] | undefined;
  const timeline = (query = ''): TimelineEntry[] => {
    events ??= extractTimeline(documents, corpus.chunks);
    return filterTimeline(events, String(query ?? ''));
  };

  return { answer, explain, documents, chunks: corpus.chunks, timeline, toSnapshot };
}
