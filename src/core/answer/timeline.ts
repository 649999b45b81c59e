import { isStopWord, termOverlap, tokenize } from '../index/text.ts';
import type { Chunk, SourceDocument } from '../types.ts';
import type { Speaker } from './attribution.ts';
import { type DateMention, type DatePrecision, findDates } from './dates.ts';

/**
 * Dated events from the documents: a timeline of the sentences that give a date, and the
 * grouping of candidate sentences into distinct events by year ("how long did the strike last?"
 * has an answer for each strike).
 */

/** One dated event: the date, a short verbatim quote and where it comes from. */
export interface TimelineEntry {
  /** ISO date as precise as the text gives it: `2024-10-14`, `2024-10` or `2024`. */
  date: string;
  precision: DatePrecision;
  /** The words that give the date, as written ("Sept. 30", "Monday", "2015"). */
  dateText: string;
  /** A verbatim piece of the sentence around the date, at most {@link MAX_QUOTE_LENGTH} characters. */
  quote: string;
  /** Where the quote leaves words of its sentence out: before it, after it (shown as "…"). */
  cut?: { before: boolean; after: boolean };
  docId: string;
  chunkId: number;
  /** Who says it, when speakers were given. */
  speaker?: Speaker;
  /** Other documents that report the same event on the same date. */
  alsoIn?: string[];
}

/** Longest quote of a timeline entry, in characters. */
const MAX_QUOTE_LENGTH = 160;
/** A quote shorter than this takes in the next clause too, so it says what happened. */
const MIN_QUOTE_LENGTH = 40;
/** Share of the shorter sentence's terms two sentences must have in common to be one event. */
const SAME_EVENT_OVERLAP = 0.5;

const CLAUSE_MARK = /[,;:\u2014\u2013]\s/g;

/** Terms of a text for telling whether two sentences report the same thing. */
function termSet(text: string): Set<string> {
  return new Set(tokenize(text));
}

/** Where a quote lies in its sentence: `text.slice(start, end)`. */
interface QuoteSpan {
  start: number;
  end: number;
}

/** Cuts `text[start, end)` to at most `max` characters around `[from, to)`, at spaces. */
function clipAround(text: string, start: number, end: number, from: number, to: number): QuoteSpan {
  let s = start;
  let e = end;
  while (e - s > MAX_QUOTE_LENGTH) {
    // Drop a word from whichever side is further from the date.
    const nextStart = text.indexOf(' ', s) + 1;
    const previousEnd = text.lastIndexOf(' ', e - 1);
    const canStart = nextStart > 0 && nextStart <= from;
    const canEnd = previousEnd >= to;
    if (canStart && (!canEnd || from - s > e - to)) s = nextStart;
    else if (canEnd) e = previousEnd;
    else break;
  }
  // A cut quote starts at a word that means something ("workers plan ...", not "of workers").
  while (s > start) {
    const word = /^\S+/.exec(text.slice(s))?.[0] ?? '';
    const next = text.indexOf(' ', s) + 1;
    if (!isStopWord(word.toLowerCase()) || next <= 0 || next > from) break;
    s = next;
  }
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * A verbatim piece of a sentence around a date in it: the clause holding the date (and the next
 * clause when that is very short), cut at spaces to at most {@link MAX_QUOTE_LENGTH} characters.
 *
 * @example
 * quoteAround('Since 2015, the hospital added 30 beds.', 6, 10) // => 'Since 2015, the hospital added 30 beds.'
 */
export function quoteAround(text: string, from: number, to: number): string {
  const { start, end } = quoteSpan(text, from, to);
  return text.slice(start, end);
}

/** Where {@link quoteAround}'s quote lies in `text`. */
function quoteSpan(text: string, from: number, to: number): QuoteSpan {
  if (text.length <= MAX_QUOTE_LENGTH) return { start: 0, end: text.length };
  const marks = [...text.matchAll(CLAUSE_MARK)].map((m) => m.index);
  let start = 0;
  for (const mark of marks) if (mark < from) start = mark + 2;
  const after = marks.filter((mark) => mark >= to);
  let end = after[0] ?? text.length;
  for (const next of after.slice(1)) {
    if (end - start >= MIN_QUOTE_LENGTH) break;
    end = next;
  }
  if (end - start < MIN_QUOTE_LENGTH) end = text.length;
  return clipAround(text, start, end, from, to);
}

/** The most precise date of a sentence (the first of the most precise kind). */
function bestDate(mentions: readonly DateMention[]): DateMention | undefined {
  const rank: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };
  let best: DateMention | undefined;
  for (const m of mentions) if (!best || rank[m.precision] > rank[best.precision]) best = m;
  return best;
}

/**
 * The dated events of the documents, oldest first: one entry per sentence that gives a date it
 * is possible to place (dates without a year need their document's date). The same event
 * reported on the same date by several documents is one entry, with the others in `alsoIn`.
 * `speakers[i]`, when given, is the speaker of `chunks[i]`.
 *
 * @example
 * extractTimeline(documents, chunks).map((e) => `${e.date} ${e.quote}`)
 * // => ['2018-09-30 The contract expired Sept. 30.', ...]
 */
export function extractTimeline(
  documents: readonly SourceDocument[],
  chunks: readonly Chunk[],
  speakers?: readonly (Speaker | undefined)[],
): TimelineEntry[] {
  const dateOf = new Map(documents.map((d) => [d.id, d.date]));
  const entries: Array<TimelineEntry & { terms: Set<string>; position: number }> = [];
  for (const [i, chunk] of chunks.entries()) {
    if (!dateOf.has(chunk.docId)) continue;
    const mention = bestDate(findDates(chunk.text, dateOf.get(chunk.docId)));
    if (!mention) continue;
    const speaker = speakers?.[i];
    const span = quoteSpan(chunk.text, mention.index, mention.index + mention.text.length);
    const quote = chunk.text.slice(span.start, span.end);
    const cut = {
      before: /\S/.test(chunk.text.slice(0, span.start)),
      after: /\S/.test(chunk.text.slice(span.end)),
    };
    entries.push({
      date: mention.date,
      precision: mention.precision,
      dateText: mention.text,
      quote,
      ...(cut.before || cut.after ? { cut } : {}),
      docId: chunk.docId,
      chunkId: chunk.id,
      ...(speaker ? { speaker } : {}),
      terms: termSet(chunk.text),
      position: chunk.position,
    });
  }
  entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.docId.localeCompare(b.docId) || a.position - b.position,
  );
  const kept: typeof entries = [];
  for (const entry of entries) {
    const twin = kept.find(
      (k) =>
        k.date === entry.date &&
        k.docId !== entry.docId &&
        termOverlap(k.terms, entry.terms) >= SAME_EVENT_OVERLAP,
    );
    if (twin) twin.alsoIn = [...(twin.alsoIn ?? []), entry.docId];
    else kept.push(entry);
  }
  return kept.map(({ terms: _terms, position: _position, ...entry }) => entry);
}

/** A four-digit year from 1900 to 2099, as a question or a query names one. */
const NAMED_YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * The years a question or a `/timeline` query names, in order.
 *
 * @example
 * yearsNamedIn('the 2018 and 2019 strikes') // => [2018, 2019]
 */
export function yearsNamedIn(text: string): number[] {
  return [...text.matchAll(NAMED_YEAR)].map((m) => Number(m[0]));
}

/**
 * The entries a `/timeline` query asks for: a four-digit year keeps that year's entries, words
 * keep the entries whose quote holds every one of them (as index terms, so "strikes" finds
 * "strike"); both may be combined ("2018 strike"). An empty query keeps everything.
 *
 * @example
 * filterTimeline(entries, '2018 strike')
 */
export function filterTimeline(entries: readonly TimelineEntry[], query: string): TimelineEntry[] {
  const years = yearsNamedIn(query);
  const terms = tokenize(query.replace(NAMED_YEAR, ' '));
  return entries.filter((entry) => {
    if (years.length > 0 && !years.some((y) => entry.date.startsWith(String(y)))) return false;
    const quoteTerms = termSet(entry.quote);
    return terms.every((t) => quoteTerms.has(t));
  });
}

/** Candidate sentences that describe one event. */
export interface EventCluster<T extends { chunk: Chunk }> {
  /** The event's year, when its sentences or their documents give one. */
  year?: number;
  /** The most precise date known for it (ISO, possibly partial). */
  date?: string;
  /** Its candidates, in the order given (best first). */
  members: T[];
}

/** The date of the event a sentence tells: its own first placeable date, else its document's. */
function eventDate(chunk: Chunk, documentDate: string | undefined): string | undefined {
  return findDates(chunk.text, documentDate)[0]?.date ?? documentDate;
}

/**
 * Groups candidate sentences into distinct events: by year when the sentence or its document
 * gives one; sentences of undated documents join another undated group that tells the same
 * thing (most of the shorter one's terms in common), else make their own. Newest first, groups
 * with no year last, in the order of their best candidate. `dateOf` gives a document's date.
 *
 * @example
 * clusterEvents(candidates, (id) => docById.get(id)?.date).map((c) => c.year) // => [2024, 2018, undefined]
 */
export function clusterEvents<T extends { chunk: Chunk }>(
  candidates: readonly T[],
  dateOf: (docId: string) => string | undefined,
): EventCluster<T>[] {
  const dated = new Map<number, EventCluster<T>>();
  const undated: Array<EventCluster<T> & { terms: Set<string> }> = [];
  for (const candidate of candidates) {
    const date = eventDate(candidate.chunk, dateOf(candidate.chunk.docId));
    if (date !== undefined) {
      const year = Number(date.slice(0, 4));
      const cluster = dated.get(year);
      if (!cluster) dated.set(year, { year, date, members: [candidate] });
      else {
        cluster.members.push(candidate);
        if (date.length > (cluster.date?.length ?? 0)) cluster.date = date;
      }
      continue;
    }
    const terms = termSet(candidate.chunk.text);
    const same = undated.find((c) => termOverlap(c.terms, terms) >= SAME_EVENT_OVERLAP);
    if (same) same.members.push(candidate);
    else undated.push({ members: [candidate], terms });
  }
  const byYear = [...dated.values()].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  return [...byYear, ...undated.map(({ terms: _terms, ...cluster }) => cluster)];
}
