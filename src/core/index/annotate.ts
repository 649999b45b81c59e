/**
 * What kinds of answer a sentence holds, worked out once when the index is built (and kept in the
 * snapshot), so ranking never runs these patterns per question. Each kind gets a level from 0
 * (none) to {@link FULL} (clearly holds one): a number, an amount of money, a date, a person's
 * name next to a speech verb, and so on. The patterns are general English, linear (no nested
 * quantifiers) so long inputs cannot make them backtrack, and know nothing of any corpus.
 */

/** The kinds of answer a sentence can hold, in storage order. */
export const EVIDENCE_KINDS = [
  'number',
  'money',
  'duration',
  'date',
  'time',
  'place',
  'person',
  'organization',
  'reason',
  'quote',
  'list',
  'definition',
] as const;

/** One kind of answer a sentence can hold. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Level of a clear match; a weak cue gets {@link WEAK}. Levels are stored as bytes. */
export const FULL = 2;
const WEAK = 1;

const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|quarter|third|thousands|hundreds|millions)\b/i;
const MONTH =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?/;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const TIME_UNIT = /(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?\b/i;
const SPEECH =
  /\b(?:said|says|say|stated|told|added|wrote|according to|explained|noted|announced|argued|claimed)\b/i;
/** Two or three capitalised words, maybe with an initial ("Janet A. Liang"). */
const NAME = /\b[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-zA-Z'-]+/;
/** A capitalised word that does not open the sentence. */
const INNER_CAPITAL = /[a-z,;:]\s+(?:the\s)?[A-Z][a-z]+/;
const ACRONYM = /\b[A-Z]{2,6}\b/;
/** Words that name a role (generic English job titles). */
const ROLE =
  /\b(?:president|director|chair(?:man|woman)?|chief|officer|spokes(?:person|woman|man)|secretary|senator|governor|mayor|manager|leader|executive|minister|professor|representative|ceo|founder|head)\b/i;

type Detector = (sentence: string) => number;

function level(strong: readonly RegExp[], weak: readonly RegExp[] = []): Detector {
  return (s) => (strong.some((p) => p.test(s)) ? FULL : weak.some((p) => p.test(s)) ? WEAK : 0);
}

/** One detector per kind of answer, in {@link EVIDENCE_KINDS} order. */
const DETECTORS: Readonly<Record<EvidenceKind, Detector>> = {
  number: level([/\d/], [NUMBER_WORD]),
  money: level(
    [/[$€£]\s?\d/, /\b\d[\d,.]*\s?(?:dollars|euros|pounds)\b/i],
    [/\b(?:million|billion)\b/i],
  ),
  duration: level(
    [new RegExp(`(?:\\d+|${NUMBER_WORD.source})[-\\s]+${TIME_UNIT.source}`, 'i')],
    [/\b(?:indefinite(?:ly)?|open-ended|until|since|for (?:a|the) (?:week|month|year))\b/i],
  ),
  date: level(
    [MONTH, /\b(?:1[5-9]|20)\d{2}\b/],
    [
      WEEKDAY,
      /\b(?:today|yesterday|tomorrow|last (?:week|month|year)|this (?:week|month|year)|summer|spring|autumn|fall|winter)\b/i,
    ],
  ),
  time: level(
    [/\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|(?:am|pm)\b)/i],
    [/\b(?:noon|midnight|morning|afternoon|evening|o'clock)\b/i],
  ),
  place: level(
    [
      /\b\d{1,5}\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:Ave|Blvd|St|Rd|Street|Avenue|Boulevard|Road|Drive|Dr|Way|Lane|Ln)\b/,
    ],
    [/\b(?:in|at|from|across|near|to)\s+(?:the\s)?[A-Z][a-z]+/],
  ),
  person: (s) => {
    const named = NAME.test(s);
    if (named && (SPEECH.test(s) || ROLE.test(s))) return FULL;
    return named ? WEAK : 0;
  },
  organization: level([ACRONYM], [INNER_CAPITAL]),
  reason: level(
    [/\b(?:because|due to|in order to|so that|as a result|caused by|citing|reason)\b/i],
    [/\b(?:over|amid|after)\b/i],
  ),
  quote: level([/["“”]/], [SPEECH]),
  list: (s) => {
    const commas = s.match(/,\s/g)?.length ?? 0;
    if (/:\s*$/.test(s) || (commas >= 2 && /\b(?:and|or)\b/.test(s))) return FULL;
    return commas >= 1 && /\b(?:and|or)\b/.test(s) ? WEAK : 0;
  },
  definition: level([
    /\b(?:is|are|was|were) (?:a|an|the)\b/i,
    /\b(?:means|refers to|known as)\b/i,
    // A name spelt out before its abbreviation: "State Health Board (SHB)".
    /\b[A-Z][a-z]+(?:\s+(?:of|and|for|on|the|de)?\s*[A-Z][a-z]+)+\s+\([A-Z][A-Za-z&]{1,9}\)/,
  ]),
};

/** Longest sentence text examined, in characters (longer text is cut first). */
const MAX_SENTENCE = 2000;

/**
 * The level (0, {@link WEAK} or {@link FULL}) of each kind of answer in a sentence, in
 * {@link EVIDENCE_KINDS} order.
 *
 * @example
 * annotateSentence('Nearly 2,400 workers struck on Oct. 21.')[EVIDENCE_KINDS.indexOf('date')] // => 2
 */
export function annotateSentence(sentence: string): Uint8Array {
  const text = sentence.slice(0, MAX_SENTENCE);
  return Uint8Array.from(EVIDENCE_KINDS.map((kind) => DETECTORS[kind](text)));
}
