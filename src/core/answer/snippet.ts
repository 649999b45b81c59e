import type { Chunk, SourceDocument } from '../types.ts';

/** Longest snippet, in characters. */
const MAX_SNIPPET_LENGTH = 500;

/** Verbs that name who is speaking ("Ortiz said", "according to the council"). */
const ATTRIBUTION =
  /\b(?:said|says|stated|told|added|continued|wrote|according to|explained|noted)\b/i;
const OPENING_QUOTE = /^["“]/;
const CLOSING_QUOTE = /["”]$/;

/** A quoted piece of the body: one to three consecutive chunks. */
export interface Snippet {
  /** Verbatim text of the body from the first chunk's start to the last chunk's end. */
  text: string;
  /** Ids of the chunks it spans, in order. */
  chunkIds: number[];
}

/** True for a sentence that is (part of) a quotation with no speaker named in it. */
function isUnattributedQuote(chunk: Chunk): boolean {
  const quoted = OPENING_QUOTE.test(chunk.text) || CLOSING_QUOTE.test(chunk.text);
  return quoted && !ATTRIBUTION.test(chunk.text);
}

function sameParagraph(a: Chunk | undefined, b: Chunk): a is Chunk {
  return a !== undefined && a.docId === b.docId && a.paragraph === b.paragraph;
}

/** Cuts an over-long sentence at the last word boundary that fits, keeping it verbatim. */
function clip(text: string): string {
  if (text.length <= MAX_SNIPPET_LENGTH) return text;
  const cut = text.slice(0, MAX_SNIPPET_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > MAX_SNIPPET_LENGTH / 2 ? cut.slice(0, space) : cut;
}

/**
 * The snippet quoted for a chunk: the sentence itself, joined with the neighbouring sentence that
 * names the speaker when the sentence is an unattributed quotation, or followed by the items of
 * the list it introduces. Always a verbatim substring of
 * the document body, at most {@link MAX_SNIPPET_LENGTH} characters.
 *
 * @example
 * buildSnippet(chunks, chunks[3], docs).text // => '“That’s ...,” Land-Ariizumi said. “You delay care ...”'
 */
export function buildSnippet(
  chunks: readonly Chunk[],
  chunk: Chunk,
  docById: ReadonlyMap<string, SourceDocument>,
): Snippet {
  const body = docById.get(chunk.docId)?.body ?? chunk.text;
  let first = chunk;
  let last = chunk;
  if (isUnattributedQuote(chunk)) {
    const prev = chunks[chunk.id - 1];
    const next = chunks[chunk.id + 1];
    // The speaker is named after the quote ("... ,” Ortiz said.") or before a continued quote.
    if (
      sameParagraph(next, chunk) &&
      ATTRIBUTION.test(next.text) &&
      !OPENING_QUOTE.test(next.text)
    ) {
      last = next;
    } else if (sameParagraph(prev, chunk) && ATTRIBUTION.test(prev.text)) {
      first = prev;
    } else if (sameParagraph(next, chunk) && ATTRIBUTION.test(next.text)) {
      last = next;
    }
  }
  // A sentence that introduces a list ("... at the following locations:") is quoted with its items.
  if (/:\s*$/.test(chunk.text)) {
    let next = chunks[last.id + 1];
    while (
      next &&
      next.docId === chunk.docId &&
      next.kind === 'bullet' &&
      next.end - first.start <= MAX_SNIPPET_LENGTH
    ) {
      last = next;
      next = chunks[last.id + 1];
    }
  }
  const joined = body.slice(first.start, last.end);
  if (joined.length <= MAX_SNIPPET_LENGTH) {
    const ids: number[] = [];
    for (let id = first.id; id <= last.id; id++) ids.push(id);
    return { text: joined, chunkIds: ids };
  }
  return { text: clip(chunk.text), chunkIds: [chunk.id] };
}
