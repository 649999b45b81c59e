import { z } from 'zod';
import type { Engine } from '../core/engine.ts';
import { StrikebotError } from '../core/errors.ts';
import { normalizeText } from '../core/index/text.ts';
import type { Answer } from '../core/types.ts';

const answerable = z.object({
  id: z.string().optional(),
  question: z.string(),
  answer_any: z.array(z.string().min(1)).min(1),
  doc_any: z.array(z.string()).optional(),
  kind: z.string().optional(),
  style: z.string().optional(),
});
const unanswerable = z.object({
  id: z.string().optional(),
  question: z.string(),
  answerable: z.literal(false),
  kind: z.string().optional(),
  style: z.string().optional(),
});
const conversation = z.object({
  id: z.string(),
  turns: z
    .array(
      z.object({
        question: z.string(),
        answer_any: z.array(z.string().min(1)).min(1),
        doc_any: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});
/** One line of a question set: answerable, unanswerable, or a conversation of turns. */
const questionSchema = z.union([answerable, unanswerable, conversation]);

/** A question (or conversation) of an evaluation set. */
export type EvalQuestion = z.infer<typeof questionSchema>;
/** A single question of an evaluation set. */
export type SingleQuestion = z.infer<typeof answerable> | z.infer<typeof unanswerable>;

/** The outcome of one question. */
export type Outcome = 'answer' | 'unsure' | 'not-found';

/** How the engine did on one question (or one turn of a conversation). */
export interface QuestionResult {
  id: string;
  question: string;
  answerable: boolean;
  answered: boolean;
  outcome: Outcome;
  /** 1-based position of the first citation shown (confident or closest) holding an expected span. */
  rank: number | null;
  /** The first citation's snippet, if any. */
  top: string | null;
  kind?: string;
  style?: string;
}

/** Scores over a question set (fractions between 0 and 1). */
export interface EvalReport {
  n: number;
  /** Answerable questions answered with an expected span in the first citation. */
  hit1: number;
  /** Answerable questions with a span in the first three citations shown, whatever the outcome. */
  hit3: number;
  /** Answerable questions whose first citation shown holds a span, whatever the outcome. */
  top1: number;
  /** Mean reciprocal rank of the first citation holding a span (answerable questions). */
  mrr: number;
  /** Unanswerable questions not answered (unsure or not found). */
  abstain: number;
  /** Answerable questions not answered. */
  falseAbstain: number;
  /** Confident answers that are right: answerable with a span in the first citation. */
  confidentPrecision: number;
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
        `${file}:${index + 1}: needs "question" and either "answer_any" (strings) or "answerable": false, or "id" and "turns"`,
      );
    }
    questions.push(parsed.data);
  });
  return questions;
}

/** Case-, whitespace- and quote-insensitive form used to compare answers with snippets. */
export function comparable(text: string): string {
  return normalizeText(text).trim();
}

function fraction(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/** The outcome of an answer. */
export function outcomeOf(answer: Answer): Outcome {
  return answer.answered ? 'answer' : answer.reason === 'unsure' ? 'unsure' : 'not-found';
}

/** Whether a snippet holds one of the expected answer spans (compared as {@link comparable}). */
export function holdsSpan(snippet: string, spans: readonly string[]): boolean {
  const text = comparable(snippet);
  return spans.some((s) => text.includes(comparable(s)));
}

/** 1-based rank of the first citation holding one of the spans, or null. */
function rankOf(answer: Answer, spans: readonly string[]): number | null {
  const found = answer.citations.findIndex((c) => holdsSpan(c.snippet, spans));
  return found >= 0 ? found + 1 : null;
}

/** A single question with the conversation history it is asked after. */
export interface AskedQuestion {
  id: string;
  question: SingleQuestion;
  history: string[];
}

/** Every question of a set, conversation turns as questions asked after the earlier turns. */
export function flattenQuestions(questions: readonly EvalQuestion[]): AskedQuestion[] {
  const out: AskedQuestion[] = [];
  questions.forEach((q, index) => {
    if ('turns' in q) {
      q.turns.forEach((turn, t) => {
        out.push({
          id: `${q.id}#${t + 1}`,
          question: {
            id: `${q.id}#${t + 1}`,
            ...turn,
            style: t === 0 ? 'first-turn' : 'follow-up',
          },
          history: q.turns.slice(0, t).map((x) => x.question),
        });
      });
    } else {
      out.push({ id: q.id ?? String(index + 1), question: q, history: [] });
    }
  });
  return out;
}

/** Scores one answer. */
export function scoreAnswer(asked: AskedQuestion, answer: Answer): QuestionResult {
  const q = asked.question;
  const spans = 'answer_any' in q ? q.answer_any : [];
  return {
    id: asked.id,
    question: q.question,
    answerable: 'answer_any' in q,
    answered: answer.answered,
    outcome: outcomeOf(answer),
    rank: spans.length > 0 ? rankOf(answer, spans) : null,
    top: answer.citations[0]?.snippet ?? null,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.style ? { style: q.style } : {}),
  };
}

/** Summary figures over scored questions. */
export function summarise(results: QuestionResult[]): EvalReport {
  const yes = results.filter((r) => r.answerable);
  const no = results.filter((r) => !r.answerable);
  const answered = results.filter((r) => r.answered);
  const reciprocal = yes.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0);
  return {
    n: results.length,
    hit1: fraction(yes.filter((r) => r.answered && r.rank === 1).length, yes.length),
    hit3: fraction(yes.filter((r) => r.rank !== null && r.rank <= 3).length, yes.length),
    top1: fraction(yes.filter((r) => r.rank === 1).length, yes.length),
    mrr: fraction(reciprocal, yes.length),
    abstain: fraction(no.filter((r) => !r.answered).length, no.length),
    falseAbstain: fraction(yes.filter((r) => !r.answered).length, yes.length),
    confidentPrecision: fraction(
      answered.filter((r) => r.answerable && r.rank === 1).length,
      answered.length,
    ),
    questions: results,
  };
}

/**
 * Runs every question (and every conversation turn, after its earlier turns) through the engine
 * and scores the answers.
 *
 * @example
 * const report = evaluate(engine, parseQuestionSet(text, 'questions.jsonl'));
 * report.hit1 // => 0.94
 */
export function evaluate(engine: Engine, questions: readonly EvalQuestion[]): EvalReport {
  return summarise(
    flattenQuestions(questions).map((asked) =>
      scoreAnswer(asked, engine.answer(asked.question.question, { history: asked.history })),
    ),
  );
}
