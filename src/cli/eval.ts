import { readFile } from 'node:fs/promises';
import { bootstrap, exitWithError } from '../bootstrap.ts';
import { type EvalReport, evaluate, parseQuestionSet } from '../eval/score.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = 'usage: npm run eval -- --questions FILE [--json]';

function formatReport(report: EvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `questions      ${report.n}`,
    `hit@1          ${pct(report.hit1)}`,
    `hit@3          ${pct(report.hit3)}`,
    `MRR            ${report.mrr.toFixed(3)}`,
    `abstain        ${pct(report.abstain)}  (unanswerable questions declined)`,
    `false abstain  ${pct(report.falseAbstain)}  (answerable questions declined)`,
  ];
  const misses = report.questions.filter((r) => (r.answerable ? r.rank !== 1 : r.answered));
  if (misses.length > 0) lines.push('', 'Misses:');
  for (const r of misses) {
    const what = r.answerable
      ? r.answered
        ? `expected answer at rank ${r.rank ?? 'none'}`
        : 'declined to answer'
      : 'answered an unanswerable question';
    lines.push(`  ${r.id.padEnd(5)} ${what}: ${r.question}`);
    if (r.top) lines.push(`        top: ${r.top.slice(0, 120)}`);
  }
  return lines.join('\n');
}

/** `npm run eval -- --questions FILE [--json]`: scores the engine on a JSONL question set. */
async function main(argv: string[]): Promise<void> {
  const values = parseFlags(
    { questions: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
    argv,
  );
  if (!values.questions) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const text = await readFile(values.questions, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${values.questions}: ${error.code ?? error.message}`);
  });
  const questions = parseQuestionSet(text, values.questions);
  const { engine } = await bootstrap();
  const report = evaluate(engine, questions);
  process.stdout.write(
    json(values.json) ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
  );
}

function json(flag: boolean | undefined): boolean {
  return flag === true;
}

main(process.argv.slice(2)).catch(exitWithError);
