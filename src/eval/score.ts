import { z } from 'zod';
import type { Engine } from '../core/engine.ts';
import { StrikebotError } from '../core/errors.ts';
import { normalizeText } from '../core/index/text.ts';

/** One line of a question set: answerable with `answer_any`, or `answerable: false`. */
const questionSchema = z.union([
  z.object({
    id: z.string().optional(),
    question: z.string(),
    answer_any: z.array(z.string().min(1)).min(1),
  }),
  z.object({ id: z.string().optional(), question: z.string(), answerable: z.literal(false) }),
]);

/** A question of an evaluation set. */
export type EvalQuestion = z.infer<typeof questionSchema>;

/** How the engine did on one question. */
export interface QuestionResult {
  id: string;
  question: string;
  answerable: boolean;
  answered: boolean;
  /** 1-based rank of the first citation containing an expected answer; null when none does. */
  rank: number | null;
  /** The first citation's snippet, if any. */
  top: string | null;
}

/** Scores over a question set (fractions between 0 and 1). */
export interface EvalReport {
  n: number;
  /** Answerable questions whose first citation contains an expected answer. */
  hit1: number;
  /** Answerable questions with an expected answer in any of the first three citations. */
  hit3: number;
  /** Mean reciprocal rank of the first citation with an expected answer (answerable questions). */
  mrr: number;
  /** Unanswerable questions the engine declined to answer. */
  abstain: number;
  /** Answerable questions the engine declined to answer. */
  falseAbstain: number;
  questions: QuestionResult[];
}

/**
 * Parses a JSONL question set; blank lines are skipped. Throws a `StrikebotError` naming the file
 * and line of a malformed entry.
 */
export function parseQuestionSet(text: string, file: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new StrikebotError('KNOWLEDGE_MALFORMED', `${file}:${index + 1}: not valid JSON`);
    }
    const parsed = questionSchema.safeParse(value);
    if (!parsed.success) {
      throw new StrikebotError(
        'KNOWLEDGE_MALFORMED',
        `${file}:${index + 1}: needs "question" and either "answer_any" (strings) or "answerable": false`,
      );
    }
    questions.push(parsed.data);
  });
  return questions;
}

/** Case-, whitespace- and quote-insensitive form used to compare answers with snippets. */
function comparable(text: string): string {
  return normalizeText(text).trim();
}

function fraction(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * Runs every question through the engine and scores the answers.
 *
 * @example
 * const report = evaluate(engine, parseQuestionSet(text, 'questions.jsonl'));
 * report.hit1 // => 0.94
 */
export function evaluate(engine: Engine, questions: readonly EvalQuestion[]): EvalReport {
  const results: QuestionResult[] = questions.map((q, index) => {
    const answer = engine.answer(q.question);
    const expected = 'answer_any' in q ? q.answer_any.map(comparable) : [];
    const found = answer.citations.findIndex((c) =>
      expected.some((e) => comparable(c.snippet).includes(e)),
    );
    return {
      id: q.id ?? String(index + 1),
      question: q.question,
      answerable: 'answer_any' in q,
      answered: answer.answered,
      rank: found >= 0 ? found + 1 : null,
      top: answer.citations[0]?.snippet ?? null,
    };
  });
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const reciprocal = answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0);
  return {
    n: results.length,
    hit1: fraction(answerable.filter((r) => r.rank === 1).length, answerable.length),
    hit3: fraction(
      answerable.filter((r) => r.rank !== null && r.rank <= 3).length,
      answerable.length,
    ),
    mrr: fraction(reciprocal, answerable.length),
    abstain: fraction(unanswerable.filter((r) => !r.answered).length, unanswerable.length),
    falseAbstain: fraction(answerable.filter((r) => !r.answered).length, answerable.length),
    questions: results,
  };
}
