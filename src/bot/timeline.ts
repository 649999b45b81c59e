import { formatDate } from '../core/answer/compose-layout.ts';
import type { Engine } from '../core/engine.ts';
import type { TimelineEvent, TimelineReply } from './reply.ts';

/**
 * The `/timeline` reply: the documents' dated events matching a year or words, oldest first,
 * each with its source named.
 *
 * @example
 * buildTimeline(engine, '2018').events[0] // => { date: '2018-12-10', quote: '…', source: 'The Sacramento Bee', docId: '…' }
 */
export function buildTimeline(
  engine: Pick<Engine, 'timeline' | 'documents'>,
  query: string,
): TimelineReply {
  const byId = new Map(engine.documents.map((d) => [d.id, d]));
  const events = engine.timeline(query).map((entry) => {
    const doc = byId.get(entry.docId);
    const url = doc?.url;
    return {
      date: entry.date,
      quote: entry.quote,
      ...(entry.cut ? { cut: entry.cut } : {}),
      source: doc?.publisher?.trim() || doc?.title || entry.docId,
      docId: entry.docId,
      ...(url ? { url } : {}),
    };
  });
  return { kind: 'timeline', query: query.trim(), events };
}

/**
 * One timeline line as plain text: the date as people read it, the quote (with "…" where it
 * leaves words of its sentence out) and its source. `escapeMarkup` is a platform's markup
 * escaping, applied to the quote and the source.
 *
 * @example
 * describeTimelineEvent({ date: '2019-12-16', quote: 'workers plan to go on strike', cut: { before: true, after: true }, source: 'ABC7', docId: 'a' });
 * // 'December 16, 2019 — “…workers plan to go on strike…” (ABC7)'
 */
export function describeTimelineEvent(
  event: TimelineEvent,
  escapeMarkup: (text: string) => string = (text) => text,
): string {
  const quote = `${event.cut?.before ? '…' : ''}${escapeMarkup(event.quote)}${event.cut?.after ? '…' : ''}`;
  return `${formatDate(event.date)} — “${quote}” (${escapeMarkup(event.source)})`;
}
