/**
 * The knowledge loader: the only part of strikebot that reads the knowledge folder.
 * It turns `.md`/`.txt` files into {@link SourceDocument}s with page clutter removed.
 */
export type { SourceDocument } from '../core/types.ts';
export {
  CLUTTER_RULES,
  type ClutterRule,
  type RuleContext,
  type RuleScope,
} from './clutter-rules.ts';
export { formatKnowledgeReport } from './format-report.ts';
export {
  defaultKnowledgeOptions,
  inspectKnowledge,
  type KnowledgeOptions,
  loadKnowledge,
} from './load-knowledge.ts';
export { type DocumentReport, parseKnowledgeFile } from './parse-document.ts';
export type { LineVerdict } from './remove-clutter.ts';
