import { tokenize } from '../core/index/text.ts';
import type { Chunk } from '../core/types.ts';
import { comparable, type SingleQuestion } from '../eval/score.ts';
import { groupBySharedSpan } from './dataset.ts';

/**
 * Word associations learned from training questions and their answer sentences, in the spirit of
 * the lexical translation features of Berger et al. (2000) and Surdeanu et al. (2011): a question
 * term "quit" that keeps being answered by sentences holding "left" makes "left" an alternative
 * wording of "quit". Counted per group of questions that share an answer (so three paraphrases of
 * one fact count once), and kept only when seen in several groups.
 */

/** Options for {@link learnAssociations}. */
export interface AssociationOptions {
  /** Least number of answer groups a pair must occur in. */
  minGroups: number;
  /** Least share of the question term's groups whose answers hold the sentence term. */
  minShare: number;
  /** Least lift: how many times likelier the sentence term is in its answers than in all answers. */
  minLift: number;
  /** Most associations kept per question term. */
  perTerm: number;
}

/** Defaults for {@link AssociationOptions}. */
const defaultAssociationOptions: AssociationOptions = {
  minGroups: 2,
  minShare: 0.5,
  minLift: 2,
  perTerm: 3,
};

/**
 * Learns associations from answerable questions over the chunks of their documents: question term
 * → sentence terms, strongest first.
 *
 * @example
 * learnAssociations(questions, chunks).quit // => ['left']
 */
export function learnAssociations(
  questions: readonly SingleQuestion[],
  chunks: readonly Chunk[],
  options: Partial<AssociationOptions> = {},
): Record<string, string[]> {
  const settings = { ...defaultAssociationOptions, ...options };
  const texts = chunks.map((c) => comparable(c.text));
  const termGroups = new Map<string, number>();
  const pairGroups = new Map<string, number>();
  const answerGroups = new Map<string, number>();
  let groupCount = 0;
  for (const group of groupBySharedSpan(questions)) {
    const qTerms = new Set<string>();
    const sTerms = new Set<string>();
    for (const i of group) {
      const q = questions[i] as SingleQuestion;
      if (!('answer_any' in q)) continue;
      for (const t of tokenize(q.question)) qTerms.add(t);
      const spans = q.answer_any.map(comparable);
      chunks.forEach((chunk, c) => {
        if (spans.some((s) => texts[c]?.includes(s)))
          for (const t of tokenize(chunk.text)) sTerms.add(t);
      });
    }
    if (sTerms.size === 0) continue;
    groupCount++;
    for (const s of sTerms) answerGroups.set(s, (answerGroups.get(s) ?? 0) + 1);
    for (const q of qTerms) {
      termGroups.set(q, (termGroups.get(q) ?? 0) + 1);
      for (const s of sTerms) {
        if (s === q || qTerms.has(s) || /^\d/.test(s)) continue;
        const key = `${q}\u0000${s}`;
        pairGroups.set(key, (pairGroups.get(key) ?? 0) + 1);
      }
    }
  }
  const byTerm = new Map<string, Array<{ term: string; share: number; groups: number }>>();
  for (const [key, groups] of pairGroups) {
    if (groups < settings.minGroups) continue;
    const [q, s] = key.split('\u0000') as [string, string];
    const share = groups / (termGroups.get(q) ?? 1);
    const base = (answerGroups.get(s) ?? 0) / Math.max(1, groupCount);
    if (share < settings.minShare || share < settings.minLift * base) continue;
    byTerm.set(q, [...(byTerm.get(q) ?? []), { term: s, share, groups }]);
  }
  const out: Record<string, string[]> = {};
  for (const q of [...byTerm.keys()].sort()) {
    out[q] = (byTerm.get(q) ?? [])
      .sort((a, b) => b.share - a.share || b.groups - a.groups || (a.term < b.term ? -1 : 1))
      .slice(0, settings.perTerm)
      .map((x) => x.term);
  }
  return out;
}
