/**
 * Reads what `npm run add` is given: a web address (fetched over HTTP), a saved `.html` page or
 * a pasted `.txt` file, with the same size limit for all three.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { StrikebotError } from '../../core/errors.ts';
import { looksLikeHtml } from '../page/extract-article.ts';
import {
  defaultFetchPageOptions,
  type FetchPageOptions,
  fetchPage,
  formatMegabytes,
} from '../page/fetch-page.ts';

/** A source ready to turn into an article. */
export interface Source {
  /** `html` for a page or saved page, `text` for a paste. */
  kind: 'html' | 'text';
  /** The page's HTML or the pasted text. */
  content: string;
  /** The address asked for and the one the page came from, for a web page. */
  requestedUrl?: string;
  finalUrl?: string;
  /** The file, for a saved page or a paste. */
  file?: string;
}

/** True when `source` is an http(s) address rather than a file path. */
export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Reads a source.
 *
 * @example
 * await readSource('https://example.org/story');   // { kind: 'html', content: '<!doctype html>…', … }
 * await readSource('pasted.txt');                   // { kind: 'text', content: 'Headline\n…', … }
 * @throws StrikebotError SOURCE_FETCH_FAILED, SOURCE_TIMEOUT, SOURCE_REDIRECT_LOOP,
 * SOURCE_TOO_LARGE or SOURCE_NOT_HTML.
 */
export async function readSource(
  source: string,
  options: Partial<FetchPageOptions> = {},
): Promise<Source> {
  if (isWebAddress(source)) {
    const page = await fetchPage(source, options);
    return { kind: 'html', content: page.html, requestedUrl: source, finalUrl: page.finalUrl };
  }
  const maxBytes = options.maxBytes ?? defaultFetchPageOptions.maxBytes;
  const extension = extname(source).toLowerCase();
  if (!['.html', '.htm', '.xhtml', '.txt'].includes(extension)) {
    throw new StrikebotError(
      'SOURCE_NOT_HTML',
      `${source}: not a web address, an .html page or a .txt paste; save the article as one of those`,
    );
  }
  const info = await stat(source).catch((error: NodeJS.ErrnoException) => {
    throw new StrikebotError(
      'SOURCE_FETCH_FAILED',
      `${source}: cannot be read (${error.code ?? error.message}); check the path`,
      { cause: error },
    );
  });
  if (!info.isFile()) {
    throw new StrikebotError('SOURCE_FETCH_FAILED', `${source}: is not a file`);
  }
  if (info.size > maxBytes) {
    throw new StrikebotError(
      'SOURCE_TOO_LARGE',
      `${source}: the file is ${formatMegabytes(info.size)}, over the ${formatMegabytes(maxBytes)} limit; keep only the article text`,
    );
  }
  const bytes = await readFile(source);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Older saved pages are often Windows-1252; a paste must be UTF-8.
    content = extension === '.txt' ? '\u0000' : new TextDecoder('windows-1252').decode(bytes);
  }
  if (extension === '.txt') {
    if (content.includes('\u0000')) {
      throw new StrikebotError(
        'SOURCE_NOT_HTML',
        `${source}: not UTF-8 text; save the paste as plain UTF-8 text`,
      );
    }
    return { kind: 'text', content, file: source };
  }
  if (!looksLikeHtml(content)) {
    throw new StrikebotError(
      'SOURCE_NOT_HTML',
      `${source}: does not contain an HTML page; save the page from the browser as "Web Page, HTML only", or paste its text into a .txt file`,
    );
  }
  return { kind: 'html', content, file: source };
}
