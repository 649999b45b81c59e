import { CLUTTER_MODEL, type ClutterModel, describeDrop, scoreLine } from './clutter-model.ts';
import {
  type ClutterRule,
  HEADLINE_WINDOW,
  isEndMark,
  type RuleContext,
  type RuleScope,
  repeatsTitle,
} from './clutter-rules.ts';
import {
  describePage,
  endsLikeSentence,
  isSentenceLike,
  isStrongText,
  LIST_ITEM,
  lineFeatures,
  neighbourOf,
  type PageContext,
  wordsOf,
} from './line-features.ts';
import { bylineNames } from './page-chrome-rules.ts';

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

/** The name `knowledge:check` shows for lines the line classifier dropped. */
export const CLASSIFIER_RULE = 'boilerplate';

/** How far down a headline may sit when only short labels (menus, mastheads) are above it. */
const HEADLINE_WINDOW_AFTER_LABELS = 25;

/**
 * Drops page clutter from a body, line by line: first by the named rules, then by the line
 * classifier (`model`), which looks at each remaining line's length, function words,
 * punctuation, capitals, link marks, position and neighbours. The classifier never drops a
 * list item, a quoted line, a line ending with a colon or a heading directly above a sentence
 * when it sits within the running text, and it does not run on a body without a paragraph of
 * running text. Kept lines are returned whole and unchanged, so every sentence of the result is a
 * verbatim substring of the file.
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
  model: ClutterModel | null = CLUTTER_MODEL,
): CleanedBody {
  const verdicts: LineVerdict[] = lines.map((text, i) => ({ line: firstLine + i, text }));
  const headline = findHeadline(lines, context.title);
  const endMark = lines.findIndex(isEndMark);
  const ruleContext: RuleContext = {
    ...context,
    authors: context.authors ?? lines.flatMap((line) => bylineNames(line.trim())),
  };

  const applies = (scope: RuleScope, index: number): boolean => {
    if (scope === 'anywhere') return true;
    if (scope === 'before-headline') return headline >= 0 && index < headline;
    if (scope === 'after-end-mark') return endMark >= 0 && index > endMark;
    return false;
  };

  verdicts.forEach((verdict, index) => {
    const line = verdict.text.trim();
    if (line === '') return;
    const rule = rules.find((r) => applies(r.scope, index) && r.matches(line, ruleContext));
    if (rule) verdict.dropped = { rule: rule.name, reason: rule.reason };
  });

  dropStandfirst(verdicts);
  dropStoryLists(verdicts);
  dropCaptions(verdicts);
  if (model) classifyLines(verdicts, model);

  // The tail: walk back from the end over lines already dropped, dropping what tail rules match,
  // and stop at the last line of article text.
  const tailRules = rules.filter((r) => r.scope === 'tail');
  for (let i = verdicts.length - 1; i >= 0; i--) {
    const verdict = verdicts[i] as LineVerdict;
    const line = verdict.text.trim();
    if (line === '' || verdict.dropped) continue;
    const rule = tailRules.find((r) => r.matches(line, ruleContext));
    if (!rule) break;
    verdict.dropped = { rule: rule.name, reason: rule.reason };
  }

  return { body: joinKept(verdicts), lines: verdicts };
}

/** The name `knowledge:check` shows for a summary line between the headline and the byline. */
const STANDFIRST_RULE = 'standfirst';

/** Rules whose lines follow the headline and its summary on a news page. */
const BYLINE_RULES = new Set(['byline', 'time-stamp']);

/**
 * Drops the standfirst: the summary line a news page prints between the headline and the byline
 * or time stamp ("About two dozen therapists marched outside the clinic on Wednesday.").
 */
function dropStandfirst(verdicts: LineVerdict[]): void {
  const nonBlank = verdicts.filter((v) => v.text.trim() !== '');
  const headlines = nonBlank.slice(0, HEADLINE_WINDOW_AFTER_LABELS);
  let last = -1;
  headlines.forEach((v, i) => {
    if (v.dropped?.rule === 'headline') last = i;
  });
  const summary = nonBlank[last + 1];
  const after = nonBlank[last + 2];
  if (last < 0 || !summary || summary.dropped || !after?.dropped) return;
  if (!BYLINE_RULES.has(after.dropped.rule) || wordsOf(summary.text).length > 40) return;
  summary.dropped = {
    rule: STANDFIRST_RULE,
    reason: 'the summary line between the headline and the byline, which the story itself tells',
  };
}

/** The name `knowledge:check` shows for story links listed under a widget heading. */
const STORY_LIST_RULE = 'story-list';

/** Rules that drop the heading of a list of links to other stories. */
const LIST_HEADING_RULES = new Set([
  'widget-heading',
  'read-next',
  'more-from',
  'story-list-link',
  'see-also',
]);

/**
 * Drops the story links listed under a widget heading ("Related Articles", "Most Read"): the
 * lines right below it that are not sentences, up to a blank line or a sentence. A heading that
 * carries its own link ("Related: ...") starts no list.
 */
function dropStoryLists(verdicts: LineVerdict[]): void {
  verdicts.forEach((verdict, i) => {
    const rule = verdict.dropped?.rule;
    if (!rule || !LIST_HEADING_RULES.has(rule)) return;
    if (/:\s*\S/.test(verdict.text) || wordsOf(verdict.text).length > 5) return;
    for (let j = i + 1; j < verdicts.length; j++) {
      const next = verdicts[j] as LineVerdict;
      const text = next.text.trim();
      if (text === '' || endsLikeSentence(text) || wordsOf(text).length > 20) return;
      next.dropped ??= {
        rule: STORY_LIST_RULE,
        reason: 'a link to another story, listed under a widget heading',
      };
    }
  });
}

/** The name `knowledge:check` shows for a photo caption above its credit line. */
const CAPTION_RULE = 'caption';

/** Rules that drop a photo credit. */
const CREDIT_RULES = new Set(['caption-credit', 'photo-credit']);

/**
 * Drops the caption of the lead photo: a line directly above a credit line of a few words
 * ("Mario Tama/Getty Images"), when no paragraph of running text comes before it.
 */
function dropCaptions(verdicts: LineVerdict[]): void {
  const nonBlank = verdicts.filter((v) => v.text.trim() !== '');
  for (let i = 1; i < nonBlank.length; i++) {
    const credit = nonBlank[i] as LineVerdict;
    if (!credit.dropped || !CREDIT_RULES.has(credit.dropped.rule)) continue;
    if (wordsOf(credit.text).length > 6) continue;
    const caption = nonBlank[i - 1] as LineVerdict;
    const textBefore = nonBlank
      .slice(0, i - 1)
      .some((v) => !v.dropped && isStrongText(v.text.trim()));
    if (caption.dropped || textBefore || wordsOf(caption.text).length > 40) continue;
    caption.dropped = { rule: CAPTION_RULE, reason: 'the caption of the photo credited below it' };
  }
}

/** The lines the classifier decides on, with their feature values. */
export interface ClassifierCandidates {
  page: PageContext;
  /** Per candidate line: its index in the body and its feature values. */
  candidates: { index: number; values: number[] }[];
}

/**
 * The lines of a body that the line classifier decides on, given the named rules' verdicts:
 * non-blank lines no rule dropped and no protection covers; none when the body has no paragraph
 * of running text. `npm run knowledge:fit` fits the model on exactly these lines.
 */
export function findClassifierCandidates(verdicts: readonly LineVerdict[]): ClassifierCandidates {
  const page = describePage(
    verdicts.map((v) => v.text),
    verdicts.map((v) => v.dropped !== undefined),
  );
  const candidates: ClassifierCandidates['candidates'] = [];
  if (page.firstText < 0) return { page, candidates };
  verdicts.forEach((verdict, index) => {
    if (verdict.dropped || page.lines[index] === '' || isProtected(page, index)) return;
    candidates.push({ index, values: lineFeatures(page, index) });
  });
  return { page, candidates };
}

/** Runs the line classifier over the lines no rule dropped. */
function classifyLines(verdicts: LineVerdict[], model: ClutterModel): void {
  const drops = findClassifierCandidates(verdicts).candidates.filter(
    ({ values }) => scoreLine(model, values) >= model.threshold,
  );
  for (const { index, values } of drops) {
    (verdicts[index] as LineVerdict).dropped = {
      rule: CLASSIFIER_RULE,
      reason: describeDrop(model, values),
    };
  }
}

const QUOTED = /^["“‘']/;

/**
 * Lines within the running text that the classifier leaves alone: list items, quotations,
 * list introductions ending with a colon, and headings directly above a sentence.
 */
function isProtected(page: PageContext, i: number): boolean {
  if (i < page.firstText || i > page.lastText) return false;
  const line = page.lines[i] as string;
  if (LIST_ITEM.test(line) || QUOTED.test(line) || /:$/.test(line)) return true;
  const next = neighbourOf(page, i, 1);
  const nextLine = next >= 0 && !page.dropped[next] ? (page.lines[next] as string) : '';
  const nextStartsText = isSentenceLike(nextLine) || LIST_ITEM.test(nextLine);
  return nextStartsText && wordsOf(line).length <= 12 && !endsLikeSentence(line);
}

/**
 * Index of the headline line, or -1: the title among the first non-blank lines, or further down
 * when everything above it is short labels (a menu, a masthead, a section name).
 */
function findHeadline(lines: readonly string[], title: string): number {
  let seen = 0;
  let onlyLabels = true;
  for (let i = 0; i < lines.length && seen < HEADLINE_WINDOW_AFTER_LABELS; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    if ((seen < HEADLINE_WINDOW || onlyLabels) && repeatsTitle(line, title)) return i;
    if (seen >= HEADLINE_WINDOW && !onlyLabels) return -1;
    onlyLabels &&= wordsOf(line).length <= 12 && !/[.!?]["”’)]?$/.test(line);
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
