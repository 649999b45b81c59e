import type { DocumentReport } from './parse-document.ts';

/** Renders a front matter value on one line. */
function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Renders the reports of {@link inspectKnowledge} as plain text: per document its id, file,
 * fields, then every non-blank body line marked `+` (kept) or `-` (dropped, with the rule),
 * then a count of drops per rule with each rule's reason.
 *
 * @example
 * console.log(formatKnowledgeReport(await inspectKnowledge('knowledge')));
 * // == a ==
 * // file:      knowledge/a.md
 * // title:     Strike ends
 * // ...
 * //   +   6  Workers returned.
 * //   -   8  [widget-heading] Most Popular
 */
export function formatKnowledgeReport(reports: readonly DocumentReport[]): string {
  const out: string[] = [];
  const dropsByRule = new Map<string, { reason: string; count: number }>();
  for (const { file, document, metadata, lines } of reports) {
    const kept = lines.filter((l) => !l.dropped && l.text.trim() !== '').length;
    const dropped = lines.filter((l) => l.dropped).length;
    out.push(`== ${document.id} ==`);
    out.push(`file:      ${file}`);
    out.push(`title:     ${document.title}`);
    out.push(`publisher: ${document.publisher ?? '(not given)'}`);
    out.push(`date:      ${document.date ?? '(not given)'}`);
    out.push(`url:       ${document.url ?? '(not given)'}`);
    for (const [field, value] of Object.entries(metadata)) {
      if (!['title', 'publisher', 'date', 'url'].includes(field)) {
        out.push(`${`${field}:`.padEnd(10)} ${showValue(value)}`);
      }
    }
    out.push(`lines:     ${kept} kept, ${dropped} dropped`);
    for (const line of lines) {
      if (line.text.trim() === '') continue;
      const number = String(line.line).padStart(4);
      if (line.dropped) {
        out.push(`  - ${number}  [${line.dropped.rule}] ${line.text}`);
        const entry = dropsByRule.get(line.dropped.rule) ?? {
          reason: line.dropped.reason,
          count: 0,
        };
        entry.count++;
        dropsByRule.set(line.dropped.rule, entry);
      } else {
        out.push(`  + ${number}  ${line.text}`);
      }
    }
    out.push('');
  }
  const total = [...dropsByRule.values()].reduce((sum, entry) => sum + entry.count, 0);
  out.push(`${reports.length} documents, ${total} lines dropped as clutter`);
  for (const [rule, { reason, count }] of [...dropsByRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`  ${rule} (${count}): ${reason}`);
  }
  return out.join('\n');
}
