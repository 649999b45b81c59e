/**
 * "Show context": the sentences around each cited snippet, copied verbatim from its document,
 * so a reader can judge a quote in its surroundings.
 */
import type { Chunk, Citation, SourceDocument } from '../core/types.ts';
import type { ContextPassage } from './reply.ts';

/** Sentences shown before and after each snippet. */
const CONTEXT_SENTENCES = 2;

/** The fields of a citation the context needs (the question log stores exactly these). */
export type CitedSnippet = Pick<
  Citation,
  'n' | 'docId' | 'title' | 'publisher' | 'date' | 'url' | 'snippet'
>;

/** The engine's documents and chunks, as {@link findContext} reads them. */
export interface ContextSource {
  readonly documents: readonly SourceDocument[];
  readonly chunks: readonly Chunk[];
}

const chunksByDoc = new WeakMap<readonly Chunk[], Map<string, Chunk[]>>();

/** Each document's chunks in body order, computed once per chunk table. */
function documentChunks(chunks: readonly Chunk[]): Map<string, Chunk[]> {
  let byDoc = chunksByDoc.get(chunks);
  if (!byDoc) {
    byDoc = new Map();
    for (const chunk of chunks) {
      const list = byDoc.get(chunk.docId) ?? [];
      list.push(chunk);
      byDoc.set(chunk.docId, list);
    }
    for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start);
    chunksByDoc.set(chunks, byDoc);
  }
  return byDoc;
}

/**
 * The passage around one cited snippet: up to `sentences` whole sentences (chunks) before and
 * after it in its document, verbatim. Undefined when the document or the snippet is no longer
 * in the knowledge (the folder changed since the answer).
 *
 * @example
 * const passage = findContext(engine, answer.citations[0]);
 * passage && `${passage.before}${passage.snippet}${passage.after}`; // a verbatim slice of the body
 */
export function findContext(
  source: ContextSource,
  citation: CitedSnippet,
  sentences = CONTEXT_SENTENCES,
): ContextPassage | undefined {
  const document = source.documents.find((d) => d.id === citation.docId);
  if (!document) return undefined;
  const start = document.body.indexOf(citation.snippet);
  if (start === -1) return undefined;
  const end = start + citation.snippet.length;
  const chunks = documentChunks(source.chunks).get(document.id) ?? [];
  const first = chunks.findIndex((c) => c.end > start);
  let last = first;
  while (last + 1 < chunks.length && (chunks[last + 1] as Chunk).start < end) last += 1;
  const from = first === -1 ? start : (chunks[Math.max(0, first - sentences)] as Chunk).start;
  const to =
    first === -1 ? end : (chunks[Math.min(chunks.length - 1, last + sentences)] as Chunk).end;
  const { n, docId, title, publisher, date, url, snippet } = citation;
  return {
    n,
    citation: { docId, title, publisher, date, url, snippet },
    before: document.body.slice(Math.min(from, start), start),
    snippet: citation.snippet,
    after: document.body.slice(end, Math.max(to, end)),
  };
}
