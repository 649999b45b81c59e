import type { SourceDocument } from '../core/types.ts';
import { createStrikebotEngine } from '../domain/engine.ts';
import { measurePeer } from '../eval/baseline.ts';
import { type EvalQuestion, evaluate } from '../eval/score.ts';
import type { Peer } from './peers.ts';
import { round } from './stats.ts';
import type { QualityResult } from './types.ts';

/**
 * hit@1 and hit@3 on the answerable questions of a question set over the seed documents only:
 * strikebot with its full pipeline (an expected answer inside its first, or first three, cited
 * snippets, whether it answers with confidence or shows the closest passages), and each peer by
 * the top sentences it ranks itself over the same sentence chunks.
 *
 * @example
 * measureQuality(await loadKnowledge('knowledge'), questions, PEERS)[0] // => { name: 'strikebot', hit1: 0.9, hit3: 0.95 }
 */
export function measureQuality(
  documents: readonly SourceDocument[],
  questions: readonly EvalQuestion[],
  peers: readonly Peer[],
): QualityResult[] {
  const engine = createStrikebotEngine(documents);
  // The ranking's own figures, whatever the outcome: the peers never decline to answer, so the
  // comparison is of who ranks an answer first (a confident answer or the closest passage).
  const report = evaluate(engine, questions);
  const ranked = report.questions.filter((q) => q.answerable);
  const first = ranked.filter((q) => q.rank === 1).length / Math.max(1, ranked.length);
  const rows: QualityResult[] = [{ name: 'strikebot', hit1: round(first, 4), hit3: report.hit3 }];
  const answerable = questions.filter(
    (q): q is Extract<EvalQuestion, { answer_any: string[] }> => 'answer_any' in q,
  );
  for (const peer of peers) {
    try {
      const { hit1, hit3 } = measurePeer(peer, engine.chunks, answerable);
      rows.push({ name: peer.name, hit1, hit3 });
    } catch {
      rows.push({ name: peer.name, hit1: 0, hit3: 0 });
    }
  }
  return rows;
}
