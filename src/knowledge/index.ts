/**
 * The knowledge loader: the only part of strikebot that reads the knowledge folder.
 * It turns `.md`/`.txt` files into {@link SourceDocument}s with page clutter removed, adds
 * articles from the web (`add/add-article.ts`, not re-exported: it loads an HTML parser) and follows the folder while the bot runs (`watchKnowledge`).
 */
export type { SourceDocument } from '../core/types.ts';
export {
  CLUTTER_RULES,
  type ClutterRule,
  type RuleContext,
  type RuleScope,
} from './clutter-rules.ts';
export { deriveFrontMatter } from './derive-front-matter.ts';
export { formatKnowledgeJson, formatKnowledgeReport } from './format-report.ts';
export {
  countSentences,
  fixedKnowledge,
  type KnowledgeSource,
  type KnowledgeState,
} from './knowledge-source.ts';
export { listSources, type SourceEntry, type SourcesList } from './list-sources.ts';
export {
  defaultKnowledgeOptions,
  inspectKnowledge,
  type KnowledgeFolder,
  type KnowledgeOptions,
  loadKnowledge,
  type RefusedFile,
  readKnowledgeFolder,
} from './load-knowledge.ts';
export { type DocumentReport, parseKnowledgeFile } from './parse-document.ts';
export type { LineVerdict } from './remove-clutter.ts';
export { type EngineHolder, watchKnowledge } from './watch-knowledge.ts';
