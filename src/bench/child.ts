/**
 * Child-process entry of the benchmark: measures one corpus size and prints its `SizeResult` as
 * one JSON line on stdout (progress goes to stderr). `runBenchmark` starts it with a heap cap so
 * a size that does not fit in memory fails alone.
 */
import { readFileSync } from 'node:fs';
import { parseQuestionSet } from '../eval/score.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { measureSize } from './measure-size.ts';
import { PEERS } from './peers.ts';

/** What the parent passes (as JSON in the first argument). */
export interface ChildRequest {
  sentences: number;
  questions: number;
  seed: number;
  knowledgeDir: string;
  questionsFile: string;
  peers: string[];
}

const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
const seedDocuments = await loadKnowledge(request.knowledgeDir);
const publicQuestions = parseQuestionSet(
  readFileSync(request.questionsFile, 'utf8'),
  request.questionsFile,
)
  .flatMap((q) => ('turns' in q ? [] : [q]))
  .map((q) => q.question);
const result = measureSize({
  sentences: request.sentences,
  questions: request.questions,
  seed: request.seed,
  seedDocuments,
  publicQuestions,
  peers: PEERS.filter((p) => request.peers.includes(p.name)),
  log: (message) => process.stderr.write(`bench: ${message}\n`),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
