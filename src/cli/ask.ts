import { bootstrap, exitWithError } from '../bootstrap.ts';
import { formatTextAnswer } from './format-text.ts';

const USAGE = 'usage: npm run ask -- [--json] "your question"';

/** `npm run ask -- [--json] "question"`: prints one answer (as JSON with --json). */
async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const words = argv.filter((a) => a !== '--json');
  if (words.length === 0 || argv.includes('--help')) {
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
