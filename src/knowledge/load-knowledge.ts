import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { StrikebotError } from '../core/errors.ts';
import type { SourceDocument } from '../core/types.ts';
import { CLUTTER_RULES, type ClutterRule } from './clutter-rules.ts';
import { type DocumentReport, parseKnowledgeFile } from './parse-document.ts';

/** Options for {@link loadKnowledge} and {@link inspectKnowledge}. */
export interface KnowledgeOptions {
  /** Rules that remove page clutter from bodies, tried in order. Default {@link CLUTTER_RULES}. */
  rules: readonly ClutterRule[];
  /** File extensions loaded (lower case, with the dot). Default `['.md', '.txt']`. */
  extensions: readonly string[];
}

/** Defaults for {@link KnowledgeOptions}. */
export const defaultKnowledgeOptions: KnowledgeOptions = {
  rules: CLUTTER_RULES,
  extensions: ['.md', '.txt'],
};

/** True for files that are documents: a known extension, not hidden, not a README. */
function isDocumentName(name: string, extensions: readonly string[]): boolean {
  if (name.startsWith('.') || /^readme\./i.test(name)) return false;
  return extensions.includes(extname(name).toLowerCase());
}

/** Lists the document files of `dir` (not recursive), sorted by name. */
async function listDocumentFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist; create it or set KNOWLEDGE_DIR to the folder of articles'
        : code === 'ENOTDIR'
          ? 'is not a folder; set KNOWLEDGE_DIR to the folder of articles'
          : `cannot be read (${code ?? String(error)})`;
    throw new StrikebotError('KNOWLEDGE_UNREADABLE', `knowledge folder ${dir} ${why}`, {
      cause: error,
    });
  }
  const files: string[] = [];
  for (const name of names.filter((n) => isDocumentName(n, extensions)).sort()) {
    const file = join(dir, name);
    if ((await stat(file).catch(() => undefined))?.isFile()) files.push(file);
  }
  return files;
}

/** Reads a file as strict UTF-8. */
async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new StrikebotError('KNOWLEDGE_UNREADABLE', `${file}: cannot be read (${code})`, {
      cause: error,
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new StrikebotError(
      'KNOWLEDGE_MALFORMED',
      `${file}: is not UTF-8 text; save it as UTF-8 (documents are .md or .txt)`,
      { cause: error },
    );
  }
}

/**
 * Loads every document of a knowledge folder with a per-line report of the clutter removed,
 * sorted by document id. This is what `npm run knowledge:check` prints.
 *
 * @example
 * const reports = await inspectKnowledge('knowledge');
 * reports[0]?.lines.filter((l) => l.dropped); // the lines removed as clutter, with the rule
 * @throws StrikebotError KNOWLEDGE_UNREADABLE, KNOWLEDGE_MALFORMED or KNOWLEDGE_EMPTY.
 */
export async function inspectKnowledge(
  dir: string,
  options: Partial<KnowledgeOptions> = {},
): Promise<DocumentReport[]> {
  const { rules, extensions } = { ...defaultKnowledgeOptions, ...options };
  const files = await listDocumentFiles(dir, extensions);
  if (files.length === 0) {
    throw new StrikebotError(
      'KNOWLEDGE_EMPTY',
      `knowledge folder ${dir} has no documents; add articles as ${extensions.join(' or ')} files`,
    );
  }
  const reports: DocumentReport[] = [];
  for (const file of files) reports.push(parseKnowledgeFile(file, await readText(file), rules));

  reports.sort((a, b) =>
    a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0,
  );
  for (let i = 1; i < reports.length; i++) {
    const [before, after] = [reports[i - 1] as DocumentReport, reports[i] as DocumentReport];
    if (before.document.id === after.document.id) {
      throw new StrikebotError(
        'KNOWLEDGE_MALFORMED',
        `${after.file}: same document id "${after.document.id}" as ${before.file}; rename one of them`,
      );
    }
  }
  return reports;
}

/**
 * Loads every `.md` and `.txt` document of a knowledge folder, sorted by id, with page clutter
 * removed from the bodies.
 *
 * @example
 * const documents = await loadKnowledge('knowledge');
 * const engine = createStrikebotEngine(documents);
 * @throws StrikebotError KNOWLEDGE_UNREADABLE, KNOWLEDGE_MALFORMED or KNOWLEDGE_EMPTY, naming the
 * file and line at fault.
 */
export async function loadKnowledge(
  dir: string,
  options: Partial<KnowledgeOptions> = {},
): Promise<SourceDocument[]> {
  return (await inspectKnowledge(dir, options)).map((report) => report.document);
}
