import type { Explanation } from '../core/engine.ts';
import type { Speaker } from '../core/types.ts';

/** Candidates shown by `--explain`. */
const SHOWN = 3;

const num = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(3);

/** "union, Jane Doe (president of the guild), quoted" or "reporter, own voice". */
function describeSpeaker(speaker: Speaker, reported: boolean): string {
  const who = speaker.name ? `, ${speaker.name}${speaker.role ? ` (${speaker.role})` : ''}` : '';
  return `${speaker.side}${who}, ${reported ? 'quoted or reported' : "the document's own voice"}`;
}

/**
 * A Lucene-style explanation of how the engine ranked and decided a question: the concepts and
 * their weights, each top candidate's score with every feature's value × weight = contribution
 * and who makes its claim, and the decision's features.
 *
 * @example
 * console.log(formatExplanation(engine.explain('how mny therapists quit')));
 */
export function formatExplanation(explanation: Explanation, shown = SHOWN): string {
  const { question, decision } = explanation;
  const lines = [
    `question: "${question.normalized}"${question.corrected !== question.normalized ? ` (read as "${question.corrected}")` : ''}`,
    `answer type: ${question.type}${explanation.followUp !== undefined ? `; follow-up probability ${explanation.followUp.toFixed(3)}` : ''}`,
    'concepts (weight: alternatives by source):',
  ];
  question.concepts.forEach((c, i) => {
    const alts = c.alternatives.map((a) => `${a.terms.join(' ')}(${a.source})`).join(', ');
    const flags = [
      c.carried && 'carried',
      c.capitalized && 'name',
      c.head && 'counted',
      c.typeNoun && 'type noun',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${c.word} ${(question.weights[i] ?? 0).toFixed(2)}${flags ? ` [${flags}]` : ''}: ${alts}`,
    );
  });
  explanation.candidates.slice(0, shown).forEach((c, rank) => {
    lines.push(
      '',
      `#${rank + 1} score ${c.score.toFixed(3)} = sum of (value × weight), probability ${c.probability.toFixed(3)}`,
    );
    lines.push(
      `   "${c.snippet.slice(0, 160)}${c.snippet.length > 160 ? '…' : ''}" (${c.chunk.docId})`,
      `   speaker: ${describeSpeaker(c.speaker, c.reported)}`,
    );
    for (const f of c.contributions) {
      lines.push(
        `   ${num(f.contribution)}  ${f.feature.padEnd(22)} value ${num(f.value)} × weight ${num(f.weight)}`,
      );
    }
  });
  lines.push(
    '',
    `decision: ${decision.outcome} (probability of a right answer ${decision.probability.toFixed(3)})`,
  );
  for (const f of decision.contributions) {
    lines.push(
      `   ${num(f.contribution)}  ${f.feature.padEnd(22)} value ${num(f.value)} × weight ${num(f.weight)}`,
    );
  }
  return lines.join('\n');
}
