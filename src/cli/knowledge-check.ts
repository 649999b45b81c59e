/**
 * `npm run knowledge:check [folder]`: loads the knowledge folder (default `$KNOWLEDGE_DIR`, else
 * `knowledge`) and prints, per document, its fields and every body line, kept (`+`) or dropped
 * (`-`) with the clutter rule that dropped it. Exits 1 with the error message on a bad file.
 *
 * @example
 * npm run knowledge:check -- knowledge
 */
import { StrikebotError } from '../core/errors.ts';
import { formatKnowledgeReport } from '../knowledge/format-report.ts';
import { inspectKnowledge } from '../knowledge/load-knowledge.ts';

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
try {
  console.log(formatKnowledgeReport(await inspectKnowledge(dir)));
} catch (error) {
  if (!(error instanceof StrikebotError)) throw error;
  console.error(`knowledge:check: ${error.message}`);
  process.exitCode = 1;
}
