import { irregularBase, MONTHS } from '../index/text.ts';

/**
 * Dates written in a sentence, resolved against the date of its document: "Sept. 30" takes the
 * year that puts it nearest the document's date, "Monday" the Monday of the document's week (the
 * next one when the sentence speaks of the future), "last year" and "two years ago" count back
 * from the document's year. Without a document date only dates that name their year are found.
 */

/** How much of a date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** One date in a sentence. */
export interface DateMention {
  /** ISO date, as precise as the text: `2024-10-14`, `2024-10` or `2024`. */
  date: string;
  precision: DatePrecision;
  /** The words that give the date, as written ("Sept. 30", "Monday", "in 2018"). */
  text: string;
  /** Offset of `text` in the sentence. */
  index: number;
}

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Words after which a bare four-digit number is a year ("in 2018", "the 2018 strike"). */
const YEAR_LEAD =
  '(?:in|since|by|of|from|until|till|during|through|before|after|early|late|mid-|the|and|to|between|around|spring|summer|fall|autumn|winter)';
/** Words before a year that names an event ("a 2022 walkout", "their 2019 contract"). */
const YEAR_DETERMINER = '(?:a|an|the|its|their|this|that)';
/** One word that may stand between the determiner and the year ("a 10-week 2022 walkout"). */
const MODIFIER = '[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*';
/** Words that put a weekday in the future ("will strike Monday", "set to start Tuesday"). */
const FUTURE = /\b(?:will|plans? to|planned to|set to|scheduled|is to|are to|going to|would)\b/i;

const MS_PER_DAY = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Month number (1-12) of a month name or abbreviation ("Sept." → 9). */
function monthNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === prefix) + 1;
}

/** A real calendar day, or undefined ("February 30"). */
function calendarDay(year: number, month: number, day: number): string | undefined {
  const time = Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day ? isoDay(time) : undefined;
}

/** The document date as a UTC time, when it is a full ISO date. */
function documentTime(documentDate: string | undefined): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(documentDate ?? '');
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The year (one either side of the document's) that puts a month and day nearest to it. */
function nearestYear(month: number, day: number, reference: number): string | undefined {
  const year = new Date(reference).getUTCFullYear();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of [year - 1, year, year + 1]) {
    const date = calendarDay(candidate, month, day);
    if (date === undefined) continue;
    const distance = Math.abs(Date.parse(date) - reference);
    if (distance < bestDistance) [best, bestDistance] = [date, distance];
  }
  return best;
}

/** The weekday's date in the document's week: the last one on or before it, or the next one. */
function weekdayDate(weekday: number, reference: number, future: boolean): string {
  const today = new Date(reference).getUTCDay();
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  return isoDay(reference + (future ? forward : -back) * MS_PER_DAY);
}

/**
 * True when the words before a weekday end in a verb in the past ("announced on Sunday", "said
 * Monday"): the weekday is then the one before the document, whatever the rest of the sentence
 * says of the future ("said Sunday that it would strike").
 */
function pastVerbBefore(before: string): boolean {
  const word = /(\p{L}+)\s+(?:on\s+)?$/u.exec(before)?.[1]?.toLowerCase();
  if (word === undefined) return false;
  const base = irregularBase(word);
  // "is", "are" and "am" are irregular forms too, but in the present.
  return /ed$/.test(word) || (base !== undefined && base !== word && !/^(?:is|are|am)$/.test(word));
}

/** -1, 0 or 1 for "last", "this" or "next". */
function shiftOf(word: string | undefined): number {
  return { last: -1, this: 0, next: 1 }[(word ?? '').toLowerCase()] ?? 0;
}

interface Rule {
  pattern: RegExp;
  resolve(
    match: RegExpExecArray,
    reference: number | undefined,
    sentence: string,
  ): DateMention['date'] | undefined;
  precision: DatePrecision;
}

/** Date patterns, most precise first; a later pattern never overlaps an earlier match. */
const RULES: Rule[] = [
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    precision: 'day',
    resolve: (m) => calendarDay(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`, 'g'),
    precision: 'day',
    resolve: (m) => calendarDay(Number(m[3]), monthNumber(m[1] as string), Number(m[2])),
  },
  {
    pattern: new RegExp(`\\b${DAY} (?:of )?${MONTH},? ${YEAR}\\b`, 'g'),
    precision: 'day',
    resolve: (m) => calendarDay(Number(m[3]), monthNumber(m[2] as string), Number(m[1])),
  },
  {
    pattern: new RegExp(`\\b${MONTH},? ${YEAR}\\b`, 'g'),
    precision: 'month',
    resolve: (m) => `${m[2]}-${pad(monthNumber(m[1] as string))}`,
  },
  {
    pattern: new RegExp(`\\b${MONTH} ${DAY}\\b`, 'g'),
    precision: 'day',
    resolve: (m, ref) =>
      ref === undefined ? undefined : nearestYear(monthNumber(m[1] as string), Number(m[2]), ref),
  },
  {
    pattern: new RegExp(`\\b${DAY} of ${MONTH}`, 'g'),
    precision: 'day',
    resolve: (m, ref) =>
      ref === undefined ? undefined : nearestYear(monthNumber(m[2] as string), Number(m[1]), ref),
  },
  {
    pattern: new RegExp(`(?<=\\b${YEAR_LEAD}\\s?)${YEAR}\\b(?!%|[,.]?\\d)`, 'gi'),
    precision: 'year',
    resolve: (m) => m[1],
  },
  {
    // A year naming an event between a determiner and a noun: "a 10-week 2022 walkout".
    pattern: new RegExp(
      `(?<=\\b${YEAR_DETERMINER}\\s(?:${MODIFIER}\\s)?)${YEAR}(?=\\s+\\p{L})`,
      'giu',
    ),
    precision: 'year',
    resolve: (m) => m[1],
  },
  {
    pattern: /\b(last|this|next) year\b/gi,
    precision: 'year',
    resolve: (m, ref) =>
      ref === undefined ? undefined : String(new Date(ref).getUTCFullYear() + shiftOf(m[1])),
  },
  {
    // "began in the summer": a season of the document's year ("last spring": the year before).
    pattern: /\b(?:(last|this|next)|in the) (spring|summer|fall|autumn)\b/gi,
    precision: 'year',
    resolve: (m, ref) =>
      ref === undefined ? undefined : String(new Date(ref).getUTCFullYear() + shiftOf(m[1])),
  },
  {
    pattern: /\b(last|this|next) month\b/gi,
    precision: 'month',
    resolve: (m, ref) => {
      if (ref === undefined) return undefined;
      const d = new Date(ref);
      const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + shiftOf(m[1]), 1));
      return `${month.getUTCFullYear()}-${pad(month.getUTCMonth() + 1)}`;
    },
  },
  {
    pattern: /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) years? ago\b/gi,
    precision: 'year',
    resolve: (m, ref) => {
      const count = NUMBER_WORDS[(m[1] as string).toLowerCase()] ?? Number(m[1]);
      return ref === undefined ? undefined : String(new Date(ref).getUTCFullYear() - count);
    },
  },
  {
    // A weekday followed by its date ("Thursday, Oct. 24") is said by the date.
    pattern: new RegExp(`\\b(?:(last|next) )?(${WEEKDAYS.join('|')})\\b(?!,? ${MONTH} \\d)`, 'g'),
    precision: 'day',
    resolve: (m, ref, sentence) => {
      if (ref === undefined) return undefined;
      const weekday = WEEKDAYS.indexOf(m[2] as string);
      if (m[1] === 'last') return weekdayDate(weekday, ref - MS_PER_DAY, false);
      if (m[1] === 'next') return weekdayDate(weekday, ref + MS_PER_DAY, true);
      // The verb is among the few words before the weekday (a bounded look-back).
      const before = sentence.slice(Math.max(0, m.index - 40), m.index);
      const future = FUTURE.test(sentence) && !pastVerbBefore(before);
      return weekdayDate(weekday, ref, future);
    },
  },
  {
    pattern: /\b(today|tonight|yesterday|tomorrow)\b/gi,
    precision: 'day',
    resolve: (m, ref) => {
      if (ref === undefined) return undefined;
      const word = (m[1] as string).toLowerCase();
      const shift = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      return isoDay(ref + shift * MS_PER_DAY);
    },
  },
];

/**
 * The dates a sentence gives, in order of appearance, resolved against its document's date
 * (ISO `YYYY-MM-DD`; relative dates and dates without a year are left out when it is unknown).
 *
 * @example
 * findDates('The contract expired Sept. 30.', '2018-12-09')
 * // => [{ date: '2018-09-30', precision: 'day', text: 'Sept. 30', index: 21 }]
 */
export function findDates(sentence: string, documentDate?: string): DateMention[] {
  const reference = documentTime(documentDate);
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    for (const match of sentence.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      const date = rule.resolve(match as RegExpExecArray, reference, sentence);
      if (date !== undefined) {
        found.push({ date, precision: rule.precision, text: match[0], index: start });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
