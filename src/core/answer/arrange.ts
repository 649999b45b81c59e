import type { Asked } from '../question/answer-type.ts';
import type { AnswerLayout, Chunk } from '../types.ts';
import type { Attribution } from './attribution.ts';
import { saySameThing } from './compose.ts';
import type { Passage } from './passages.ts';
import { clusterEvents } from './timeline.ts';

/**
 * Which passages an answer quotes, and in what order. Best first, unless the question asks how
 * things stand now (the newest documents that answer it first), is in dispute (the strongest
 * claim of each side) or matches several events in different years (one quote per event, newest
 * first). The ranking decides what answers the question: only passages the model rates well
 * enough against the best (see {@link ArrangeOptions}) may be quoted or moved ahead, except the
 * other side's claim on an open question.
 */

/** What the arrangement knows of the question. */
export interface ArrangeQuestion {
  /** The question asks about the present ("is the strike still on?"). */
  present: boolean;
  /** The years the question names ("in 2022"): it is about one event, of one of those years. */
  years: readonly number[];
  /**
   * No second side is set against the first: the question asks for one source's account
   * ("according to the hospital, ...") or is about a party of neither side ("will the board
   * inspect the wards?").
   */
  noDispute: boolean;
  /** What the question asks for: an account, an amount, a date or another fact. */
  asks: Asked;
}

/** Settings of {@link arrangePassages}. */
export interface ArrangeOptions {
  /** Most passages quoted. */
  maxCitations: number;
  /**
   * A passage is quoted in a confident answer when its probability is at least this share of the
   * best's (a confident answer tells several events only from such passages).
   */
  answerShare: number;
  /**
   * A passage is a good candidate when its probability is at least this share of the best's: the
   * newest documents that answer a question about the present are found among these, and so is
   * the first side's claim in a confident answer that a voice of neither side leads (on a question
   * for an amount it needs `answerShare`), and, for a question asking for an amount or a date, the
   * passages that tell each event's. Among closest passages the first side's claim, and on a
   * question asking for an account the other side's, may be any passage, but the sides are said
   * to disagree only when both claims are good candidates.
   */
  goodShare: number;
  /** Fill the answer up to `maxCitations` with the next-best passages (closest passages). */
  fill: boolean;
  /** Side ids whose claims are set against each other (`union`, `employer`). */
  disputants: readonly string[];
}

/** What the arrangement reads of the corpus. */
export interface ArrangeContext {
  /** The speaker of a chunk. */
  speakerOf(chunk: Chunk): Attribution;
  /** A document's date (ISO), if it has one. */
  dateOf(docId: string): string | undefined;
}

/** The chosen passages, in the order they are quoted. */
export interface Arranged {
  passages: Passage[];
  layout?: AnswerLayout;
  /** For `by-event`, each passage's event year (parallel to `passages`). */
  years?: number[];
}

/**
 * The best passage of each document, the newest documents first; undated documents after the
 * dated ones, in ranking order.
 */
function newestDocumentsFirst(passages: readonly Passage[]): Passage[] {
  const byDocument = new Map<string, Passage>();
  for (const p of passages) if (!byDocument.has(p.doc.id)) byDocument.set(p.doc.id, p);
  return [...byDocument.values()]
    .map((passage, i) => ({ passage, i }))
    .sort((a, b) => {
      const x = a.passage.doc.date ?? '';
      const y = b.passage.doc.date ?? '';
      return x === y ? a.i - b.i : x < y ? 1 : -1;
    })
    .map(({ passage }) => passage);
}

/** The side whose claim a passage is. */
function sideOf(context: ArrangeContext, passage: Passage): string {
  return context.speakerOf(passage.chunk).speaker.side;
}

/**
 * True when a passage may speak of the years a question names: its document is dated in one of
 * them, is undated, or the passage names one ("in 2022" is not answered by a claim published
 * in 2025 about another strike).
 */
function fitsYears(passage: Passage, years: readonly number[]): boolean {
  if (years.length === 0) return true;
  const dated = passage.doc.date;
  if (!dated || years.includes(Number(dated.slice(0, 4)))) return true;
  return years.some((year) => passage.snippet.text.includes(String(year)));
}

/** The first passages of `order`, then (when filling) the pool's next best, up to `max`. */
function take(order: readonly Passage[], pool: readonly Passage[], o: ArrangeOptions): Passage[] {
  const chosen = order.slice(0, o.maxCitations);
  if (!o.fill) return chosen;
  for (const passage of pool) {
    if (chosen.length >= o.maxCitations) break;
    if (!chosen.includes(passage)) chosen.push(passage);
  }
  return chosen;
}

/**
 * The strongest claim of a side opposed to the lead passage's: the best passage of the pool
 * whose speaker is another disputant, that the model rates at least `floor`, and
 * that does not say the same as the lead (sides that agree are not in dispute). On a question
 * for an amount, two claims dispute it only if both state one (two figures for "how long do
 * patients wait?"); a claim with no figure does not answer "how long?".
 */
function findOtherSide(
  lead: Passage,
  pool: readonly Passage[],
  floor: number,
  amount: boolean,
  speaksTo: (passage: Passage) => boolean,
  context: ArrangeContext,
  disputants: readonly string[],
): Passage | undefined {
  const side = sideOf(context, lead);
  if (!disputants.includes(side) || (amount && !lead.holdsAnswerType)) return undefined;
  for (const passage of pool) {
    if (passage.probability < floor) break;
    if ((amount && !passage.holdsAnswerType) || !speaksTo(passage)) continue;
    const other = sideOf(context, passage);
    if (other === side || !disputants.includes(other)) continue;
    if (lead.sameClaim.includes(passage.chunk.id)) continue;
    if (saySameThing(lead.snippet.text, passage.snippet.text)) continue;
    return passage;
  }
  return undefined;
}

/**
 * The claims of two sides on the question: the first disputant's claim (the lead itself, or, when
 * the lead is a voice of neither side, such as the reporter's, the best disputant claim that is a
 * good candidate, or on a question for an amount one that could be quoted as an answer) and the
 * other side's strongest (see {@link findOtherSide}), which may be any candidate on a question
 * asking for an account: a side's claim is often worded far from the question ("slow walking"
 * for "dragging out").
 */
function findDispute(
  lead: Passage,
  candidates: readonly Passage[],
  best: number,
  amount: boolean,
  speaksTo: (passage: Passage) => boolean,
  context: ArrangeContext,
  o: ArrangeOptions,
): [Passage, Passage] | undefined {
  // Closest passages may quote any claim that speaks to the question, as the other side's may be.
  const share = amount ? o.answerShare : o.fill ? 0 : o.goodShare;
  const disputant = (p: Passage) => o.disputants.includes(sideOf(context, p)) && speaksTo(p);
  const claim = disputant(lead)
    ? lead
    : candidates.find(
        (p) => p.probability >= best * share && disputant(p) && (!amount || p.holdsAnswerType),
      );
  if (!claim) return undefined;
  const otherFloor = amount ? best * o.answerShare : 0;
  const other = findOtherSide(
    claim,
    candidates,
    otherFloor,
    amount,
    speaksTo,
    context,
    o.disputants,
  );
  return other ? [claim, other] : undefined;
}

/**
 * `shown`, then each claim not among it: the passages best first keep their places (a claim the
 * model rates low does not push out a closer passage), and each side's claim is quoted after them.
 */
function includeClaims(shown: readonly Passage[], claims: readonly Passage[]): Passage[] {
  return [...shown, ...claims.filter((claim) => !shown.includes(claim))];
}

/**
 * The passages of a dispute: filling, the closest passages best first, then either claim not
 * among them; else the lead, both claims, then voices of neither side (never a second quote of one side).
 */
function bothSides(
  lead: Passage,
  claims: readonly Passage[],
  order: readonly Passage[],
  pool: readonly Passage[],
  context: ArrangeContext,
  o: ArrangeOptions,
): Passage[] {
  if (o.fill) return includeClaims(take(order, pool, o), claims);
  const sides = new Set(claims.map((p) => sideOf(context, p)));
  const head = [...new Set([lead, ...claims])];
  const rest = order.filter((p) => !head.includes(p) && !sides.has(sideOf(context, p)));
  return [...head, ...rest].slice(0, Math.max(o.maxCitations, head.length));
}

/**
 * Chooses and orders the passages an answer quotes. `pool` is the ranked passages, best first.
 *
 * @example
 * arrangePassages(pool, { present: false, years: [], noDispute: false, asks: 'account' }, context, options)
 * // => { layout: 'both-sides', passages: [guildClaim, hospitalClaim] }
 */
export function arrangePassages(
  pool: readonly Passage[],
  question: ArrangeQuestion,
  context: ArrangeContext,
  o: ArrangeOptions,
): Arranged {
  const best = pool[0]?.probability ?? 0;
  const answers = pool.filter((p) => p.probability >= best * o.answerShare);
  let order = answers;
  let layout: AnswerLayout | undefined;
  if (question.present) {
    const newest = newestDocumentsFirst(pool.filter((p) => p.probability >= best * o.goodShare));
    if (newest[0]?.doc.date) {
      order = newest;
      layout = 'newest-first';
    }
  }
  const lead = order[0];
  if (!lead) return { passages: [] };

  // Sides dispute accounts and amounts, not a date, a name, a place or what an abbreviation
  // stands for. A side's claim must speak to the question: hold one of its words (the closest
  // passages to a question about something else, found by a synonym or a near spelling, are no
  // side's answer to it), and fit the years it names.
  const speaksTo = (p: Passage) => p.echoes && fitsYears(p, question.years);
  const dispute =
    question.noDispute || (question.asks !== 'account' && question.asks !== 'amount')
      ? undefined
      : findDispute(lead, pool, best, question.asks === 'amount', speaksTo, context, o);
  // The sides disagree when both claims are good candidates. A claim the model rates lower is
  // shown only among closest passages, labelled, with no dispute claimed: on a question the model
  // answers with confidence it is no second answer ("is there another bargaining session
  // Friday?").
  const disagree = dispute?.every((claim) => claim.probability >= best * o.goodShare) ?? false;
  const shownClaims = dispute && (disagree || o.fill) ? dispute : [];
  // A question about now asks how things stand: the newest documents first, each side's claim
  // among them.
  if (question.present && layout) {
    return { passages: includeClaims(take(order, pool, o), shownClaims), layout };
  }
  if (dispute && disagree) {
    return { layout: 'both-sides', passages: bothSides(lead, dispute, order, pool, context, o) };
  }
  if (shownClaims.length > 0) {
    const closest = take(order, pool, o);
    const passages = includeClaims(closest, shownClaims);
    return passages.length > closest.length ? { passages, layout: 'sides-after' } : { passages };
  }

  if (!question.present && question.years.length === 0) {
    // On a question for an amount or a date, a passage stating one ("10 weeks" for "how long?")
    // answers for its event even when the model rates another event's far higher.
    const told =
      question.asks === 'amount' || question.asks === 'date'
        ? pool.filter((p) => p.probability >= best * o.goodShare && p.holdsAnswerType)
        : answers;
    const clusters = clusterEvents(told, context.dateOf).filter((c) => c.year !== undefined);
    // Events the question tells apart are not several answers to it: an event counts only with
    // a passage expressing every concept that the best event's passage expresses ("the Harbor
    // strike" leaves out the other strikes).
    const reference = clusters
      .map((c) => c.members[0] as Passage)
      .reduce<Passage | undefined>(
        (a, b) => (a && a.probability >= b.probability ? a : b),
        undefined,
      );
    const asked = (p: Passage) =>
      reference?.expresses.every((e, i) => !e || p.expresses[i]) ?? true;
    const events = clusters.flatMap((c) => {
      const teller = c.members.find(asked);
      return teller ? [{ year: c.year as number, passage: teller }] : [];
    });
    if (events.length >= 2) {
      const shown = events.slice(0, o.maxCitations);
      return {
        layout: 'by-event',
        passages: shown.map((e) => e.passage),
        years: shown.map((e) => e.year),
      };
    }
  }
  return { passages: take(order, pool, o), ...(layout ? { layout } : {}) };
}
