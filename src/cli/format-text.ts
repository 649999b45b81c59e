import type { Answer, Citation } from '../core/types.ts';

/** One line naming a source: title, publisher, date and link, where known. */
export function describeCitation(citation: Citation): string {
  const parts = [citation.title, citation.publisher, citation.date].filter(Boolean);
  return citation.url ? `${parts.join(', ')} <${citation.url}>` : parts.join(', ');
}

/**
 * Renders an answer for a terminal: the answer text, then each numbered citation with its quote
 * and source.
 *
 * @example
 * console.log(formatTextAnswer(engine.answer('Why did they strike?')));
 */
export function formatTextAnswer(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) lines.push('', 'Sources:');
  for (const citation of answer.citations) {
    lines.push(`[${citation.n}] "${citation.snippet}"`, `    ${describeCitation(citation)}`);
  }
  return lines.join('\n');
}
