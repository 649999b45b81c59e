import { bootstrap, exitWithError } from '../bootstrap.ts';
import { formatExplanation } from './format-explain.ts';
import { formatTextAnswer } from './format-text.ts';
import { parseFlagsAndArguments } from './parse-flags.ts';

const USAGE = 'usage: npm run ask -- [--json] [--explain] "your question"';

/** `npm run ask -- [--json] [--explain] "question"`: prints one answer (as JSON with --json). */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlagsAndArguments(
    { json: { type: 'boolean' }, explain: { type: 'boolean' } },
    USAGE,
    argv,
  );
  if (positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { engine } = await bootstrap();
  const question = positionals.join(' ');
  const answer = engine.answer(question);
  if (values.json) {
    const explanation = values.explain ? { explanation: engine.explain(question) } : {};
    process.stdout.write(`${JSON.stringify({ ...answer, ...explanation }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatTextAnswer(answer)}\n`);
  if (values.explain) process.stdout.write(`\n${formatExplanation(engine.explain(question))}\n`);
}

main(process.argv.slice(2)).catch(exitWithError);
