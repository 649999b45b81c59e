import type { KnowledgeFolder } from './load-knowledge.ts';
import type { DocumentReport } from './parse-document.ts';
import { CLASSIFIER_RULE } from './remove-clutter.ts';

/** What the summary says about lines the line classifier dropped (each line says why). */
const CLASSIFIER_SUMMARY =
  'lines the line classifier scored as page clutter from their length, function words, punctuation, capitals, link marks, position and neighbours';

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
        const classified = line.dropped.rule === CLASSIFIER_RULE;
        const why = classified
          ? `  (${line.dropped.reason.replace(/^line classifier, /, '')})`
          : '';
        out.push(`  - ${number}  [${line.dropped.rule}] ${line.text}${why}`);
        const entry = dropsByRule.get(line.dropped.rule) ?? {
          reason: classified ? CLASSIFIER_SUMMARY : line.dropped.reason,
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

/** The JSON printed by `npm run --silent knowledge:check -- --json`. */
export interface KnowledgeCheckJson {
  documents: {
    file: string;
    id: string;
    title: string;
    publisher: string | null;
    date: string | null;
    kept: { line: number; text: string }[];
    dropped: { line: number; text: string; rule: string }[];
  }[];
  refused: { file: string; error: string }[];
}

/**
 * The folder as one JSON object: per document its fields and its kept and dropped lines (1-based
 * file line numbers, blank lines left out), and every refused file with its error.
 *
 * @example
 * JSON.stringify(formatKnowledgeJson(await readKnowledgeFolder('knowledge')));
 */
export function formatKnowledgeJson({ reports, refused }: KnowledgeFolder): KnowledgeCheckJson {
  return {
    documents: reports.map(({ file, document, lines }) => ({
      file,
      id: document.id,
      title: document.title,
      publisher: document.publisher ?? null,
      date: document.date ?? null,
      kept: lines
        .filter((l) => !l.dropped && l.text.trim() !== '')
        .map((l) => ({ line: l.line, text: l.text })),
      dropped: lines
        .filter((l) => l.dropped)
        .map((l) => ({ line: l.line, text: l.text, rule: l.dropped?.rule as string })),
    })),
    refused: refused.map(({ file, error }) => ({ file, error })),
  };
}
