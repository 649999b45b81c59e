/**
 * Finds the article on a web page with Mozilla's Readability (the Firefox Reader View engine)
 * on a linkedom DOM, and reads the page's metadata. Chosen over defuddle by measurement on
 * realistic pages (`npm run knowledge:extractors`): both found every article paragraph, and
 * Readability kept less page clutter on pages without semantic class names.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ExtractedLine, extractLines } from './html-paragraphs.ts';
import { type MetadataDocument, type PageMetadata, readPageMetadata } from './page-metadata.ts';

/** What {@link extractArticle} finds on a page. */
export interface ExtractedPage {
  /** The article's paragraphs, headings and list items, in order; empty when none was found. */
  lines: ExtractedLine[];
  /** Metadata from JSON-LD, OpenGraph and `<meta>`, with Readability's title as a fallback. */
  metadata: PageMetadata;
}

/** True when the text looks like an HTML document or fragment rather than plain text or binary. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) return false;
  return /<(?:!doctype\s+html|html|head|body|article|main|p|div)\b/i.test(head);
}

/**
 * Extracts the article and metadata of an HTML page.
 *
 * @example
 * const { lines, metadata } = extractArticle(html, 'https://example.org/story');
 */
export function extractArticle(html: string, url?: string): ExtractedPage {
  const metadata = readPageMetadata(parseHTML(html).document as unknown as MetadataDocument);
  const { document } = parseHTML(html);
  if (url) {
    // Readability resolves relative links against the document's base.
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
  }
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      charThreshold: 200,
    },
  ).parse();
  const lines = article?.content ? extractLines(article.content) : [];
  if (!metadata.title && article?.title) {
    metadata.title = { value: article.title, from: 'Readability title' };
  }
  return { lines, metadata };
}
