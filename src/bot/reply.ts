/**
 * What the bot says, before a platform renders it: an engine answer (confident, closest
 * passages, or not found) with the id its buttons refer to, or a short text (help, notices).
 */
import type { Answer, Citation } from '../core/types.ts';
import type { SourcesList } from '../knowledge/list-sources.ts';

/** An engine answer to show, with buttons. */
export interface AnswerReply {
  kind: 'answer';
  answer: Answer;
  /** The question as the person wrote it (mention markup removed), for titles and echoes. */
  asked: string;
  /** The id the answer's buttons carry; the question log's key for it. */
  answerId: string;
}

/** A short text: help, greeting, thanks, rate limit, failure, vote acknowledgement. */
export interface TextReply {
  kind: 'text';
  text: string;
}

/** The sentences around each cited snippet, for "Show context". */
export interface ContextReply {
  kind: 'context';
  passages: ContextPassage[];
}

/** One cited snippet in its surroundings, verbatim from the document. */
export interface ContextPassage {
  /** The citation's number in the answer. */
  n: number;
  citation: Pick<Citation, 'docId' | 'title' | 'publisher' | 'date' | 'url' | 'snippet'>;
  /** Text of the document before the snippet (whole sentences), verbatim. */
  before: string;
  /** The snippet itself, verbatim. */
  snippet: string;
  /** Text of the document after the snippet (whole sentences), verbatim. */
  after: string;
}

/** The list of sources (`/sources`): each platform shows the page asked for within its limits. */
export interface SourcesReply {
  kind: 'sources';
  sources: SourcesList;
  /** The page asked for, from 1; a page past the last shows the last. */
  page: number;
  /** The platform's sources command as people type it (`/sources`), for the next-page hint. */
  command: string;
}

/** Dated events from the documents, oldest first, for `/timeline`. */
export interface TimelineReply {
  kind: 'timeline';
  /** What the person asked for: a year, words, or '' for everything. */
  query: string;
  /** The events, oldest first (platforms show as many as fit and say how many are left out). */
  events: TimelineEvent[];
}

/** One line of a timeline: the date, a short verbatim quote and its source. */
export interface TimelineEvent {
  /** ISO date, as precise as the text gives it (`2024-10-14`, `2024-10`, `2024`). */
  date: string;
  /** A short piece of the sentence that gives the date, word for word. */
  quote: string;
  /** Where the quote leaves words of its sentence out (shown as "…"). */
  cut?: { before: boolean; after: boolean };
  /** The source's publisher, else its title. */
  source: string;
  docId: string;
  url?: string;
}

/** Anything the bot replies. */
export type Reply = AnswerReply | TextReply | ContextReply | TimelineReply | SourcesReply;

/** The outcomes an answer can have, as the question log and the report name them. */
export type Outcome = 'answer' | 'unsure' | 'not-found' | 'refused';

/**
 * The outcome of an engine answer: a confident answer, closest passages, not found, or refused
 * (an empty or too long question).
 *
 * @example
 * outcomeOf({ question: 'x', answered: false, reason: 'unsure', text: '', citations: [] }); // 'unsure'
 */
export function outcomeOf(answer: Answer): Outcome {
  if (answer.answered) return 'answer';
  if (answer.reason === 'unsure') return 'unsure';
  if (answer.reason === 'not-found' || answer.reason === undefined) return 'not-found';
  return 'refused';
}

/** True when the reply should carry Helpful / Not helpful buttons (every engine answer). */
export function hasFeedback(reply: Reply): boolean {
  return reply.kind === 'answer' && outcomeOf(reply.answer) !== 'refused';
}

/** True when the reply should carry a Show context button (it quotes something). */
export function hasContext(reply: Reply): boolean {
  return reply.kind === 'answer' && hasFeedback(reply) && reply.answer.citations.length > 0;
}
