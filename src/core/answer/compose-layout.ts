import { MONTHS } from '../index/text.ts';
import type { Citation } from '../types.ts';
import { attributeSnippet } from './speaker-label.ts';

/**
 * The plain-text answers of arranged citations: both sides of a dispute, the newest documents
 * first, or one quote per event. Each quote names its speaker and its citation number.
 */

/**
 * An ISO date as people read it: `2025-05-08` → "May 8, 2025", `2024-10` → "October 2024",
 * `2024` → "2024"; anything else as it is.
 *
 * @example
 * formatDate('2025-05-08') // => 'May 8, 2025'
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (!name) return year as string;
  return day ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`;
}

/** One quote line: who says it, the snippet, the citation number. */
function quoteLine(citation: Citation): string {
  return `${attributeSnippet(citation.snippet, citation.speaker, citation.publisher)} [${citation.n}]`;
}

/**
 * Both sides of a disputed question: says the sides disagree, then each side's claim, labelled.
 *
 * @example
 * composeBothSidesText(citations)
 * // => 'The sides disagree on this.\nGuild: “…” [1]\nHospital: “…” [2]'
 */
export function composeBothSidesText(citations: readonly Citation[]): string {
  return ['The sides disagree on this.', ...citations.map(quoteLine)].join('\n');
}

/**
 * A question about the present: how recent the newest answering document is, its quote, the
 * older ones' dates, and the date of the newest document of all when that one is newer still.
 *
 * @example
 * composeNewestText(citations, '2025-05-09')
 * // => 'The newest document that answers this is from May 8, 2025 (KPBS):\nReporter (KPBS): … [1]\nOlder: [2] February 7, 2025.\nMy newest document is from May 9, 2025.'
 */
export function composeNewestText(citations: readonly Citation[], newestDate?: string): string {
  const [first, ...rest] = citations;
  if (!first) return '';
  const from = first.date
    ? `is from ${formatDate(first.date)}${first.publisher ? ` (${first.publisher})` : ''}`
    : 'is undated';
  const lines = [`The newest document that answers this ${from}:`, quoteLine(first)];
  if (rest.length > 0) {
    const older = rest.map((c) => `[${c.n}] ${c.date ? formatDate(c.date) : 'undated'}`);
    lines.push(`Older: ${older.join('; ')}.`);
  }
  if (newestDate && (!first.date || newestDate > first.date)) {
    lines.push(`My newest document is from ${formatDate(newestDate)}.`);
  }
  return lines.join('\n');
}

/**
 * A question that matches several events: says how many, then one quote per event, newest first,
 * each with its year (`years` parallel to `citations`).
 *
 * @example
 * composeEventsText(citations, [2025, 2022])
 * // => 'The documents tell of 2 such events, newest first:\n2025 — Reporter (KPBS): … [1]\n2022 — …'
 */
export function composeEventsText(
  citations: readonly Citation[],
  years: readonly number[],
): string {
  const lines = citations.map((c, i) => `${years[i] ?? 'Undated'} — ${quoteLine(c)}`);
  return [`The documents tell of ${citations.length} such events, newest first:`, ...lines].join(
    '\n',
  );
}
