import { describe, expect, it } from 'vitest';
import { indexDocuments } from '../../../src/core/index/build-index.ts';
import { buildCorpus } from '../../../src/core/index/corpus.ts';
import { type AnalysisResources, analyzeQuestion } from '../../../src/core/question/analyze.ts';
import { compileLexicon } from '../../../src/core/question/lexicon.ts';
import { matchConcepts, weighQuestion } from '../../../src/core/rank/concept-match.ts';
import {
  type Candidate,
  carriedCoverage,
  contextCoverage,
  countedMissing,
  heaviestMissing,
  leadPosition,
  nameMissing,
  nearPreviousAnswer,
  novelty,
  numbersMatched,
  proximity,
  quantifiesCounted,
  samePreviousDocument,
  sentenceCoverage,
  sentenceLength,
  titleCoverage,
  typeEvidence,
} from '../../../src/core/rank/features.ts';
import type { SourceDocument } from '../../../src/core/types.ts';
import { englishThesaurus } from '../../../src/resources/thesaurus.ts';

const docs: SourceDocument[] = [
  {
    id: 'bakery',
    title: 'Village bakery wins regional prize',
    body: [
      'The Hill Street bakery sold 1,200 loaves in March.',
      'Its sourdough won the regional award.',
      'Owner Mara Voss said the oven is forty years old.',
      '',
      'Queues formed at 7 a.m. on Saturday.',
    ].join('\n'),
  },
  {
    id: 'market',
    title: 'Market moves indoors',
    body: 'The farmers market moved indoors for winter.',
  },
];
const parts = indexDocuments(docs);
const corpus = buildCorpus(docs, parts);
const resources: AnalysisResources = {
  lexicon: compileLexicon({ abbreviations: { HSB: 'Hill Street bakery' } }),
  hasTerm: (t) => corpus.df.has(t),
  thesaurus: englishThesaurus,
  vocabulary: {
    inCorpus: (w) => corpus.words.has(w),
    nearCorpusWords: (w, d) => corpus.nearWords(w, d),
    corpusWordsStartingWith: (l) => corpus.wordsStartingWith(l),
  },
};

/** A candidate for chunk `id` and a question (optionally following another). */
function candidate(question: string, id: number, previousAnswer?: number): Candidate {
  const analysis = analyzeQuestion(question, resources);
  const weighed = weighQuestion(
    corpus,
    previousAnswer === undefined ? analysis : { ...analysis, previousAnswer },
  );
  const chunk = corpus.chunks[id];
  if (!chunk) throw new Error(`no chunk ${id}`);
  return {
    corpus,
    question: weighed,
    chunk,
    matches: matchConcepts(corpus, weighed, chunk),
    indexScore: 1,
    agreeing: 0,
    sameClaim: [],
  };
}

const text = (id: number) => corpus.chunks[id]?.text;

describe('ranking features', () => {
  it('chunks the fixture as the tests expect', () => {
    expect([0, 1, 2, 3, 4].map(text)).toEqual([
      'The Hill Street bakery sold 1,200 loaves in March.',
      'Its sourdough won the regional award.',
      'Owner Mara Voss said the oven is forty years old.',
      'Queues formed at 7 a.m. on Saturday.',
      'The farmers market moved indoors for winter.',
    ]);
  });

  it('sentenceCoverage: share of the weight matched through each source', () => {
    const c = candidate('how many loaves did the bakery sell', 0);
    expect(sentenceCoverage(c, 'exact')).toBeCloseTo(1, 5);
    // "prize" is found as its WordNet synonym "award".
    const synonym = candidate('which prize did the sourdough win', 1);
    expect(sentenceCoverage(synonym, 'wordnet')).toBeGreaterThan(0);
    expect(sentenceCoverage(synonym, 'exact') + sentenceCoverage(synonym, 'wordnet')).toBeCloseTo(
      1,
      5,
    );
    // An abbreviation matches as fully as the words it stands for.
    expect(sentenceCoverage(candidate('how many loaves did HSB sell', 0), 'exact')).toBeCloseTo(
      1,
      5,
    );
  });

  it('contextCoverage and titleCoverage: words found only next door or in the headline', () => {
    const c = candidate('what award did the sourdough win in March', 1);
    expect(contextCoverage(c)).toBeGreaterThan(0); // "March" is in the sentence before
    expect(sentenceCoverage(c, 'exact')).toBeLessThan(1);
    const t = candidate('did the village bakery sell loaves', 0);
    expect(titleCoverage(t)).toBeGreaterThan(0); // "village" only in the headline
  });

  it('heaviestMissing, nameMissing, countedMissing: what no nearby text holds', () => {
    const c = candidate('how many pies did Greta Holm bake', 0);
    expect(heaviestMissing(c)).toBeGreaterThan(0);
    expect(nameMissing(c)).toBe(1);
    expect(countedMissing(c)).toBe(1);
    const ok = candidate('how many loaves did the bakery sell', 0);
    expect([heaviestMissing(ok), nameMissing(ok), countedMissing(ok)]).toEqual([0, 0, 0]);
  });

  it('typeEvidence and quantifiesCounted: the kind of answer asked for', () => {
    expect(typeEvidence(candidate('what time did queues form', 3))).toBe(1);
    expect(typeEvidence(candidate('what time did queues form', 1))).toBe(0);
    expect(quantifiesCounted(candidate('how many loaves did the bakery sell', 0))).toBe(1);
    expect(quantifiesCounted(candidate('how many awards did the sourdough win', 1))).toBe(0);
  });

  it('numbersMatched: the numbers the question writes', () => {
    expect(numbersMatched(candidate('did the bakery sell 1,200 loaves', 0))).toBe(1);
    expect(numbersMatched(candidate('did the bakery sell 900 loaves', 0))).toBe(0);
    expect(numbersMatched(candidate('did the bakery sell loaves', 0))).toBe(0);
  });

  it('novelty, sentenceLength, leadPosition, proximity', () => {
    const c = candidate('sourdough award', 1);
    // "sourdough won the regional award": won and regional are new to the question.
    expect(novelty(c)).toBeCloseTo(2 / 4, 5);
    expect(sentenceLength(c)).toBeCloseTo(4 / 30, 5);
    expect(leadPosition(c)).toBeCloseTo(1 / 2, 5);
    expect(proximity(candidate('sourdough regional award', 1))).toBe(1);
    expect(proximity(candidate('bakery saturday', 0))).toBe(0);
  });

  it('carriedCoverage and the previous answer for follow-ups', () => {
    const first = analyzeQuestion('who is the owner of the bakery', resources);
    const then = analyzeQuestion('how old is the oven', resources);
    const carried = weighQuestion(corpus, {
      ...then,
      concepts: [...then.concepts, ...first.concepts.map((c) => ({ ...c, carried: true }))],
      previousAnswer: 2,
    });
    const chunk = corpus.chunks[2];
    if (!chunk) throw new Error('no chunk 2');
    const c: Candidate = {
      ...candidate('how old is the oven', 2),
      question: carried,
      matches: matchConcepts(corpus, carried, chunk),
    };
    expect(carriedCoverage(c)).toBeGreaterThan(0);
    expect(nearPreviousAnswer(c)).toBe(1);
    expect(nearPreviousAnswer(candidate('how old is the oven', 3, 2))).toBe(0.5);
    expect(samePreviousDocument(candidate('x', 4, 2))).toBe(0);
    expect(samePreviousDocument(candidate('how old is the oven', 3, 2))).toBe(1);
  });
});
