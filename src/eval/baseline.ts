import { type BenchSentence, type Peer, plainMiniSearchPeer } from '../bench/peers.ts';
import type { Chunk } from '../core/types.ts';
import { type AskedQuestion, comparable, type SingleQuestion } from './score.ts';

/** hit@1 and hit@3 of a ranking that never declines to answer. */
export interface BaselineFigures {
  name: string;
  n: number;
  hit1: number;
  hit3: number;
}

/**
 * One peer's hit@1 and hit@3 on the answerable questions of a list: is an expected span in the
 * first, or first three, of the sentence chunks it ranks for the question?
 *
 * @example
 * measurePeer(plainMiniSearchPeer, engine.chunks, questions) // => { name: 'minisearch', n: 280, hit1: 0.51, hit3: 0.68 }
 */
export function measurePeer(
  peer: Peer,
  chunks: readonly BenchSentence[],
  questions: readonly SingleQuestion[],
): BaselineFigures {
  const index = peer.build(chunks.map((c) => ({ id: c.id, text: c.text })));
  const texts = new Map(chunks.map((c) => [c.id, comparable(c.text)]));
  let n = 0;
  let hit1 = 0;
  let hit3 = 0;
  for (const question of questions) {
    if (!('answer_any' in question)) continue;
    n++;
    const spans = question.answer_any.map(comparable);
    const rank = index
      .search(question.question, 3)
      .findIndex((id) => spans.some((s) => texts.get(id)?.includes(s)));
    if (rank === 0) hit1++;
    if (rank >= 0) hit3++;
  }
  const share = (x: number) => (n === 0 ? 0 : Math.round((x / n) * 10_000) / 10_000);
  return { name: peer.name, n, hit1: share(hit1), hit3: share(hit3) };
}

/**
 * Plain MiniSearch (its default tokenizer, OR query, sentence chunks, no abstention) on the
 * answerable questions of a set: is an expected span in its first, or first three, sentences?
 * Conversation turns are asked on their own (plain search keeps no history).
 *
 * @example
 * plainMiniSearchBaseline(engine.chunks, flattenQuestions(set)) // => { name: 'minisearch', n: 280, hit1: 0.51, hit3: 0.68 }
 */
export function plainMiniSearchBaseline(
  chunks: readonly Chunk[],
  questions: readonly AskedQuestion[],
): BaselineFigures {
  return measurePeer(
    plainMiniSearchPeer,
    chunks,
    questions.map((q) => q.question),
  );
}
