/**
 * `npm run knowledge:check [folder]`: loads the knowledge folder (default `$KNOWLEDGE_DIR`, else
 * `knowledge`) and prints, per document, its fields and every body line, kept (`+`) or dropped
 * (`-`) with the clutter rule that dropped it (and, for the line classifier, why). Exits 1 with
 * the error message on a bad file.
 *
 * With `--json` it prints only one JSON object, `{ documents: [...], refused: [...] }`: every
 * document that loads, with its kept and dropped lines, and every file that does not, with its
 * error; it exits 1 when a file is refused.
 *
 * @example
 * npm run --silent knowledge:check -- --json
 */
import { StrikebotError } from '../core/errors.ts';
import { formatKnowledgeJson, formatKnowledgeReport } from '../knowledge/format-report.ts';
import { inspectKnowledge, readKnowledgeFolder } from '../knowledge/load-knowledge.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = 'usage: npm run knowledge:check -- [--json] [folder]';
const args = process.argv.slice(2);
const flags = parseFlags(
  { json: { type: 'boolean' } },
  USAGE,
  args.filter((arg) => arg.startsWith('-')),
);
const [folder] = args.filter((arg) => !arg.startsWith('-'));
const dir = folder ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
try {
  if (flags.json) {
    const result = formatKnowledgeJson(await readKnowledgeFolder(dir));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.refused.length > 0) process.exitCode = 1;
  } else {
    console.log(formatKnowledgeReport(await inspectKnowledge(dir)));
  }
} catch (error) {
  if (!(error instanceof StrikebotError)) throw error;
  console.error(`knowledge:check: ${error.message}`);
  process.exitCode = 1;
}
