/**
 * Plain data shared by the engine, the knowledge loader and every adapter.
 * Nothing here does I/O; adapters render an {@link Answer} into their platform's message.
 */

/** One source document, as the knowledge loader hands it to the engine. */
export interface SourceDocument {
  /** Stable id, derived from the file name (e.g. `2024-10-14-harbor-ferry-launch`). */
  id: string;
  /** Headline of the article or press release. */
  title: string;
  /** Outlet or organisation that published it, when the document says so. */
  publisher?: string;
  /** Publication date, ISO `YYYY-MM-DD`, when the document says so. */
  date?: string;
  /** Canonical URL of the original, when known. */
  url?: string;
  /** Body text with page clutter removed; snippets are verbatim substrings of it. */
  body: string;
}

/** A sentence-level (or bullet/heading-level) piece of a document body. */
export interface Chunk {
  /** Index of the chunk in the engine's chunk table. */
  id: number;
  /** Id of the document the chunk comes from. */
  docId: string;
  /** Position of the chunk within its document (0-based). */
  position: number;
  /** Paragraph number within the document (0-based); bullets of one list share a paragraph. */
  paragraph: number;
  /** Character offset of the chunk's first character in the document body. */
  start: number;
  /** Character offset just past the chunk's last character in the document body. */
  end: number;
  /** The chunk's text, exactly `body.slice(start, end)`. */
  text: string;
  /** What kind of line the chunk is: running text, a list item or a heading. */
  kind: 'sentence' | 'bullet' | 'heading';
}

/** One numbered source quoted by an answer. */
export interface Citation {
  /** 1-based number the answer text refers to as `[n]`. */
  n: number;
  docId: string;
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
  /** 1 to 3 consecutive sentences, at most 500 characters, copied verbatim from the body. */
  snippet: string;
  /** Relevance score after reranking (higher is better; comparable within one answer only). */
  score: number;
}

/**
 * Why no confident answer was given; `undefined` when `answered` is true.
 * - `unsure`: the engine is not sure the documents answer the question; `citations` holds the
 *   passages that come closest (up to three), and adapters must render them visibly differently
 *   from a confident answer ("I'm not sure the documents answer this exactly; these passages
 *   come closest:").
 * - `not-found`: nothing close; `text` says what the documents do cover; `citations` is empty.
 * - `empty` / `too-long`: the question itself was refused.
 */
export type AbstainReason = 'empty' | 'too-long' | 'not-found' | 'unsure';

/** The engine's reply to one question: the one model every adapter renders. */
export interface Answer {
  /** The question as asked (trimmed; cut to the length limit when it was over it). */
  question: string;
  /** True when the documents answer the question and `citations` holds the evidence. */
  answered: boolean;
  /** Plain-text answer (no platform markup) that refers to citations as `[1]`, `[2]`... */
  text: string;
  /**
   * Best first. When `answered` is true, the evidence; when `reason` is `unsure`, the closest
   * passages; otherwise empty.
   */
  citations: Citation[];
  /** Set when `answered` is false. */
  reason?: AbstainReason;
}
