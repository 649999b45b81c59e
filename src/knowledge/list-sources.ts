/**
 * The data of `/sources`: the documents newest first with their title, publisher, date and
 * sentence count, when the index was last rebuilt, and the files refused now with their error.
 * Pure: each surface (Discord, Slack, console) renders it within its own limits.
 */
import type { KnowledgeState } from './knowledge-source.ts';

/** One document as `/sources` lists it. */
export interface SourceEntry {
  id: string;
  title: string;
  publisher?: string;
  /** ISO date, when the document has one. */
  date?: string;
  /** Chunks (sentences, list items, headings) the document gives the index. */
  sentences: number;
}

/** Everything `/sources` shows. */
export interface SourcesList {
  /** Dated documents newest first, then undated ones by title. */
  documents: SourceEntry[];
  /** Chunks over all documents. */
  totalSentences: number;
  /** When the index serving now was built or loaded (ISO time). */
  rebuiltAt: string;
  /** Files that fail to load, with the error naming the line at fault. */
  refused: { file: string; error: string }[];
}

/**
 * Lists the sources of the knowledge state.
 *
 * @example
 * listSources(holder.state()).documents[0]; // { id: '2025-05-09-…', title: '…', date: '2025-05-09', sentences: 14 }
 */
export function listSources(state: KnowledgeState): SourcesList {
  const documents = state.documents.map((document) => {
    const entry: SourceEntry = {
      id: document.id,
      title: document.title,
      sentences: state.sentences.get(document.id) ?? 0,
    };
    if (document.publisher !== undefined) entry.publisher = document.publisher;
    if (document.date !== undefined) entry.date = document.date;
    return entry;
  });
  documents.sort((a, b) => {
    if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
    if (a.date && !b.date) return -1;
    if (!a.date && b.date) return 1;
    return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1);
  });
  return {
    documents,
    totalSentences: documents.reduce((sum, d) => sum + d.sentences, 0),
    rebuiltAt: state.rebuiltAt.toISOString(),
    refused: state.refused.map(({ file, error }) => ({ file, error })),
  };
}
