import { createRandom } from '../bench/random.ts';
import { comparable, type EvalQuestion, type SingleQuestion } from '../eval/score.ts';

/**
 * Training data split for cross-validation: answerable questions that share an answer span (a
 * casual, a paraphrased and a hard version of one fact) form one group and stay in one fold, so
 * paraphrases never leak between the fitted and the scored folds.
 */

/** A conversation of the training set. */
export type Conversation = Extract<EvalQuestion, { turns: unknown }>;

/** One fold's share of the data. */
export interface Fold {
  questions: SingleQuestion[];
  conversations: Conversation[];
}

/** Groups of question indices that share an answer span (case-insensitively). */
export function groupBySharedSpan(questions: readonly SingleQuestion[]): number[][] {
  const parent = questions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const bySpan = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!('answer_any' in q)) return;
    for (const span of q.answer_any) {
      const key = comparable(span);
      const other = bySpan.get(key);
      if (other === undefined) bySpan.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  questions.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Splits questions (grouped by shared spans) and conversations into `k` folds, shuffled with a
 * fixed seed; groups are dealt largest first to the fold with the fewest questions so far.
 *
 * @example
 * makeFolds(questions, conversations, 5).length // => 5
 */
export function makeFolds(
  questions: readonly SingleQuestion[],
  conversations: readonly Conversation[],
  k: number,
  seed = 1,
): Fold[] {
  const folds: Fold[] = Array.from({ length: k }, () => ({ questions: [], conversations: [] }));
  const groups = shuffle(groupBySharedSpan(questions), seed).sort((a, b) => b.length - a.length);
  for (const group of groups) {
    const target = folds.reduce((best, f) =>
      f.questions.length < best.questions.length ? f : best,
    );
    for (const i of group) target.questions.push(questions[i] as SingleQuestion);
  }
  shuffle(conversations, seed + 1).forEach((c, i) => {
    folds[i % k]?.conversations.push(c);
  });
  return folds;
}

/** Every fold but one, merged. */
export function allBut(folds: readonly Fold[], held: number): Fold {
  const rest = folds.filter((_, i) => i !== held);
  return {
    questions: rest.flatMap((f) => f.questions),
    conversations: rest.flatMap((f) => f.conversations),
  };
}

/** Splits a training set into single questions and conversations. */
export function splitSet(items: readonly EvalQuestion[]): Fold {
  const questions: SingleQuestion[] = [];
  const conversations: Conversation[] = [];
  for (const item of items) {
    if ('turns' in item) conversations.push(item);
    else questions.push(item);
  }
  return { questions, conversations };
}
