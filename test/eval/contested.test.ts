import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeText } from '../../src/core/index/text.ts';

/**
 * The contested question set: questions on which the seed documents hold a claim by each side
 * (`sides_any`), and factual questions with one undisputed answer (`answer_any` only). Written
 * from the documents; each side's spans must lie in sentences hand-labelled with that side.
 */

const span = z
  .string()
  .min(3)
  .refine((s) => !/[\u2018\u2019\u201c\u201d\u00a0]/.test(s), 'no curly quotes or no-break spaces');
const contested = z.strictObject({
  id: z.string().regex(/^c\d{2}$/),
  question: z.string().min(5),
  kind: z.literal('contested'),
  topic: z.enum([
    'causes',
    'blame',
    'offers',
    'staffing',
    'wait times',
    'patient care during the strike',
    'outcome',
  ]),
  sides_any: z.strictObject({ union: z.array(span).min(1), employer: z.array(span).min(1) }),
  answer_any: z.array(span).min(2),
});
const factual = z.strictObject({
  id: z.string().regex(/^f\d{2}$/),
  question: z.string().min(5),
  kind: z.literal('factual'),
  topic: z.string().min(1),
  answer_any: z.array(span).min(1),
});

const rows = readFileSync(join(import.meta.dirname, 'contested.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => z.union([contested, factual]).parse(JSON.parse(line)));
const labels = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', 'core', 'answer', 'fixtures', 'seed-speakers.json'),
    'utf8',
  ),
) as { documents: Record<string, Array<{ text: string; side: string }>> };
const sentences = Object.values(labels.documents)
  .flat()
  .map((s) => ({ side: s.side, text: normalizeText(s.text) }));

/** The hand-labelled sides of the sentences that hold a span. */
function sidesHolding(text: string): string[] {
  const wanted = normalizeText(text);
  return sentences.filter((s) => s.text.includes(wanted)).map((s) => s.side);
}

describe('test/eval/contested.jsonl', () => {
  const disputes = rows.flatMap((r) => (r.kind === 'contested' ? [r] : []));
  const facts = rows.flatMap((r) => (r.kind === 'factual' ? [r] : []));

  it('has at least 20 contested and 10 factual questions, with unique ids', () => {
    expect(disputes.length).toBeGreaterThanOrEqual(20);
    expect(facts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('puts every span of a side in a sentence hand-labelled with that side', () => {
    const misplaced = disputes.flatMap((r) =>
      Object.entries(r.sides_any).flatMap(([side, spans]) =>
        spans.filter((s) => !sidesHolding(s).includes(side)).map((s) => `${r.id} ${side}: ${s}`),
      ),
    );
    expect(misplaced).toEqual([]);
  });

  it('lists every side span in answer_any too, so the plain eval can score the set', () => {
    for (const r of disputes) {
      expect(r.answer_any).toEqual([...r.sides_any.union, ...r.sides_any.employer]);
    }
  });

  it('finds every factual answer span in the documents', () => {
    const missing = facts.flatMap((r) =>
      r.answer_any.filter((s) => sidesHolding(s).length === 0).map((s) => `${r.id}: ${s}`),
    );
    expect(missing).toEqual([]);
  });
});
