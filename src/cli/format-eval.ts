import { type EvalReport, type QuestionResult, summarise } from '../eval/score.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/** One table row per value of a field (style or kind), with the figures of its questions. */
function breakdown(results: readonly QuestionResult[], field: 'style' | 'kind'): string[] {
  const values = [
    ...new Set(results.map((r) => r[field]).filter((v): v is string => Boolean(v))),
  ].sort();
  if (values.length === 0) return [];
  const lines = [`by ${field.padEnd(12)}     n   hit@1   hit@3  abstain  false-abst`];
  for (const value of values) {
    const r = summarise(results.filter((q) => q[field] === value));
    const yes = r.questions.some((q) => q.answerable);
    const no = r.questions.some((q) => !q.answerable);
    lines.push(
      `  ${value.padEnd(14)} ${String(r.n).padStart(5)} ${yes ? pct(r.hit1) : '      -'} ${yes ? pct(r.hit3) : '      -'} ${no ? pct(r.abstain) : '      -'}  ${yes ? pct(r.falseAbstain) : '      -'}`,
    );
  }
  return lines;
}

/**
 * The text report of an evaluation: the summary figures, a table by style and by kind when the
 * set has them, and every miss.
 */
export function formatSummary(report: EvalReport, misses = true): string {
  const lines = [
    `questions            ${report.n}`,
    `hit@1               ${pct(report.hit1)}  (answered, first citation holds an answer)`,
    `hit@3               ${pct(report.hit3)}  (an answer in the first three citations shown)`,
    `top@1               ${pct(report.top1)}  (an answer in the first citation shown, confident or not)`,
    `MRR                  ${report.mrr.toFixed(3)}`,
    `abstain             ${pct(report.abstain)}  (unanswerable questions not answered)`,
    `false abstain       ${pct(report.falseAbstain)}  (answerable questions not answered)`,
    `confident precision ${pct(report.confidentPrecision)}  (confident answers that are right)`,
  ];
  const outcomes = ['answer', 'unsure', 'not-found'].map(
    (o) => `${o} ${report.questions.filter((q) => q.outcome === o).length}`,
  );
  lines.push(`outcomes             ${outcomes.join(', ')}`);
  for (const field of ['style', 'kind'] as const) {
    const table = breakdown(report.questions, field);
    if (table.length > 0) lines.push('', ...table);
  }
  if (!misses) return lines.join('\n');
  const missed = report.questions.filter((r) =>
    r.answerable ? !(r.answered && r.rank === 1) : r.answered,
  );
  if (missed.length > 0) lines.push('', 'Misses:');
  for (const r of missed) {
    const what = r.answerable
      ? r.answered
        ? `answered, expected answer at rank ${r.rank ?? 'none'}`
        : `${r.outcome}, expected answer at rank ${r.rank ?? 'none'}`
      : `answered an unanswerable question`;
    lines.push(`  ${r.id.padEnd(8)} ${what}: ${r.question}`);
    if (r.top) lines.push(`           top: ${r.top.slice(0, 120)}`);
  }
  return lines.join('\n');
}
