import type { EvidenceKind } from '../index/annotate.ts';
import { emptyThesaurus, type Thesaurus } from './wordnet.ts';

/**
 * Expected answer types: what kind of phrase a question asks for. The wh-word decides where it
 * can ("when", "where", "who", "why", "how many"); after "what"/"which" the noun asked about
 * decides, by its WordNet category ("which lawmakers" → a person, "what city" → a place, "what
 * percentage" → a number), so no noun needs a rule of its own. Patterns are linear (no nested
 * quantifiers) so long inputs cannot make them backtrack.
 */

/** The kind of phrase a question asks for. */
export type AnswerType =
  | 'number'
  | 'money'
  | 'duration'
  | 'date'
  | 'time'
  | 'place'
  | 'person'
  | 'organization'
  | 'reason'
  | 'quote'
  | 'list'
  | 'definition'
  | 'yesno'
  | 'other';

/** What a question's type detection found. */
export interface TypedQuestion {
  type: AnswerType;
  /** The noun that names the kind of answer ("what year" → "year"), if the question has one. */
  typeNoun?: string;
}

/** WordNet lexicographer files (noun categories) and the answer type a noun of each asks for. */
const CATEGORY_TYPES: ReadonlyMap<number, AnswerType> = new Map([
  [7, 'number'], // noun.attribute: number, size, length, price
  [14, 'organization'], // noun.group: union, agency, company
  [15, 'place'], // noun.location: city, site, region
  [16, 'reason'], // noun.motive: reason
  [18, 'person'], // noun.person: lawmaker, official, leader
  [21, 'money'], // noun.possession: money, salary, fine
  [23, 'number'], // noun.quantity: count, dozen
  [24, 'number'], // noun.relation: percentage, ratio
  [28, 'date'], // noun.time: year, day, month
]);

/**
 * A wh-word that opens the question or an embedded question ("do you know who ..."), or ends it
 * as chat puts it ("ferry leaves when?"), so a relative "whose" or "when" inside a question
 * ("riders whose ferry sails") does not count.
 */
function wh(words: string): RegExp {
  return new RegExp(
    `(?:^|\\b(?:and|so|but|then|know|tell me|ask|asking|wondering|say|idea)\\s)(?:${words})\\b|\\b(?:${words})\\W*$`,
  );
}

/** Question patterns, tried in order; the first match decides. Matched on normalised text. */
const QUESTION_PATTERNS: ReadonlyArray<readonly [RegExp, AnswerType]> = [
  [/\b(?:what|which) (?:kinds|types|sorts|categories) of\b|\blist (?:the|all)\b/, 'list'],
  [/\bhow long\b|\bfor how long\b|\bhow many (?:days|weeks|months|years|hours)\b/, 'duration'],
  [/\bwhat time\b|\b(?:what|which) hours?\b/, 'time'],
  [
    /\bhow (?:much|many)\b|\bhow (?:big|large|high|low|often|old|far|tall|small)\b|\bby how\b/,
    'number',
  ],
  [wh('when'), 'date'],
  [/\bsince when\b/, 'date'],
  [wh('where'), 'place'],
  [wh('who|whom|whose'), 'person'],
  [wh('why'), 'reason'],
  [/\bfor what reason\b|\bwhat (?:caused|led to|prompted|made)\b/, 'reason'],
  [
    /^(?:so |and |but )?what (?:did|does|do|has|have|had|will|would) .{1,80}\b(?:say|said|tell|told|claim|argue|write|think|announce)\b/,
    'quote',
  ],
  [
    /^what (?:is|are|was|were|does|do) (?:a |an |the )?[\w-]+(?: [\w-]+)?(?: mean| stand for)?\s?\?*$/,
    'definition',
  ],
  [
    /^(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|may|might|must)\b/,
    'yesno',
  ],
];

/** "how much" questions about money: the verb or noun says it is an amount paid. */
const MONEY_CUE =
  /\b(?:pay|paid|cost|costs|spend|spent|earn|earns|earned|charge|charged|fine|fined|owe|owed|worth|price|dollars?)\b/;

/** Questions of at most this many words without a question word are read as fragments. */
const FRAGMENT_WORDS = 6;

/**
 * The noun right after "what"/"which"/"how many"/"how much" (skipping one adjective at most).
 * After an auxiliary ("what did the hospital offer?") the next noun is the subject, not the one
 * asked for.
 */
const ASKED_NOUN =
  /\b(?:what|which|how many|how much)\s+(?!(?:is|are|was|were|be|been|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must)\b)((?:[a-z-]+\s)?[a-z-]+)/;

/**
 * Detects the expected answer type of a normalised question and the noun naming it.
 *
 * @example
 * detectAnswerType('which lawmakers helped?', englishThesaurus) // => { type: 'person', typeNoun: 'lawmakers' }
 */
export function detectAnswerType(
  normalizedQuestion: string,
  thesaurus: Thesaurus = emptyThesaurus,
): TypedQuestion {
  const q = normalizedQuestion.trim();
  const nounCategory = (word: string) => thesaurus.nounCategory(word);
  const asked = ASKED_NOUN.exec(q)?.[1]?.split(' ') ?? [];
  const nounTyped = (): TypedQuestion | undefined => {
    // "what new contract" → "contract"; "which lawmakers" → "lawmakers".
    // The first word WordNet knows as a noun decides: "what new contract" → "contract",
    // "what city hosts ..." → "city".
    for (const noun of asked) {
      const category = nounCategory(noun);
      if (category === undefined) continue;
      const type = CATEGORY_TYPES.get(category);
      if (!type) return undefined;
      return { type, typeNoun: noun };
    }
    return undefined;
  };
  for (const [pattern, type] of QUESTION_PATTERNS) {
    if (!pattern.test(q)) continue;
    if (type === 'number' && /\bhow much\b/.test(q) && MONEY_CUE.test(q)) return { type: 'money' };
    if (type === 'number') {
      const typed = nounTyped();
      if (typed && ['duration', 'money', 'date', 'time'].includes(typed.type)) return typed;
      // "what percentage": the noun names a number; "how many pies" counts pies, which any
      // number does not express.
      const noun = asked.find((w) => CATEGORY_TYPES.get(nounCategory(w) ?? -1) === 'number');
      return noun ? { type, typeNoun: noun } : { type };
    }
    // "what does X mean", "what does X stand for": the verb names the kind of answer, as a noun
    // does, and is expressed by a sentence that defines X, not by the word itself.
    const defining =
      type === 'definition' ? /\b(mean|stand)(?: for)?\s?\?*$/.exec(q)?.[1] : undefined;
    if (defining) return { type, typeNoun: defining };
    // "what time", "which hours": the pattern names the kind of answer with a noun (but "how many
    // days" counts days: that noun is the counted one).
    const noun = asked[0];
    const named =
      noun && pattern.exec(q)?.[0].includes(noun) && !/^how\b/.test(pattern.exec(q)?.[0] ?? '');
    return named ? { type, typeNoun: noun } : { type };
  }
  if (asked.length > 0) return nounTyped() ?? { type: 'other' };
  // A fragment ("contract expiration date?"): its last noun may name the answer.
  const words = q.match(/[a-z-]+/g) ?? [];
  const last = words[words.length - 1];
  if (words.length <= FRAGMENT_WORDS && last && !/^(?:what|which|how)\b/.test(q)) {
    const type = CATEGORY_TYPES.get(nounCategory(last) ?? -1);
    if (type) return { type, typeNoun: last };
  }
  return { type: 'other' };
}

/**
 * The kind of answer, in a sentence, that a question type asks for (none for yes/no and other
 * questions, which any sentence may answer).
 *
 * @example
 * evidenceKindOf('duration') // => 'duration'
 */
export function evidenceKindOf(type: AnswerType): EvidenceKind | undefined {
  return type === 'yesno' || type === 'other' ? undefined : type;
}

/**
 * What a question asks for, as an answer is arranged for it:
 * - `account`: an account or a judgement (why, yes or no, what happened), on which sides may
 *   disagree;
 * - `amount`: how many, how much, how long: each event has its own, and sides may state it
 *   differently ("six weeks" against "within ten days");
 * - `date`: when: each event has its own, but when something happened is not a claim;
 * - `fact`: any other one fact (who, where, what it stands for, a quote, a list).
 */
export type Asked = 'account' | 'amount' | 'date' | 'fact';

const ASKED: Readonly<Record<AnswerType, Asked>> = {
  reason: 'account',
  yesno: 'account',
  other: 'account',
  number: 'amount',
  money: 'amount',
  duration: 'amount',
  date: 'date',
  time: 'fact',
  place: 'fact',
  person: 'fact',
  organization: 'fact',
  quote: 'fact',
  list: 'fact',
  definition: 'fact',
};

/**
 * What a question of this type asks for (see {@link Asked}).
 *
 * @example
 * askedOf('duration') // => 'amount'
 */
export function askedOf(type: AnswerType): Asked {
  return ASKED[type];
}
