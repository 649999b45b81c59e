import MiniSearch from 'minisearch';
import { buildSnippet } from './answer/snippet.ts';
import { backgroundIdf } from './index/background.ts';
import { chunkDocument } from './index/chunk.ts';
import { decodeSnapshot, encodeSnapshot, type IndexParts } from './index/index-snapshot.ts';
import { MONTHS, normalizeText, splitWords, tokenize } from './index/text.ts';
import { analyzeQuestion, type Concept, type QuestionAnalysis } from './question/analyze.ts';
import { answerTypeScore } from './question/answer-type.ts';
import type { Answer, Chunk, Citation, SourceDocument } from './types.ts';

/** Per-question options for {@link Engine.answer}. */
export interface AskOptions {
  /** Earlier questions of the same conversation, oldest first; used to make sense of short follow-ups. */
  history?: readonly string[];
}

/** The answer engine built over a set of documents. */
export interface Engine {
  /** Answers one question from the documents; never throws on user text. */
  answer(question: string, options?: AskOptions): Answer;
  /** The documents the engine was built over. */
  readonly documents: readonly SourceDocument[];
  /** The sentence chunks of all documents, in document order. */
  readonly chunks: readonly Chunk[];
  /** The MiniSearch index over the chunks (for benchmarks and snapshots). */
  readonly index: MiniSearch<IndexedChunk>;
  /** Serialises the chunks, term counts and index, for `createEngine(documents, { snapshot })`. */
  toSnapshot(): Uint8Array;
}

/** Options for {@link createEngine}. */
export interface EngineOptions {
  /** Questions longer than this (in characters) are refused. Default 500. */
  maxQuestionLength: number;
  /** Most citations per answer. Default 3. */
  maxCitations: number;
  /** Candidates taken from the index for reranking. Default 40. */
  candidates: number;
  /** Most terms (rarest first) sent to the index per question. Default 24. */
  maxQueryTerms: number;
  /**
   * Most postings (sum of the sent terms' document frequencies) one question may make the index
   * score; rarer terms go first (see {@link selectQueryTerms}). Bounds query time on big corpora;
   * never binds on small ones. Default 4,000.
   */
  maxPostings: number;
  /**
   * Least evidence (0 to 1, see {@link scoreEvidence}) the best sentence needs for the engine to
   * answer rather than say the documents don't cover the question. Default 0.55.
   */
  minConfidence: number;
  /**
   * A string from {@link Engine.toSnapshot} for the same documents: the index is loaded from it
   * instead of being built. Throws `SNAPSHOT_INVALID` when it does not fit. Default: none.
   */
  snapshot?: Uint8Array;
}

/** Defaults for {@link EngineOptions}. */
export const defaultEngineOptions: EngineOptions = {
  maxQuestionLength: 500,
  maxCitations: 3,
  candidates: 40,
  maxQueryTerms: 24,
  maxPostings: 4000,
  minConfidence: 0.55,
};

/** What the MiniSearch index stores per chunk. */
export interface IndexedChunk {
  id: number;
  text: string;
}

/** MiniSearch settings shared by building and loading an index. */
export const indexOptions = {
  fields: ['text'],
  storeFields: [] as string[],
  // Chunks are indexed and searched as space-joined index terms (see `queryTerms`), so text is
  // tokenised once, by strikebot's own tokenizer.
  tokenize: (terms: string) => terms.split(' '),
  processTerm: (term: string) => term || null,
};

/**
 * A question (or any text) as a query string for {@link Engine.index}: its index terms joined by
 * spaces. `engine.index.search(queryTerms(q), { combineWith: 'OR' })` is a bare MiniSearch search.
 */
export function queryTerms(text: string): string {
  return tokenize(text).join(' ');
}

export { SNAPSHOT_VERSION } from './index/index-snapshot.ts';

/** Per-chunk and per-document term statistics used to weigh and check evidence. */
interface Corpus {
  documents: readonly SourceDocument[];
  docById: Map<string, SourceDocument>;
  chunks: Chunk[];
  /** Index terms of a chunk (computed on first use and kept). */
  termsOf(chunkId: number): ReadonlySet<string>;
  /** Index terms of a document's title, publisher and date (computed on first use and kept). */
  docTermsOf(docId: string): ReadonlySet<string>;
  /** The six newest documents, newest first (computed on first use and kept). */
  newest(): readonly SourceDocument[];
  df: ReadonlyMap<string, number>;
  maxIdf: number;
}

function idf(corpus: Corpus, term: string): number {
  const n = corpus.chunks.length;
  const df = corpus.df.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Informativeness of a word the documents never use: low for everyday English, high if rare. */
function unseenWeight(corpus: Corpus, word: string): number {
  const rarity = Math.min(1, Math.max(0.15, (backgroundIdf(word) - 7.5) / 4));
  return corpus.maxIdf * rarity;
}

/**
 * Weight of a concept: how much its presence tells sentences apart (its rarest own term's IDF).
 * A word the documents never use is filler if it is common English and the point of the question
 * if it is rare, even when a synonym of it does occur ("CEO" vs "chief ... executives").
 */
function conceptWeight(corpus: Corpus, concept: Concept): number {
  // Unknown verb and adverb forms are more often paraphrase ("urged" for "called upon") than topic.
  const damp = looksLikeTopic(concept) ? 1 : 0.6;
  const own = concept.terms.map((t) =>
    corpus.df.has(t) ? idf(corpus, t) : damp * unseenWeight(corpus, concept.word),
  );
  // Square root: in a corpus about strikes "strike" is common, yet a question's event still counts.
  return Math.sqrt(Math.max(...own)) * concept.weight;
}

/** Names, acronyms and (by their endings) nouns: words a question is about rather than how it asks. */
function looksLikeTopic(concept: Concept): boolean {
  return concept.capitalized || !/(?:ed|ing|ly)$/.test(concept.word);
}

/** Evidence this far above `minConfidence` ends retrieval without a wider second query. */
const SURE_MARGIN = 0.15;

/** Confidence factor for each missing key concept (a name, a counted noun, an unseen topic word). */
const KEY_MISS_PENALTY = 0.65;
/** Confidence factor for each missing heavy concept that is none of those. */
const SOFT_KEY_MISS_PENALTY = 0.88;

/**
 * True when missing the concept means the sentence is about something else: a name, what a
 * "how many" question counts, or a topic word the documents never use.
 */
function isKeyCandidate(corpus: Corpus, concept: Concept): boolean {
  if (concept.capitalized || concept.head) return true;
  return !concept.terms.every((t) => corpus.df.has(t)) && looksLikeTopic(concept);
}

/** Number-like index terms: digits and the words that scale them. */
const QUANTITY_TERM = /^(?:\d|million$|billion$|thousand$|hundr|dozen$|half$|quarter$)/;

/**
 * Whether a number stands just before what the question counts ("4.8 million members" for
 * "how many members"), within three index terms: 1 with the question's own word, 0.8 with a
 * synonym, 0 when no number is next to it.
 */
function quantifiesHead(question: QuestionAnalysis, terms: readonly string[]): number {
  const heads = question.concepts.filter((c) => c.head && !c.typeNoun);
  let best = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    for (const head of heads) {
      const alt = head.alternatives.findIndex((a) => a[a.length - 1] === term);
      if (alt < 0) continue;
      for (let j = Math.max(0, i - 3); j < i; j++) {
        if (QUANTITY_TERM.test(terms[j] as string)) best = Math.max(best, alt === 0 ? 1 : 0.8);
      }
    }
  }
  return best;
}

/** Date metadata as words ("2024-10-24" → "October 2024 24"), so "the October 2024 strike" matches. */
function dateWords(date: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const month = MONTHS[Number(match?.[2]) - 1];
  // (Not toLocaleString: it builds a formatter per call, seconds over thousands of documents.)
  return match && month ? `${month} ${match[1]} ${Number(match[3])}` : '';
}

/**
 * Per-chunk and per-document term statistics over the chunks and term counts of
 * {@link indexDocuments} or a snapshot.
 */
export function buildCorpus(
  documents: readonly SourceDocument[],
  { chunks, df }: Pick<IndexParts<IndexedChunk>, 'chunks' | 'df'>,
): Corpus {
  const cache: (Set<string> | undefined)[] = new Array(chunks.length);
  const termsOf = (chunkId: number): ReadonlySet<string> => {
    let terms = cache[chunkId];
    if (!terms) {
      terms = new Set(tokenize(chunks[chunkId]?.text ?? ''));
      cache[chunkId] = terms;
    }
    return terms;
  };
  const docById = new Map(documents.map((d) => [d.id, d]));
  const docTerms = new Map<string, Set<string>>();
  const docTermsOf = (docId: string): ReadonlySet<string> => {
    let terms = docTerms.get(docId);
    if (!terms) {
      const doc = docById.get(docId);
      terms = new Set(
        doc ? tokenize([doc.title, doc.publisher ?? '', dateWords(doc.date)].join(' ')) : [],
      );
      docTerms.set(docId, terms);
    }
    return terms;
  };
  let newest: SourceDocument[] | undefined;
  const n = chunks.length;
  return {
    documents,
    docById,
    chunks,
    termsOf,
    docTermsOf,
    // Enough for the three a "not found" answer names, after up to three near misses.
    newest: () => {
      newest ??= newestDocuments(documents, 6);
      return newest;
    },
    df,
    maxIdf: Math.log(1 + (n + 0.5) / 0.5),
  };
}

/**
 * How well a set of terms expresses a concept: 1 for its own words (or their abbreviation or long
 * form), 0.85 for a synonym, 0 not at all.
 */
function matchConcept(concept: Concept, terms: ReadonlySet<string>): number {
  let best = 0;
  concept.alternatives.forEach((alt, i) => {
    if (alt.every((t) => terms.has(t))) best = Math.max(best, i < concept.exact ? 1 : 0.85);
  });
  return best;
}

/** A question analysis with each concept's weight in this corpus. */
export interface WeightedQuestion extends QuestionAnalysis {
  /** Weight of each concept, parallel to `concepts`. */
  weights: number[];
  /** Concepts at least this heavy are the question's key concepts. */
  keyWeight: number;
}

export function weighQuestion(corpus: Corpus, analysis: QuestionAnalysis): WeightedQuestion {
  const weights = analysis.concepts.map((c) => conceptWeight(corpus, c));
  const ownWeights = weights.filter((_, i) => analysis.concepts[i]?.weight === 1);
  const keyWeight = 0.8 * Math.max(0, ...ownWeights);
  return { ...analysis, weights, keyWeight };
}

/** Evidence that one chunk answers the question. */
export interface Evidence {
  chunk: Chunk;
  /** Weighted share of the question's concepts the sentence (or, for less, its context) expresses. */
  coverage: number;
  /** Whether the sentence holds the expected kind of answer (0 to 1). */
  typeScore: number;
  /** Index score relative to the best candidate (0 to 1). */
  relevance: number;
  /** How many of the question's most specific concepts the sentence and its context lack. */
  keyMissed: number;
  /** Combined score used for ranking and the answer/abstain decision (0 to 1). */
  confidence: number;
}

/**
 * Scores how well one chunk answers the analysed question: concept coverage in the sentence
 * (neighbouring sentences and the document's title and date count for less), the expected answer
 * type, and the index score.
 */
export function scoreEvidence(
  corpus: Corpus,
  question: WeightedQuestion,
  chunk: Chunk,
  relevance: number,
): Evidence {
  const own = corpus.termsOf(chunk.id);
  const prev = corpus.chunks[chunk.id - 1];
  const next = corpus.chunks[chunk.id + 1];
  const neighbours = [prev, next].filter(
    (c): c is Chunk => c !== undefined && c.docId === chunk.docId,
  );
  const docTerms = corpus.docTermsOf(chunk.docId);
  let typeScore = answerTypeScore(question.type, chunk.text);
  // "how much money": the amount is the answer itself, not a count of something.
  const counts = question.concepts.some((c) => c.head && !c.typeNoun);
  if ((question.type === 'number' || question.type === 'money') && counts && typeScore > 0) {
    typeScore = Math.max(0.6 * typeScore, quantifiesHead(question, tokenize(chunk.text)));
  }
  let total = 0;
  let covered = 0;
  let keyMissed = 0;
  let penalty = 1;
  for (const [i, concept] of question.concepts.entries()) {
    const weight = question.weights[i] ?? 0;
    total += weight;
    let match = matchConcept(concept, own);
    if (concept.typeNoun && typeScore >= 0.75) match = 1;
    if (match < 1) {
      for (const n of neighbours) {
        match = Math.max(match, 0.5 * matchConcept(concept, corpus.termsOf(n.id)));
      }
      // A headline sets the scene for the whole article ("... strike across Southern California").
      match = Math.max(match, 0.75 * matchConcept(concept, docTerms));
    }
    covered += weight * match;
    if (match < 0.5 && weight >= question.keyWeight) {
      keyMissed++;
      // Names, counted nouns and unseen topic words weigh most; other heavy words less.
      penalty *= isKeyCandidate(corpus, concept) ? KEY_MISS_PENALTY : SOFT_KEY_MISS_PENALTY;
    }
  }
  const coverage = total > 0 ? covered / total : 0;
  const typed = question.type !== 'other' && question.type !== 'yesno';
  const base = typed
    ? 0.6 * coverage + 0.25 * typeScore + 0.15 * relevance
    : 0.75 * coverage + 0.1 + 0.15 * relevance;
  // Missing one of the question's most specific concepts is strong evidence of a near miss.
  const confidence = base * penalty;
  return { chunk, coverage, typeScore, relevance, confidence, keyMissed };
}

/**
 * Raises the confidence of sentences that other documents repeat (as multi-document summarisers
 * do): a fact several sources report is more likely the answer than one sentence's aside.
 */
function addConsensus(corpus: Corpus, candidates: Evidence[]): void {
  const strong = candidates.filter((c) => c.coverage >= 0.5);
  for (const candidate of strong) {
    const terms = corpus.termsOf(candidate.chunk.id);
    const docs = new Set<string>();
    for (const other of strong) {
      if (other.chunk.docId === candidate.chunk.docId || docs.has(other.chunk.docId)) continue;
      if (overlap(terms, corpus.termsOf(other.chunk.id)) >= 0.6) {
        docs.add(other.chunk.docId);
      }
    }
    candidate.confidence = Math.min(1, candidate.confidence + 0.04 * Math.min(2, docs.size));
  }
}

/** Content words of a snippet, for telling whether two sources say the same thing. */
function contentTerms(text: string): Set<string> {
  return new Set(tokenize(text));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function describeSource(doc: SourceDocument): string {
  return doc.publisher ?? doc.title;
}

/** Short list of what the documents cover, preferring the ones nearest the question. */
function coverageHint(corpus: Corpus, near: readonly Evidence[]): string {
  const docs: SourceDocument[] = [];
  const add = (doc: SourceDocument | undefined) => {
    if (doc && !docs.includes(doc)) docs.push(doc);
  };
  for (const e of near) add(corpus.docById.get(e.chunk.docId));
  for (const doc of corpus.newest()) add(doc);
  const titles = docs.slice(0, 3).map((d) => `"${d.title}"${d.date ? ` (${d.date})` : ''}`);
  return `The documents cover the Kaiser Permanente mental health strikes and bargaining, for example ${titles.join('; ')}.`;
}

/**
 * The `count` newest documents (ISO dates compare as strings; undated ones last, in corpus
 * order), in one pass: sorting a large archive on every "not found" answer took a second at
 * a million sentences.
 */
export function newestDocuments(
  documents: readonly SourceDocument[],
  count: number,
): SourceDocument[] {
  const newest: SourceDocument[] = [];
  for (const doc of documents) {
    const date = doc.date ?? '';
    let at = newest.length;
    while (at > 0 && (newest[at - 1]?.date ?? '') < date) at--;
    if (at < count) {
      newest.splice(at, 0, doc);
      if (newest.length > count) newest.pop();
    }
  }
  return newest;
}

function abstain(question: string, reason: NonNullable<Answer['reason']>, text: string): Answer {
  return { question, answered: false, text, citations: [], reason };
}

/**
 * Builds the answer engine over a set of documents: chunks them into sentences, indexes the
 * sentences with MiniSearch, and answers questions with cited, verbatim snippets.
 *
 * @example
 * const engine = createEngine(await loadKnowledge('knowledge'));
 * const answer = engine.answer('How many workers went on strike in Southern California?');
 * answer.citations[0]?.snippet // => 'Nearly 2,400 mental health workers at Kaiser ...'
 */
export function createEngine(
  documents: readonly SourceDocument[],
  options: Partial<EngineOptions> = {},
): Engine {
  const settings: EngineOptions = { ...defaultEngineOptions, ...options };
  const parts = settings.snapshot
    ? decodeSnapshot<IndexedChunk>(documents, settings.snapshot, indexOptions)
    : indexDocuments(documents);
  const corpus = buildCorpus(documents, parts);
  const { index } = parts;

  /** Scores the best `candidates` chunks the index finds for `terms`. */
  const searchAndScore = (
    analysis: WeightedQuestion,
    terms: readonly string[],
    weights: ReadonlyMap<string, number>,
  ): Evidence[] => {
    const hits = index.search(terms.join(' '), {
      combineWith: 'OR',
      tokenize: (query) => query.split(' '),
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    const top = hits.slice(0, settings.candidates);
    const best = top[0]?.score ?? 1;
    return top.map((hit) => {
      const chunk = corpus.chunks[hit.id as number] as Chunk;
      return scoreEvidence(corpus, analysis, chunk, hit.score / best);
    });
  };

  /**
   * Candidates ranked by evidence. The index is first asked for the question's rarest terms within
   * `maxPostings`; only when that finds no convincing sentence, and more terms were left out,
   * is it asked again with four times the budget (on small corpora the budget never binds).
   */
  const retrieve = (analysis: WeightedQuestion): Evidence[] => {
    const weights = new Map<string, number>();
    for (const concept of analysis.concepts) {
      concept.alternatives.forEach((alt, i) => {
        const w = concept.weight * (i === 0 ? 1 : 0.6);
        for (const term of alt) weights.set(term, Math.max(weights.get(term) ?? 0, w));
      });
    }
    const select = (budget: number) =>
      selectQueryTerms(corpus.df, corpus.chunks.length, weights, settings.maxQueryTerms, budget);
    const terms = select(settings.maxPostings);
    if (terms.length === 0) return [];
    let scored = searchAndScore(analysis, terms, weights);
    const sure = settings.minConfidence + SURE_MARGIN;
    if (!scored.some((e) => e.confidence >= sure)) {
      const wider = select(settings.maxPostings * 4);
      if (wider.length > terms.length) scored = searchAndScore(analysis, wider, weights);
    }
    addConsensus(corpus, scored);
    return scored.sort((a, b) => b.confidence - a.confidence || a.chunk.id - b.chunk.id);
  };

  const answer = (rawQuestion: string, ask: AskOptions = {}): Answer => {
    const question = String(rawQuestion ?? '')
      .replace(/\s+/gu, ' ')
      .trim();
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
        'Ask me a question about the Kaiser Permanente mental health strikes, for example: "Why did the union strike?"',
      );
    }
    const analysis = weighQuestion(corpus, analyzeQuestion(question, ask.history ?? []));
    const ranked = retrieve(analysis);
    const top = ranked[0];
    if (!top || top.confidence < settings.minConfidence) {
      return abstain(
        question,
        'not-found',
        `I couldn't find that in the documents. ${coverageHint(corpus, ranked.slice(0, 3))}`,
      );
    }
    const citations: Citation[] = [];
    const used = new Set<number>();
    const floor = Math.max(settings.minConfidence, top.confidence * 0.75);
    for (const evidence of ranked) {
      if (citations.length >= settings.maxCitations) break;
      if (evidence.confidence < floor || used.has(evidence.chunk.id)) continue;
      const snippet = buildSnippet(corpus.chunks, evidence.chunk, corpus.docById);
      if (snippet.chunkIds.some((id) => used.has(id))) continue;
      for (const id of snippet.chunkIds) used.add(id);
      const doc = corpus.docById.get(evidence.chunk.docId) as SourceDocument;
      citations.push({
        n: citations.length + 1,
        docId: doc.id,
        title: doc.title,
        ...(doc.publisher ? { publisher: doc.publisher } : {}),
        ...(doc.date ? { date: doc.date } : {}),
        ...(doc.url ? { url: doc.url } : {}),
        snippet: snippet.text,
        score: Math.round(evidence.confidence * 1000) / 1000,
      });
    }
    return { question, answered: true, text: composeText(citations, corpus), citations };
  };

  const toSnapshot = (): Uint8Array =>
    encodeSnapshot(documents, { chunks: corpus.chunks, df: corpus.df, index });

  return { answer, documents, chunks: corpus.chunks, index, toSnapshot };
}

/**
 * The terms sent to MiniSearch, at most `limit`: the question's own words first, then synonyms,
 * each group rarest first, while the postings they cost (their document frequencies) fit in
 * `budget`. The rarest own word is always sent. Terms found in more than a tenth of all chunks are
 * left out when rarer ones remain. MiniSearch scores every posting of every term it is sent, so
 * common terms ("kaiser" in a Kaiser archive) cost the most and tell the least; reranking still
 * counts every concept on the candidates the selective terms find.
 */
export function selectQueryTerms(
  df: ReadonlyMap<string, number>,
  chunkCount: number,
  weights: ReadonlyMap<string, number>,
  limit: number,
  budget: number,
): string[] {
  const freq = (t: string) => df.get(t) ?? 0;
  const known = [...weights.keys()].filter((t) => df.has(t));
  known.sort((a, b) => freq(a) - freq(b) || a.localeCompare(b));
  const common = Math.max(50, chunkCount * 0.1);
  const selective = known.filter((t) => freq(t) <= common);
  const pool = selective.length > 0 ? selective : known.slice(0, 2);
  const own = pool.filter((t) => (weights.get(t) ?? 0) >= 1);
  const others = pool.filter((t) => (weights.get(t) ?? 0) < 1);
  const chosen: string[] = [];
  let postings = 0;
  for (const group of [own, others]) {
    for (const term of group) {
      if (chosen.length >= limit) return chosen;
      if (chosen.length > 0 && postings + freq(term) > budget) break;
      chosen.push(term);
      postings += freq(term);
    }
  }
  return chosen;
}

/**
 * Chunks the documents, counts each term's chunks and indexes every chunk, tokenising each chunk
 * once: the parts a snapshot saves.
 */
export function indexDocuments(documents: readonly SourceDocument[]): IndexParts<IndexedChunk> {
  const chunks: Chunk[] = [];
  for (const doc of documents) chunks.push(...chunkDocument(doc, chunks.length));
  const df = new Map<string, number>();
  const index = new MiniSearch<IndexedChunk>(indexOptions);
  for (const chunk of chunks) {
    const terms = tokenize(chunk.text);
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    index.add({ id: chunk.id, text: terms.join(' ') });
  }
  return { chunks, df, index };
}

/** The plain-text answer: the best quote, then which other sources agree or add to it. */
function composeText(citations: readonly Citation[], corpus: Corpus): string {
  const [first, ...rest] = citations;
  if (!first) return '';
  const firstDoc = corpus.docById.get(first.docId) as SourceDocument;
  const lines = [`${first.snippet} [${first.n}]`];
  const firstTerms = contentTerms(first.snippet);
  const agreeing = rest.filter(
    (c) => c.docId !== first.docId && overlap(firstTerms, contentTerms(c.snippet)) >= 0.6,
  );
  if (agreeing.length > 0) {
    const names = agreeing.map((c) => {
      const doc = corpus.docById.get(c.docId) as SourceDocument;
      return `${describeSource(doc)} [${c.n}]`;
    });
    lines.push(
      `${agreeing.length + 1} sources say this: ${describeSource(firstDoc)} [${first.n}] and ${names.join(' and ')}.`,
    );
  }
  const more = rest.filter((c) => !agreeing.includes(c));
  if (more.length > 0) lines.push(`See also ${more.map((c) => `[${c.n}]`).join(', ')}.`);
  return lines.join('\n');
}
