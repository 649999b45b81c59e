import {
  type ClutterRule,
  HEADLINE_WINDOW,
  isEndMark,
  type RuleContext,
  type RuleScope,
  repeatsTitle,
} from './clutter-rules.ts';

/** What happened to one line of a document body. */
export interface LineVerdict {
  /** 1-based line number in the file. */
  line: number;
  /** The line exactly as in the file (without its line break). */
  text: string;
  /** Set when the line was dropped: the rule that dropped it. */
  dropped?: { rule: string; reason: string };
}

/** The result of {@link removeClutter}. */
export interface CleanedBody {
  /** Kept lines joined with `\n`; runs of blank lines collapsed to one, no leading/trailing blank line. */
  body: string;
  /** One verdict per input line, in order. */
  lines: LineVerdict[];
}

/**
 * Drops page clutter from a body, line by line, by the given rules. Kept lines are returned
 * whole and unchanged, so every sentence of the result is a verbatim substring of the file.
 *
 * @example
 * removeClutter(['Workers struck.', '', 'Most Popular'], { title: 'Strike' }, CLUTTER_RULES).body;
 * // 'Workers struck.'
 */
export function removeClutter(
  lines: readonly string[],
  context: RuleContext,
  rules: readonly ClutterRule[],
  firstLine = 1,
): CleanedBody {
  const verdicts: LineVerdict[] = lines.map((text, i) => ({ line: firstLine + i, text }));
  const headline = findHeadline(lines, context.title);
  const endMark = lines.findIndex(isEndMark);

  const applies = (scope: RuleScope, index: number): boolean => {
    if (scope === 'anywhere') return true;
    if (scope === 'before-headline') return headline >= 0 && index < headline;
    if (scope === 'after-end-mark') return endMark >= 0 && index > endMark;
    return false;
  };

  verdicts.forEach((verdict, index) => {
    const line = verdict.text.trim();
    if (line === '') return;
    const rule = rules.find((r) => applies(r.scope, index) && r.matches(line, context));
    if (rule) verdict.dropped = { rule: rule.name, reason: rule.reason };
  });

  // The tail: walk back from the end over lines already dropped, dropping what tail rules match,
  // and stop at the last line of article text.
  const tailRules = rules.filter((r) => r.scope === 'tail');
  for (let i = verdicts.length - 1; i >= 0; i--) {
    const verdict = verdicts[i] as LineVerdict;
    const line = verdict.text.trim();
    if (line === '' || verdict.dropped) continue;
    const rule = tailRules.find((r) => r.matches(line, context));
    if (!rule) break;
    verdict.dropped = { rule: rule.name, reason: rule.reason };
  }

  return { body: joinKept(verdicts), lines: verdicts };
}

/** Index of the headline line among the first non-blank lines, or -1. */
function findHeadline(lines: readonly string[], title: string): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADLINE_WINDOW; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (repeatsTitle(line, title)) return i;
    seen++;
  }
  return -1;
}

/** Joins kept lines, collapsing blank runs left by dropped lines. */
function joinKept(verdicts: readonly LineVerdict[]): string {
  const out: string[] = [];
  for (const verdict of verdicts) {
    if (verdict.dropped) continue;
    const blank = verdict.text.trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(blank ? '' : verdict.text);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
