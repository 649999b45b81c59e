import type { SourceDocument } from '../core/types.ts';
import { createRandom, pick, randomInt } from './random.ts';

/** Options for {@link generateQuestions}. */
export interface QuestionOptions {
  /** How many questions to generate. Default 200. */
  count: number;
  /** Seed of the pseudo-random generator. Default 7. */
  seed: number;
  /** Only documents whose id starts with this are sampled. Default `generated-`. */
  idPrefix: string;
}

/** Defaults for {@link QuestionOptions}. */
const defaultQuestionOptions: QuestionOptions = {
  count: 200,
  seed: 7,
  idPrefix: 'generated-',
};

const TEMPLATES: ReadonlyArray<(words: readonly string[]) => string> = [
  (w) => `What did they say about the ${w[0]} and ${w[1]}?`,
  (w) => `How many ${w[0]} ${w[1]} were there in ${w[2]}?`,
  (w) => `When did the ${w[0]} ${w[1]} happen?`,
  (w) => `Why was the ${w[0]} ${w[1]} ${w[2]}?`,
  (w) => `Who talked about ${w[0]} ${w[1]} ${w[2]}?`,
  (w) => `Where is the ${w[0]} of ${w[1]}?`,
  (w) => `Is it true that ${w[0]} ${w[1]} ${w[2]} ${w[3]}?`,
];

/**
 * Generates questions about the generated documents, each from the words of one of their
 * sentences, so latency is measured on questions that find candidates in the large corpus.
 *
 * @example
 * generateQuestions(generateCorpus({ sentences: 1000 }), { count: 50 }).length // => 50
 */
export function generateQuestions(
  documents: readonly SourceDocument[],
  options: Partial<QuestionOptions> = {},
): string[] {
  const { count, seed, idPrefix } = { ...defaultQuestionOptions, ...options };
  const pool = documents.filter((d) => d.id.startsWith(idPrefix));
  if (pool.length === 0 || count <= 0) return [];
  const random = createRandom(seed);
  const questions: string[] = [];
  let attempts = 0;
  while (questions.length < count && attempts++ < count * 20) {
    const doc = pick(random, pool);
    const sentences = doc.body.split(/(?<=\.)\s+/);
    const words = (pick(random, sentences).match(/[A-Za-z]{4,}/g) ?? []).filter(
      (w) => !/^(?:said|with|that|this|according|about)$/i.test(w),
    );
    if (words.length < 4) continue;
    const start = randomInt(random, 0, words.length - 4);
    const chosen = words.slice(start, start + 4);
    questions.push(pick(random, TEMPLATES)(chosen));
  }
  return questions;
}
