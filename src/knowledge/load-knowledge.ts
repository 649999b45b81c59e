import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { StrikebotError, type StrikebotErrorCode } from '../core/errors.ts';
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

/** A file of the knowledge folder that could not be loaded, and why. */
export interface RefusedFile {
  file: string;
  /** The loader's message, naming the file and line at fault. */
  error: string;
  /** The error's code (KNOWLEDGE_MALFORMED, KNOWLEDGE_EMPTY, KNOWLEDGE_UNREADABLE). */
  code: StrikebotErrorCode;
}

/** Every document of a folder that loads, and every file that does not. */
export interface KnowledgeFolder {
  /** Reports of the files that loaded, sorted by document id. */
  reports: DocumentReport[];
  /** Files that failed to load, in file-name order (a second file with a taken id included). */
  refused: RefusedFile[];
}

/**
 * Loads every document of a knowledge folder that can be loaded, and lists the files that
 * cannot with their error, instead of stopping at the first. Hot reload and `knowledge:check
 * --json` use it; {@link inspectKnowledge} stops at the first refused file.
 *
 * @throws StrikebotError KNOWLEDGE_UNREADABLE or KNOWLEDGE_EMPTY when the folder itself is unusable.
 */
export async function readKnowledgeFolder(
  dir: string,
  options: Partial<KnowledgeOptions> = {},
): Promise<KnowledgeFolder> {
  const { rules, extensions } = { ...defaultKnowledgeOptions, ...options };
  const files = await listDocumentFiles(dir, extensions);
  if (files.length === 0) {
    throw new StrikebotError(
      'KNOWLEDGE_EMPTY',
      `knowledge folder ${dir} has no documents; add articles as ${extensions.join(' or ')} files`,
    );
  }
  const reports: DocumentReport[] = [];
  const refused: RefusedFile[] = [];
  const byId = new Map<string, DocumentReport>();
  for (const file of files) {
    try {
      const report = parseKnowledgeFile(file, await readText(file), rules);
      const taken = byId.get(report.document.id);
      if (taken) {
        throw new StrikebotError(
          'KNOWLEDGE_MALFORMED',
          `${file}: same document id "${report.document.id}" as ${taken.file}; rename one of them`,
        );
      }
      byId.set(report.document.id, report);
      reports.push(report);
    } catch (error) {
      if (!(error instanceof StrikebotError)) throw error;
      refused.push({ file, error: error.message, code: error.code });
    }
  }
  reports.sort((a, b) =>
    a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0,
  );
  return { reports, refused };
}

/**
 * Loads every document of a knowledge folder with a per-line report of the clutter removed,
 * sorted by document id. This is what `npm run knowledge:check` prints.
 *
 * @example
 * const reports = await inspectKnowledge('knowledge');
 * reports[0]?.lines.filter((l) => l.dropped); // the lines removed as clutter, with the rule
 * @throws StrikebotError KNOWLEDGE_UNREADABLE, KNOWLEDGE_MALFORMED or KNOWLEDGE_EMPTY for the
 * first file (in name order) that cannot be loaded.
 */
export async function inspectKnowledge(
  dir: string,
  options: Partial<KnowledgeOptions> = {},
): Promise<DocumentReport[]> {
  const { reports, refused } = await readKnowledgeFolder(dir, options);
  const [first] = refused;
  if (first) throw new StrikebotError(first.code, first.error);
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
