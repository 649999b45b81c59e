import { bootstrap, exitWithError } from '../bootstrap.ts';
import { plainMiniSearchBaseline } from '../eval/baseline.ts';
import { evaluate, flattenQuestions, parseQuestionSet } from '../eval/score.ts';
import { formatSummary } from './format-eval.ts';
import { formatExplanation } from './format-explain.ts';
import { parseFlags } from './parse-flags.ts';
import { readQuestionFile } from './read-question-file.ts';

const USAGE = 'usage: npm run eval -- --questions FILE [--json] [--explain] [--baseline]';

/**
 * `npm run eval -- --questions FILE [--json] [--explain]`: scores the engine on a JSONL question
 * set (questions, and conversations whose turns are asked after their earlier turns). With
 * `--explain`, each miss is followed by the engine's feature breakdown; with `--baseline`, plain
 * MiniSearch's hit@1 and hit@3 on the same sentences come first.
 */
async function main(argv: string[]): Promise<void> {
  const values = parseFlags(
    {
      questions: { type: 'string' },
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      baseline: { type: 'boolean' },
    },
    USAGE,
    argv,
  );
  const { file, text } = await readQuestionFile(values.questions, USAGE);
  const questions = parseQuestionSet(text, file);
  const { engine } = await bootstrap();
  const report = evaluate(engine, questions);
  const baseline = values.baseline
    ? { baseline: plainMiniSearchBaseline(engine.chunks, flattenQuestions(questions)) }
    : {};
  if (values.json) {
    const explained = values.explain
      ? {
          explanations: Object.fromEntries(
            flattenQuestions(questions).map((q) => [
              q.id,
              engine.explain(q.question.question, { history: q.history }),
            ]),
          ),
        }
      : {};
    process.stdout.write(`${JSON.stringify({ ...report, ...baseline, ...explained }, null, 2)}\n`);
    return;
  }
  if (baseline.baseline) {
    const b = baseline.baseline;
    process.stdout.write(
      `plain MiniSearch (never abstains, ${b.n} answerable): hit@1 ${(b.hit1 * 100).toFixed(1)}%, hit@3 ${(b.hit3 * 100).toFixed(1)}%\n`,
    );
  }
  process.stdout.write(`${formatSummary(report)}\n`);
  if (!values.explain) return;
  const byId = new Map(flattenQuestions(questions).map((q) => [q.id, q]));
  for (const result of report.questions) {
    const missed = result.answerable ? !(result.answered && result.rank === 1) : result.answered;
    const asked = byId.get(result.id);
    if (!missed || !asked) continue;
    const explanation = engine.explain(asked.question.question, { history: asked.history });
    process.stdout.write(`\n=== ${result.id}\n${formatExplanation(explanation)}\n`);
  }
}

main(process.argv.slice(2)).catch(exitWithError);
