import { bootstrap, exitWithError } from '../bootstrap.ts';
import type { Engine } from '../core/engine.ts';
import { createStrikebotEngine } from '../domain/engine.ts';
import {
  formatSidesReport,
  type HandLabels,
  parseHandLabels,
  parseSidesSet,
  scoreSides,
} from '../eval/sides.ts';
import { loadKnowledge } from '../knowledge/load-knowledge.ts';
import { parseFlags } from './parse-flags.ts';
import { readNamedFile, readQuestionFile } from './read-question-file.ts';

const USAGE =
  'usage: npm run eval:sides -- --questions FILE [--also-knowledge DIR ...] [--speakers FILE ...] [--json]';

/**
 * `npm run eval:sides -- --questions FILE [--also-knowledge DIR ...] [--json]`: scores the engine on
 * a contested set (`sides_any` per question in dispute, `answer_any` for factual ones): the share
 * of disputed questions whose answer quotes each side's claim under that side's label, and the
 * number of factual answers set out as a dispute, then every miss. `--also-knowledge DIR` adds
 * the documents of another folder to the knowledge folder's, once per folder (the index is then
 * built, not loaded from the snapshot). `--speakers FILE` (hand-labelled speakers, as
 * `test/core/answer/fixtures/seed-speakers.json`; may be given once per file) also checks each
 * cited sentence's label.
 */
async function main(argv: string[]): Promise<void> {
  const values = parseFlags(
    {
      questions: { type: 'string' },
      'also-knowledge': { type: 'string', multiple: true },
      speakers: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    USAGE,
    argv,
  );
  const { file, text } = await readQuestionFile(values.questions, USAGE);
  const questions = parseSidesSet(text, file);
  const labels = await readHandLabels(values.speakers);
  const runtime = await bootstrap();
  let engine: Engine = runtime.engine;
  const also = values['also-knowledge'] ?? [];
  if (also.length > 0) {
    const extra = (await Promise.all(also.map((dir) => loadKnowledge(dir)))).flat();
    engine = createStrikebotEngine([...runtime.engine.documents, ...extra], {
      maxQuestionLength: runtime.config.MAX_QUESTION_LENGTH,
    });
  }
  const report = scoreSides(engine, questions, labels);
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatSidesReport(report)}\n`,
  );
}

/** The hand labels of every `--speakers` file, as one map (each file labels its own documents). */
async function readHandLabels(files: readonly string[] = []): Promise<HandLabels | undefined> {
  if (files.length === 0) return undefined;
  const maps = await Promise.all(
    files.map(async (file) => parseHandLabels(await readNamedFile(file), file)),
  );
  return new Map(maps.flatMap((map) => [...map]));
}

main(process.argv.slice(2)).catch(exitWithError);
