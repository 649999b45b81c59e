/**
 * `npm run eval:check-spans -- FILE... --knowledge DIR`: checks the answer spans of JSONL
 * question sets against the documents of a knowledge folder (see `src/eval/check-spans.ts`),
 * prints the totals of each file and every problem, and exits 1 when there is a problem
 * (2 on bad usage).
 *
 * @example
 * npm run eval:check-spans -- test/eval/unseen/questions.jsonl --knowledge test/eval/unseen/knowledge
 */
import { readFile } from 'node:fs/promises';
import { StrikebotError } from '../core/errors.ts';
import { checkQuestionSet, type SpanCounts, toSpanDocuments } from '../eval/check-spans.ts';
import { inspectKnowledge } from '../knowledge/load-knowledge.ts';
import { parseFlagsAndArguments } from './parse-flags.ts';

const USAGE = 'usage: npm run eval:check-spans -- FILE.jsonl [FILE.jsonl...] --knowledge DIR';

/** One summary line: `file: answerable 3, unanswerable 1, ...` in key order. */
function formatCounts(file: string, counts: SpanCounts): string {
  const parts = Object.keys(counts)
    .sort()
    .map((key) => `${key} ${counts[key]}`);
  return `${file}: ${parts.join(', ') || 'no rows'}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseFlagsAndArguments({ knowledge: { type: 'string' } }, USAGE);
  if (!values.knowledge || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const documents = toSpanDocuments(await inspectKnowledge(values.knowledge));
  let problems = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      process.stdout.write(
        `PROBLEM ${file}: cannot be read (${(error as NodeJS.ErrnoException).code})\n`,
      );
      problems++;
      continue;
    }
    const result = checkQuestionSet(text, file, documents);
    process.stdout.write(`${formatCounts(file, result.counts)}\n`);
    for (const problem of result.problems) process.stdout.write(`PROBLEM ${problem}\n`);
    problems += result.problems.length;
  }
  process.stdout.write(`${problems} problem(s)\n`);
  return problems === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (!(error instanceof StrikebotError)) throw error;
    process.stderr.write(`eval:check-spans: ${error.message}\n`);
    process.exitCode = 1;
  },
);
