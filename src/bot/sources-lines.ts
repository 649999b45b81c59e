/**
 * The lines of `/sources`, in a platform's markup: a heading, when the index was rebuilt, the
 * files refused now with their errors, then one entry per document, newest first. Each platform
 * pages the entries within its own limits with {@link pickPage}.
 */
import type { SourcesList } from '../knowledge/list-sources.ts';
import { packRuns, type RunLimits } from './pack-runs.ts';
import {
  rebuiltText,
  refusedHeading,
  refusedLine,
  sourceDetails,
  sourcesHeading,
  UNTITLED_SOURCE,
} from './wording.ts';

/** How a platform marks text up. */
export interface SourcesMarkup {
  /** Makes document text (titles, publishers, errors) show as written. */
  escape(text: string): string;
  /** Emphasises an escaped text (a document's number and title). */
  strong(text: string): string;
  /** Cuts an escaped text to `max` characters, marking the cut. */
  truncate(text: string, max: number): string;
  /** Put before each document's details line (an indent, or nothing). */
  detailPrefix: string;
  /** Put before each refused file (an indent or a bullet). */
  refusedPrefix: string;
}

/** The parts of `/sources`, marked up. */
export interface SourcesLines {
  /** How many documents and sentences (escaped, not emphasised). */
  heading: string;
  /** When the index serving now was built. */
  rebuilt: string;
  /** The refused files (a heading, then one entry each), then one entry per document. */
  entries: string[];
}

/** Longest title or refusal error an entry shows, so that every entry fits any page alone. */
const MAX_TITLE = 300;
const MAX_ERROR = 600;

/** Folds whitespace, so one document is one entry of at most two lines. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Builds the lines of `/sources` in `markup`.
 *
 * @example
 * sourcesLines(listSources(holder.state()), consoleMarkup).entries[0];
 * // '1. Kaiser therapists join strike\n   Inland Coast Ledger · 2025-05-09 · 14 sentences'
 */
export function sourcesLines(list: SourcesList, markup: SourcesMarkup): SourcesLines {
  const { escape: shown, strong, truncate, detailPrefix, refusedPrefix } = markup;
  const refused =
    list.refused.length === 0
      ? []
      : [
          shown(refusedHeading(list.refused.length)),
          ...list.refused.map(
            ({ file, error }) =>
              `${refusedPrefix}${truncate(shown(oneLine(refusedLine(file, error))), MAX_ERROR)}`,
          ),
        ];
  const documents = list.documents.map((entry, i) => {
    const title = truncate(shown(oneLine(entry.title) || UNTITLED_SOURCE), MAX_TITLE);
    const details = truncate(shown(oneLine(sourceDetails(entry))), MAX_TITLE);
    return `${strong(`${i + 1}. ${title}`)}\n${detailPrefix}${details}`;
  });
  return {
    heading: shown(sourcesHeading(list.documents.length, list.totalSentences)),
    rebuilt: shown(rebuiltText(list.rebuiltAt)),
    entries: [...refused, ...documents],
  };
}

/** One page of entries. */
export interface Page {
  entries: string[];
  /** The page shown, from 1 (the last one when a later page was asked for). */
  page: number;
  pages: number;
}

/**
 * The `page`-th run of `entries` packed within `limits` (the last run when `page` is past it).
 *
 * @example
 * pickPage(lines.entries, { size: (e) => e.length, maxSize: 4096, separator: 1 }, 2);
 */
export function pickPage(
  entries: readonly string[],
  limits: RunLimits<string>,
  page: number,
): Page {
  const runs = packRuns(entries, limits);
  const pages = Math.max(1, runs.length);
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  return { entries: runs[shown - 1] ?? [], page: shown, pages };
}
