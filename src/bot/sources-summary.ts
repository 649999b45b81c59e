import type { SourceDocument } from '../core/types.ts';
import type { SourcesSummary } from './wording.ts';

/**
 * What the documents are, for the "what sources do you have?" reply: how many, their publishers
 * (most documents first, then by name) and the span of their dates.
 *
 * @example
 * summariseSources(engine.documents); // { documents: 5, publishers: ['NUHW', ...], from: '2018-12-10', to: '2024-10-14' }
 */
export function summariseSources(documents: readonly SourceDocument[]): SourcesSummary {
  const counts = new Map<string, number>();
  let from: string | undefined;
  let to: string | undefined;
  for (const d of documents) {
    const publisher = d.publisher?.trim();
    if (publisher) counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
    if (d.date) {
      if (from === undefined || d.date < from) from = d.date;
      if (to === undefined || d.date > to) to = d.date;
    }
  }
  const publishers = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
  return { documents: documents.length, publishers, ...(from && to ? { from, to } : {}) };
}
