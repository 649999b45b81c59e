/**
 * Turns the HTML of an extracted article into the lines of a knowledge file: one line per
 * paragraph, heading, quotation or table row, blank lines between them, and list items as
 * consecutive `  • item` lines (the shape the chunker reads as bullets). The text of each line is
 * the element's text with runs of whitespace collapsed, so every sentence stays verbatim.
 */
import { parseHTML } from 'linkedom';

/** Elements whose text is a line of its own. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose text is never article text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT']);

/** One line of extracted text and what kind of element it came from. */
export interface ExtractedLine {
  text: string;
  kind: 'paragraph' | 'heading' | 'item';
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Collapses whitespace (no-break spaces included) to single spaces and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The paragraphs of an HTML fragment or document, in reading order.
 *
 * @example
 * extractLines('<p>Workers struck.</p><ul><li>Oakland</li></ul>');
 * // [{ text: 'Workers struck.', kind: 'paragraph' }, { text: 'Oakland', kind: 'item' }]
 */
export function extractLines(html: string): ExtractedLine[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: ExtractedLine[] = [];
  let buffer = '';
  let kind: ExtractedLine['kind'] = 'paragraph';
  const flush = () => {
    const text = collapseSpace(buffer);
    if (text !== '') lines.push({ text, kind });
    buffer = '';
    kind = 'paragraph';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      buffer += ' ';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) {
      if (/^H[1-6]$/.test(name)) kind = 'heading';
      if (name === 'LI') kind = 'item';
      flush();
    }
  };
  walk(document.body as unknown as DomNode);
  flush();
  return lines;
}

/**
 * Lays extracted lines out as a file body: a blank line between paragraphs and headings, list
 * items on consecutive lines as `  • item`.
 */
export function layOutLines(lines: readonly ExtractedLine[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (i > 0 && !(line.kind === 'item' && previous?.kind === 'item')) out.push('');
    out.push(line.kind === 'item' ? `  • ${line.text}` : line.text);
  });
  return out;
}
