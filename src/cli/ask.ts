import { bootstrap, exitWithError } from '../bootstrap.ts';
import { formatTextAnswer } from './format-text.ts';
import { parseFlagsAndWords } from './parse-flags.ts';

const USAGE = 'usage: npm run ask -- [--json] "your question"';

/** `npm run ask -- [--json] "question"`: prints one answer (as JSON with --json). */
async function main(argv: readonly string[]): Promise<void> {
  // A mistyped flag (`--jsn`) is refused with the usage, not asked as part of the question.
  const { values, positionals: words } = parseFlagsAndWords({ json: { type: 'boolean' } }, USAGE, [
    ...argv,
  ]);
  const json = values.json === true;
  if (words.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { engine } = await bootstrap();
  const answer = engine.answer(words.join(' '));
  process.stdout.write(
    json ? `${JSON.stringify(answer, null, 2)}\n` : `${formatTextAnswer(answer)}\n`,
  );
}

main(process.argv.slice(2)).catch(exitWithError);
