import { z } from 'zod';
import type { Engine } from '../core/engine.ts';
import { StrikebotError } from '../core/errors.ts';
import { normalizeText } from '../core/index/text.ts';
import type { Answer, Citation } from '../core/types.ts';

/**
 * Scores answers on a contested question set: for questions in dispute, whether the answer
 * quotes each side's claim labelled with that side; for factual questions, that no second side
 * is invented (the answer is not set out as a dispute).
 */

const span = z.string().min(1);
const contestedRow = z.object({
  id: z.string(),
  question: z.string().min(1),
  kind: z.literal('contested'),
  topic: z.string().optional(),
  /** Per side id, verbatim spans of that side's claims (each in a sentence the side says). */
  sides_any: z.record(z.string(), z.array(span).min(1)),
});
const factualRow = z.object({
  id: z.string(),
  question: z.string().min(1),
  kind: z.literal('factual'),
  topic: z.string().optional(),
  answer_any: z.array(span).min(1),
});
const rowSchema = z.union([contestedRow, factualRow]);

/** One row of a contested question set. */
export type SidesQuestion = z.infer<typeof rowSchema>;

const handLabelsSchema = z.object({
  documents: z.record(
    z.string(),
    z.array(z.object({ text: z.string().min(1), side: z.string().min(1) }).passthrough()),
  ),
});

/** Sides labelled by hand: per document id, each sentence's text and the side that says it. */
export type HandLabels = ReadonlyMap<string, readonly { text: string; side: string }[]>;

/**
 * Parses a file of hand-labelled speakers (`{"documents": {"<doc id>": [{"text", "side"}, ...]}}`,
 * as `test/core/answer/fixtures/seed-speakers.json`).
 *
 * @throws StrikebotError CONFIG_INVALID naming the file when it is not such a file.
 */
export function parseHandLabels(text: string, file: string): HandLabels {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StrikebotError('CONFIG_INVALID', `${file}: not JSON`);
  }
  const parsed = handLabelsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StrikebotError(
      'CONFIG_INVALID',
      `${file}: not hand-labelled speakers (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  return new Map(Object.entries(parsed.data.documents));
}

/** The hand label of a citation: that of the first labelled sentence its snippet holds. */
function handSideOf(citation: Citation, labels: HandLabels): string | undefined {
  const text = normalizeText(citation.snippet);
  return labels.get(citation.docId)?.find((row) => text.includes(normalizeText(row.text)))?.side;
}

/** How the engine did on one question of the set. */
export interface SidesResult {
  id: string;
  question: string;
  kind: 'contested' | 'factual';
  /** Contested: every side of `sides_any` is quoted in a citation labelled with that side. */
  bothSides: boolean;
  /** Contested: the sides whose span is cited under the right label. */
  sidesRight: string[];
  /**
   * Contested: every side of `sides_any` has a citation under its label, whatever the claim (the
   * label itself is not checked against a gold speaker).
   */
  everySideCited: boolean;
  /**
   * Contested, with hand labels: every side of `sides_any` has a citation under its label that
   * the hand labels give to that side too (any claim).
   */
  labelledRight?: boolean;
  /** Factual: the answer is set out as a dispute between sides. */
  invented: boolean;
  layout?: Answer['layout'];
  /** `answer`, `unsure` (closest passages) or the reason nothing was quoted. */
  outcome: string;
  /** Each citation's side label and the start of its snippet. */
  cited: string[];
}

/** Scores over a contested set. */
export interface SidesReport {
  contested: number;
  /** Share of contested questions whose answer quotes every side, correctly labelled. */
  bothSidesShare: number;
  /** Share of contested questions whose answer cites each side under its label, any claim. */
  everySideCitedShare: number;
  factual: number;
  /** Factual questions answered as a dispute. */
  invented: number;
  /**
   * With hand labels: the share of contested questions whose answer cites each side by a
   * sentence that side says, labelled so; and over all answers, how many citations the hand
   * labels cover and how many of those show another side than theirs.
   */
  handLabelled?: { rightShare: number; citations: number; mislabelled: number };
  results: SidesResult[];
}

/**
 * Parses a JSONL contested set (blank lines skipped); rows of other shapes are refused with the
 * file and line.
 *
 * @throws StrikebotError CONFIG_INVALID naming the file and line of a malformed row.
 */
export function parseSidesSet(text: string, file: string): SidesQuestion[] {
  const rows: SidesQuestion[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new StrikebotError('CONFIG_INVALID', `${file}:${i + 1}: not JSON`);
    }
    const parsed = rowSchema.safeParse(value);
    if (!parsed.success) {
      throw new StrikebotError(
        'CONFIG_INVALID',
        `${file}:${i + 1}: not a contested or factual question (${parsed.error.issues[0]?.message})`,
      );
    }
    rows.push(parsed.data);
  }
  return rows;
}

function share<T>(rows: readonly T[], test: (row: T) => boolean): number {
  return rows.length === 0 ? 0 : rows.filter(test).length / rows.length;
}

function holds(citation: Citation, spans: readonly string[]): boolean {
  const text = normalizeText(citation.snippet);
  return spans.some((s) => text.includes(normalizeText(s)));
}

/**
 * Asks each question of the set (each on its own, no history) and scores the answers; with
 * `labels`, also checks each citation's side against the hand labels of its sentence.
 *
 * @example
 * scoreSides(engine, parseSidesSet(text, file)).bothSidesShare // => 0.875
 */
export function scoreSides(
  engine: Pick<Engine, 'answer'>,
  questions: readonly SidesQuestion[],
  labels?: HandLabels,
): SidesReport {
  let labelled = 0;
  let mislabelled = 0;
  const results = questions.map((q): SidesResult => {
    const answer = engine.answer(q.question);
    const hand = answer.citations.map((c) => (labels ? handSideOf(c, labels) : undefined));
    hand.forEach((side, i) => {
      if (side === undefined) return;
      labelled++;
      if (answer.citations[i]?.speaker?.side !== side) mislabelled++;
    });
    const cited = answer.citations.map(
      (c) => `${c.speaker?.side ?? '-'}: ${c.snippet.slice(0, 60).replace(/\s+/g, ' ')}`,
    );
    const base = {
      id: q.id,
      question: q.question,
      kind: q.kind,
      cited,
      outcome: answer.answered ? 'answer' : (answer.reason ?? 'not-found'),
      ...(answer.layout ? { layout: answer.layout } : {}),
    };
    if (q.kind === 'factual') {
      return {
        ...base,
        bothSides: false,
        sidesRight: [],
        everySideCited: false,
        invented: answer.layout === 'both-sides',
      };
    }
    const sidesRight = Object.entries(q.sides_any)
      .filter(([side, spans]) =>
        answer.citations.some((c) => c.speaker?.side === side && holds(c, spans)),
      )
      .map(([side]) => side);
    const bothSides = sidesRight.length === Object.keys(q.sides_any).length;
    const everySideCited = Object.keys(q.sides_any).every((side) =>
      answer.citations.some((c) => c.speaker?.side === side),
    );
    const labelledRight = Object.keys(q.sides_any).every((side) =>
      answer.citations.some((c, i) => c.speaker?.side === side && hand[i] === side),
    );
    return {
      ...base,
      bothSides,
      sidesRight,
      everySideCited,
      ...(labels ? { labelledRight } : {}),
      invented: false,
    };
  });
  const contested = results.filter((r) => r.kind === 'contested');
  const factual = results.filter((r) => r.kind === 'factual');
  return {
    contested: contested.length,
    bothSidesShare: share(contested, (r) => r.bothSides),
    everySideCitedShare: share(contested, (r) => r.everySideCited),
    factual: factual.length,
    invented: factual.filter((r) => r.invented).length,
    ...(labels
      ? {
          handLabelled: {
            rightShare: share(contested, (r) => r.labelledRight === true),
            citations: labelled,
            mislabelled,
          },
        }
      : {}),
    results,
  };
}

/** The report as lines for a person: the three figures, then each question that missed. */
export function formatSidesReport(report: SidesReport): string {
  const right = Math.round(report.bothSidesShare * report.contested);
  const cited = Math.round(report.everySideCitedShare * report.contested);
  const lines = [
    `contested: ${right}/${report.contested} answers quote both sides, correctly labelled (${report.bothSidesShare.toFixed(3)})`,
    `contested: ${cited}/${report.contested} answers cite each side under its label, any claim (${report.everySideCitedShare.toFixed(3)})`,
    `factual: ${report.invented}/${report.factual} answers invent a second side`,
  ];
  const hand = report.handLabelled;
  if (hand) {
    const right = Math.round(hand.rightShare * report.contested);
    lines.push(
      `hand labels: ${right}/${report.contested} contested answers cite each side by a sentence that side says (${hand.rightShare.toFixed(3)}); ${hand.mislabelled} of ${hand.citations} labelled citations show another side`,
    );
  }
  for (const r of report.results) {
    const missed = r.kind === 'contested' ? !r.bothSides : r.invented;
    if (!missed) continue;
    const got = r.kind === 'contested' ? ` (right: ${r.sidesRight.join(', ') || 'none'})` : '';
    lines.push('', `${r.id} ${r.question}${got} ${r.outcome}, ${r.layout ?? 'best first'}`);
    for (const c of r.cited) lines.push(`  ${c}`);
  }
  return lines.join('\n');
}
