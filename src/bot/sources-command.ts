/**
 * Reads a request for the list of sources out of what people type: `/ask sources`, `/ask
 * sources 2`, `/sources 2`, `:sources page 3`. Closed patterns, no guessing: anything else is a
 * question.
 */
import type { SourcesCommand } from './incoming.ts';

/** Largest page number read; a larger one is read as this (the renderers show the last page). */
const MAX_PAGE = 10_000;

/**
 * The page a command's argument asks for: `2`, `page 2`, `page:2`, `p2`; page 1 for nothing or
 * anything that is not a page number.
 *
 * @example
 * parsePage('page:3'); // 3
 * parsePage('');       // 1
 * parsePage('latest'); // 1
 */
export function parsePage(text: string): number {
  const match = /^(?:(?:page|p)\s*:?\s*)?(\d{1,6})$/i.exec(text.trim());
  if (!match) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(match[1])));
}

/**
 * The sources command in the text of an ask command or a console line (`sources`, `sources 2`,
 * `/sources`, `:sources page 2`), or undefined when the text is something else.
 *
 * @example
 * parseSourcesCommand('sources 2');       // { kind: 'sources', page: 2 }
 * parseSourcesCommand('what sources?');   // undefined
 */
export function parseSourcesCommand(text: string): SourcesCommand | undefined {
  const match = /^[:/]?sources\b\s*(.*)$/is.exec(text.trim());
  if (!match) return undefined;
  const rest = match[1] ?? '';
  // "sources of the strike pay?" is a question, not a page.
  if (rest !== '' && !/^(?:(?:page|p)\s*:?\s*)?\d+$/i.test(rest.trim())) return undefined;
  return { kind: 'sources', page: parsePage(rest) };
}
