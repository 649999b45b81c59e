import type { Corpus } from '../index/corpus.ts';
import type { Asked } from '../question/answer-type.ts';
import type { AnswerLayout, Citation } from '../types.ts';
import { arrangePassages } from './arrange.ts';
import { composeAnswerText } from './compose.ts';
import { composeBothSidesText, composeEventsText, composeNewestText } from './compose-layout.ts';
import type { ScoredCandidate } from './decide.ts';
import { citePassage, collectPassages } from './passages.ts';
import type { SideMatcher } from './side-matcher.ts';
import { labelSide, type SidesProfile } from './sides-profile.ts';
import type { SpeakerLookup } from './speakers.ts';
import { yearsNamedIn } from './timeline.ts';

/**
 * Builds the quoted part of an answer from a ranked candidate list: which passages, in what
 * order, each citation with its speaker and date, and the answer text for the arrangement.
 */

/**
 * A good candidate has at least this share of the best candidate's probability: the newest
 * documents answering a question about the present, and the first side's claim when a voice of
 * neither side leads a disputed answer, are looked for among these. The ranker's probabilities
 * are sharp: on the training questions (test/eval/train.jsonl) whose best candidate is right,
 * the other candidates that are right too have a median share of 0.026 (a quarter of them under
 * 0.004), so a candidate at this share is as good as a typical second right answer.
 */
const GOOD_SHARE = 0.025;
/** A question that asks for one source's account of something. */
const ONE_SOURCE = /\baccording to\b/i;

/** What composing reads of the engine. */
export interface ComposeContext {
  corpus: Pick<Corpus, 'chunks' | 'docById' | 'newest'>;
  speakerOf: SpeakerLookup;
  sides: SidesProfile;
  /** The sides' names found in a question (see `SideMatcher.sidesNamedIn`). */
  matcher: Pick<SideMatcher, 'sidesNamedIn'>;
}

/** Settings of one answer. */
export interface ComposeOptions {
  /** Most citations. */
  maxCitations: number;
  /** Share of the best probability a passage needs to answer the question (see `arrangePassages`). */
  answerShare: number;
  /**
   * True for a confident answer (passages that answer only, and an answer text); false for the
   * closest passages, which fill up to `maxCitations` and take their text from the caller.
   */
  confident: boolean;
  /** What the question asks for (see `askedOf`). */
  asks: Asked;
  /** True when the question asks how things stand now (the engine reads it in `temporal-intent.ts`). */
  present: boolean;
}

/** The quoted part of an answer. */
export interface ComposedAnswer {
  /** The answer text (empty when not `confident`). */
  text: string;
  citations: Citation[];
  layout?: AnswerLayout;
  /** With the `by-event` layout, each citation's event year. */
  eventYears?: number[];
}

/**
 * Chooses, orders and cites the passages for a question from its ranked candidates (best first)
 * and words the answer: best first, both sides of a dispute, newest first for a question about
 * the present, or one quote per event.
 *
 * @example
 * composeAnswer('Is the ferry still running?', ranked, context, { maxCitations: 3, answerShare: 0.25, confident: true, asks: 'account', present: true })
 * // => { layout: 'newest-first', text: 'The newest document that answers this is from ...', citations: [...] }
 */
export function composeAnswer(
  question: string,
  ranked: readonly ScoredCandidate[],
  context: ComposeContext,
  options: ComposeOptions,
): ComposedAnswer {
  const { corpus, speakerOf, sides } = context;
  const disputants = sides.disputants ?? sides.sides.map((s) => s.id);
  // A question that names parties, none of them a disputant, is about them ("will the board
  // inspect the wards?"), not about what the sides dispute.
  const named = context.matcher.sidesNamedIn(question);
  const aboutOthers = named.length > 0 && named.every((side) => !disputants.includes(side));
  // Every candidate may be quoted: arranging decides which (the other side's claim on an open
  // question may be any of them); closest passages fill up.
  const pool = collectPassages(ranked, corpus);
  const arranged = arrangePassages(
    pool,
    {
      present: options.present,
      years: yearsNamedIn(question),
      noDispute: ONE_SOURCE.test(question) || aboutOthers,
      asks: options.asks,
    },
    { speakerOf, dateOf: (id) => corpus.docById.get(id)?.date },
    {
      maxCitations: options.maxCitations,
      answerShare: options.answerShare,
      goodShare: GOOD_SHARE,
      fill: !options.confident,
      disputants,
    },
  );
  const citations = arranged.passages.map((passage, i) => {
    const { speaker } = speakerOf(passage.chunk);
    return citePassage(passage, i + 1, { ...speaker, label: labelSide(sides, speaker.side) });
  });
  const { layout } = arranged;
  const withLayout = {
    ...(layout ? { layout } : {}),
    ...(layout === 'by-event' && arranged.years ? { eventYears: arranged.years } : {}),
  };
  if (!options.confident) return { text: '', citations, ...withLayout };
  let text: string;
  if (layout === 'both-sides') text = composeBothSidesText(citations);
  else if (layout === 'newest-first')
    text = composeNewestText(citations, corpus.newest(1)[0]?.date);
  else if (layout === 'by-event') text = composeEventsText(citations, arranged.years ?? []);
  else text = composeAnswerText(citations, corpus.docById);
  return { text, citations, ...withLayout };
}
