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
  /**
   * What kind of document it is, from the front matter `type` (`news`, `press-release`,
   * `statement`...): in a press release the publisher speaks in its own voice.
   */
  kind?: string;
}

/** Who makes the claim of a sentence, as the text says it. */
export interface Speaker {
  /** The person or organisation as the text names them ("Jane Doe", "union officials"). */
  name?: string;
  /** The person's role as the text gives it ("president of the nurses' union"). */
  role?: string;
  /**
   * A side id of the domain profile (`union`, `employer`...), `reporter` when the document says
   * it in its own voice as a news report, or `unknown` when nobody can be named for it.
   */
  side: string;
}

/** The speaker of a cited sentence, with the label users see for their side. */
export interface CitedSpeaker extends Speaker {
  /** The side's label from the domain profile ("Guild (NNG)", "Hospital", "Reporter"). */
  label: string;
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
  /** Who makes the claim the snippet quotes. */
  speaker?: CitedSpeaker;
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

/**
 * How an answer's citations were chosen, when not simply best first:
 * - `both-sides`: the question is in dispute; the citations hold the strongest claim of each side
 *   (after the best passage when that is a voice of neither side, such as the reporter's), and
 *   the text says the sides disagree.
 * - `newest-first`: the question asks how things stand now; the newest documents that answer it
 *   come first, each side's claim among them when it is in dispute, and the text says how recent
 *   they are.
 * - `by-event`: the question matches several events in different years; one quote per event,
 *   newest first, each with its year.
 * - `sides-after`: closest passages best first, then a side's claim on the question that is not
 *   among them, labelled; no dispute is claimed (the model rates the claim low).
 */
export type AnswerLayout = 'both-sides' | 'newest-first' | 'by-event' | 'sides-after';

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
  /** Set when the citations are arranged by side, recency or event rather than best first. */
  layout?: AnswerLayout;
  /** With the `by-event` layout: the year of the event each citation tells of (parallel to `citations`). */
  eventYears?: number[];
  /**
   * With `unsure`: the question's words that no document uses in any way (at most three), as the
   * question writes them ("parking"); the closest passages cannot speak to those.
   */
  unmentioned?: string[];
}
