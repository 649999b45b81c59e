/**
 * `npm run add`: one article from a web address, a saved HTML page or a pasted text file into
 * the knowledge folder, with its metadata as front matter and page clutter removed.
 */
import { StrikebotError } from '../../core/errors.ts';
import { readKnowledgeFolder } from '../load-knowledge.ts';
import type { FetchPageOptions } from '../page/fetch-page.ts';
import { type BuiltArticle, buildArticle } from './build-article.ts';
import { refuseKnownText, refuseKnownUrl } from './find-duplicate.ts';
import { isWebAddress, readSource } from './read-source.ts';
import { writeArticle } from './write-article.ts';

/** Options for {@link addArticle}. */
export interface AddOptions {
  /** The knowledge folder. Default `knowledge`. */
  dir: string;
  /** Fetch limits and the fetch function. Default 10 s, 5 MB, 10 redirects, global fetch. */
  fetch: Partial<FetchPageOptions>;
  /** Today, for `added:` and for the file name of an undated article. Default the system clock. */
  now: () => Date;
}

/** Defaults for {@link AddOptions}. */
const defaultAddOptions: AddOptions = {
  dir: 'knowledge',
  fetch: {},
  now: () => new Date(),
};

/** What {@link addArticle} wrote. */
export interface AddedArticle extends BuiltArticle {
  /** The file written, e.g. `knowledge/2025-05-09-kaiser-therapists-join-strike.md`. */
  file: string;
}

/**
 * Adds an article to the knowledge folder and returns what was written.
 *
 * @example
 * const added = await addArticle('https://example.org/story', { dir: 'knowledge' });
 * console.log(added.file, added.body.length, added.dropped.length);
 * @throws StrikebotError SOURCE_FETCH_FAILED, SOURCE_TIMEOUT, SOURCE_REDIRECT_LOOP,
 * SOURCE_TOO_LARGE, SOURCE_NOT_HTML, SOURCE_NO_ARTICLE or SOURCE_DUPLICATE, and the knowledge
 * folder's own errors when it cannot be read.
 */
export async function addArticle(
  source: string,
  options: Partial<AddOptions> = {},
): Promise<AddedArticle> {
  const { dir, fetch, now } = { ...defaultAddOptions, ...options };
  // Files that fail to load are not compared; knowledge:check reports them.
  const existing = await readKnowledgeFolder(dir).then(
    (folder) => folder.reports,
    (error: unknown) => {
      // An empty folder has nothing to compare with; a missing or unreadable one cannot be written.
      if (error instanceof StrikebotError && error.code === 'KNOWLEDGE_EMPTY') return [];
      throw error;
    },
  );
  if (isWebAddress(source)) refuseKnownUrl([source], existing);
  const page = await readSource(source, fetch);
  const article = buildArticle(page, source);
  const url = article.frontMatter.url;
  refuseKnownUrl(
    [page.finalUrl, typeof url === 'string' ? url : undefined].filter(
      (u): u is string => u !== undefined,
    ),
    existing,
  );
  refuseKnownText(source, article.body, existing);
  const today = now().toISOString().slice(0, 10);
  const date = typeof article.frontMatter.date === 'string' ? article.frontMatter.date : today;
  article.frontMatter.added = today;
  const file = await writeArticle(dir, date, article.frontMatter, article.body);
  return { ...article, file };
}
