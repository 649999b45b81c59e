import type { Answer, SourceDocument } from './types.ts';

/** Per-question options for {@link Engine.answer}. */
export interface AskOptions {
  /** Earlier questions of the same conversation, oldest first; used to make sense of short follow-ups. */
  history?: readonly string[];
}

/** The answer engine built over a set of documents. */
export interface Engine {
  /** Answers one question from the documents; never throws on user text. */
  answer(question: string, options?: AskOptions): Answer;
  /** The documents the engine was built over. */
  readonly documents: readonly SourceDocument[];
}

/** Options for {@link createEngine}. */
export interface EngineOptions {
  /** Questions longer than this (in characters) are refused. Default 500. */
  maxQuestionLength: number;
  /** Most citations per answer. Default 3. */
  maxCitations: number;
}

export const defaultEngineOptions: EngineOptions = { maxQuestionLength: 500, maxCitations: 3 };

/** Builds the engine (work in progress: implemented in the next commit). */
export function createEngine(
  documents: readonly SourceDocument[],
  options: Partial<EngineOptions> = {},
): Engine {
  void options;
  throw new Error(`engine not built yet (${documents.length} documents)`);
}
