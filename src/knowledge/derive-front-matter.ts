/**
 * Front matter for a pasted page that has none: the title (the repeated headline, else the first
 * line that is not clutter), the publication date from a dateline or time stamp ("Published
 * May 9, 2025", "Updated 3:41 PM PST Dec. 16, 2019") and the publisher from a copyright line
 * ("© 2025 Inland Coast Ledger. All rights reserved.") or a masthead above the headline. Derived
 * fields are marked `date_source: derived` / `publisher_source: derived`.
 */
import type { ClutterRule } from './clutter-rules.ts';
import type { FrontMatter } from './front-matter.ts';
import { isIsoDate } from './front-matter.ts';
import { isStrongText, wordsOf } from './line-features.ts';

/** How many non-blank lines from the top are searched for a repeated headline. */
const REPEATED_HEADLINE_WINDOW = 25;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** `May 9, 2025`, `Dec. 16, 2019`, `Sept 30 2023`. */
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'i',
);
/** `9 May 2025`. */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\.?,?\\s+(\\d{4})\\b`, 'i');
/** `2025-05-09`. */
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/** The first full calendar date written in `text`, as ISO `YYYY-MM-DD`, or undefined. */
export function findDate(text: string): string | undefined {
  const candidates: { index: number; iso: string }[] = [];
  const push = (index: number, year: string, month: number, day: string) => {
    const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (isIsoDate(iso)) candidates.push({ index, iso });
  };
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) push(mdy.index, mdy[3] as string, monthNumber(mdy[1] as string), mdy[2] as string);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) push(dmy.index, dmy[3] as string, monthNumber(dmy[2] as string), dmy[1] as string);
  const iso = ISO.exec(text);
  if (iso) push(iso.index, iso[1] as string, Number(iso[2]), iso[3] as string);
  return candidates.sort((a, b) => a.index - b.index)[0]?.iso;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3);
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 0;
}

/** A line that says when the page was published, by the strength of that claim. */
const PUBLISHED_LINE =
  /^(?:published|posted|first published|originally published|for immediate release|released|date)\b/i;
const UPDATED_LINE = /^(?:updated|last updated|modified)\b|\|\s*updated\b/i;

/** A copyright line: `© 2025 Site`, `Copyright © 2021 Site. All rights reserved.`, `© Site 2025`. */
const COPYRIGHT_LINE = /^(?:copyright\s*©?|©|\(c\))\s*/i;

/**
 * The publisher named by a copyright line, or undefined: `© 2025 Inland Coast Ledger. All
 * rights reserved.` gives `Inland Coast Ledger`.
 */
export function publisherFromCopyright(line: string): string | undefined {
  if (!COPYRIGHT_LINE.test(line) || line.length > 400) return undefined;
  const name = line
    .replace(COPYRIGHT_LINE, '')
    .replace(/^(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)/, '')
    .split(/\s*[|·•]\s*|\.\s|, a division of\b|\ball rights reserved\b/i)[0]
    ?.replace(/\s+\d{4}$/, '')
    .replace(/[.,;:\s]+$/, '')
    .trim();
  if (!name || wordsOf(name).length > 8 || !/\p{Lu}/u.test(name)) return undefined;
  return name;
}

/** Words that name a news outlet, union or health system in a masthead. */
const MASTHEAD_WORD =
  /\b(?:Times|Post|News|Journal|Ledger|Tribune|Daily|Herald|Gazette|Courier|Report|Bee|Press|Chronicle|Star|Sun|Sun-Times|Examiner|Register|Record|Observer|Review|Dispatch|Union|Guild|Association|Federation|Health|Hospital|Medical Center)\b|^[A-Z]{3,5}(?:-TV)? \d{1,2}\b/;

/** A short line naming an outlet, union or health system, as a masthead does. */
function isMasthead(line: string): boolean {
  const words = wordsOf(line).length;
  return words >= 2 && words <= 6 && MASTHEAD_WORD.test(line) && !/[.!?:]$/.test(line);
}

/**
 * Derives front matter from the body of a pasted page. `rules` tell clutter lines from the
 * headline when the headline is not repeated.
 *
 * @example
 * deriveFrontMatter(['Strike ends', 'Published May 9, 2025', 'Workers returned.'], CLUTTER_RULES);
 * // { title: 'Strike ends', date: '2025-05-09', date_source: 'derived' }
 */
export function deriveFrontMatter(
  lines: readonly string[],
  rules: readonly ClutterRule[],
): FrontMatter {
  const texts = lines.map((line) => line.trim()).filter((line) => line !== '');
  const title = guessTitle(texts, rules);
  const front: FrontMatter = { title };
  // The header ends at the first paragraph of running text (a banner or a question headline
  // can look like one, so those are skipped).
  const firstText = texts.findIndex(
    (line) =>
      line !== title &&
      isStrongText(line) &&
      !rules.some((r) => r.scope === 'anywhere' && r.matches(line, { title })),
  );
  const header = texts.slice(0, firstText < 0 ? texts.length : firstText);

  const date =
    firstDate(header.filter((line) => PUBLISHED_LINE.test(line))) ??
    firstDate(header.filter((line) => UPDATED_LINE.test(line))) ??
    firstDate(header.filter((line) => line !== title && wordsOf(line).length <= 14));
  if (date) {
    front.date = date;
    front.date_source = 'derived';
  }
  const publisher =
    texts.map(publisherFromCopyright).find((name) => name !== undefined) ??
    header
      .slice(0, Math.max(0, header.indexOf(title)))
      .find(
        (line) =>
          isMasthead(line) &&
          !rules.some((r) => r.scope === 'anywhere' && r.matches(line, { title })),
      );
  if (publisher) {
    front.publisher = publisher;
    front.publisher_source = 'derived';
  }
  return front;
}

function firstDate(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const date = findDate(line);
    if (date) return date;
  }
  return undefined;
}

/**
 * The title of a page without front matter. A page pasted whole often shows its headline twice
 * near the top (in the menu or browser title, then above the story): the first line of three
 * words or more that appears twice among the first 25 non-blank lines is the title. Otherwise it
 * is the first non-empty line that no clutter rule drops and that is not a masthead (so a
 * breadcrumb, banner or masthead above the headline is skipped), else the first non-empty line.
 */
function guessTitle(texts: readonly string[], rules: readonly ClutterRule[]): string {
  const top = texts.slice(0, REPEATED_HEADLINE_WINDOW).map((line) => line.replace(/\s+/g, ' '));
  // Of the lines shown twice (a section label can be too), the headline is the longest.
  const repeated = top
    .filter((line, i) => line.split(' ').length >= 3 && top.indexOf(line, i + 1) > i)
    .sort((a, b) => b.split(' ').length - a.split(' ').length)[0];
  if (repeated) return repeated;
  const isClutter = (line: string): boolean =>
    rules.some(
      (r) => r.scope === 'anywhere' && r.name !== 'headline' && r.matches(line, { title: '' }),
    );
  const candidates = texts.filter((line) => !isClutter(line));
  // Above the first paragraph of text, a headline is four words or more and not a sentence;
  // shorter lines there are section labels ("California"), and a masthead is not the title.
  const firstText = candidates.findIndex(isStrongText);
  const headline = candidates
    .slice(0, firstText < 0 ? candidates.length : firstText)
    .find((line) => wordsOf(line).length >= 4 && !/[.!]["”’)]?$/.test(line) && !isMasthead(line));
  return (
    headline ??
    candidates.find((line, i) => i + 1 >= candidates.length || !isMasthead(line)) ??
    (texts[0] as string)
  );
}
