/**
 * Expected answer types: what kind of phrase a question asks for, and whether a sentence holds one.
 * Patterns are linear (no nested quantifiers) so long inputs cannot make them backtrack.
 */

/** The kind of phrase a question asks for. */
export type AnswerType =
  | 'kinds'
  | 'definition'
  | 'number'
  | 'money'
  | 'duration'
  | 'date'
  | 'time'
  | 'place'
  | 'person'
  | 'organization'
  | 'reason'
  | 'yesno'
  | 'phone'
  | 'other';

/**
 * A wh-word that opens the question (or an embedded one: "do you know who ..."), so a relative
 * "whose" or "when" inside a question ("patients whose therapist strikes") does not count.
 */
function wh(words: string): RegExp {
  return new RegExp(
    `(?:^|\\b(?:and|so|but|then|know|tell me|ask|asking|wondering|say)\\s)(?:${words})\\b`,
  );
}

/** Question patterns, tried in order; the first match decides. Matched on normalised text. */
const QUESTION_PATTERNS: ReadonlyArray<readonly [RegExp, AnswerType]> = [
  [
    /^what (?:kind|type|sort) of \w+ (?:is|are|was|were)\b|^what (?:is|are) (?:a |an )?[\w-]+\s?\?*$/,
    'definition',
  ],
  [
    /\b(?:what|which) (?:kinds|types|sorts|categories) of\b|\bwho (?:is|are) (?:on strike|striking|affected|included|represented)\b/,
    'kinds',
  ],
  [/\b(?:phone|telephone|hotline)\b|\bnumber (?:can|should|do|to) .*\bcall\b/, 'phone'],
  [
    /\bhow much\b.*\b(?:pay|paid|earn|earns|make|makes|cost|costs|invest|invested|spend|spent|fine|fined|worth|dollars?|money|settlement|salary|wages?|budget|price)\b|\bwhat (?:is|was) the (?:penalty|fine|settlement|price|cost|salary)\b/,
    'money',
  ],
  [/\bhow long\b|\bhow many (?:days|weeks|months|years|hours)\b|\bfor how long\b/, 'duration'],
  [
    /\bwhat time\b|\bwhat hours\b|\bwhich hours\b|\bwhen (?:do|does|did|will) .*\b(?:start|begin|end|open|close)\b.*\b(?:day|morning)\b/,
    'time',
  ],
  [
    /\bhow (?:many|much)\b|\bwhat (?:number|percentage|percent|share|fraction|proportion|ratio|amount)\b|\bby how\b|\bhow (?:big|large|high|low)\b/,
    'number',
  ],
  [wh('when'), 'date'],
  [/\bwhat (?:date|day|year|month)\b|\bwhich (?:date|day|year|month)\b|\bsince when\b/, 'date'],
  [wh('where'), 'place'],
  [
    /\bwhich (?:location|locations|site|sites|city|cities|hospital|hospitals|facility|facilities|region)\b|\bwhat (?:location|locations|address|city|site)\b/,
    'place',
  ],
  [wh('who|whom|whose'), 'person'],
  [
    /\bwhich (?:\w+ )?(?:lawmakers?|officials?|leaders?|executives?|people|person|politicians?|legislators?)\b/,
    'person',
  ],
  [
    /\bwhich (?:union|organization|agency|company|group)\b|\bwhat (?:union|organization|agency|company|group)\b/,
    'organization',
  ],
  [wh('why'), 'reason'],
  [
    /\bwhat (?:is|was|are|were) the reasons?\b|\bfor what reason\b|\bwhat (?:caused|led to|prompted)\b/,
    'reason',
  ],
  [/^(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should)\b/, 'yesno'],
];

/**
 * Detects the expected answer type of a normalised question.
 *
 * @example
 * detectAnswerType('how many workers went on strike?') // => 'number'
 */
export function detectAnswerType(normalizedQuestion: string): AnswerType {
  const q = normalizedQuestion.trim();
  for (const [pattern, type] of QUESTION_PATTERNS) {
    if (pattern.test(q)) return type;
  }
  return 'other';
}

/** A personal name: two or three capitalised words, maybe with an initial ("Janet A. Liang"). */
const NAME = String.raw`\b(?!(?:Kaiser|Permanente|National|Union|California|Southern|Northern|Medical|Health|Department|The|In|On|At|Last|This|That|Senate|Assembly)\b)[A-Z][a-z]+(?:\s[A-Z]\.)?\s(?!(?:Kaiser|Permanente|Union|Medical|Center|Health|Care|Department)\b)[A-Z][a-zA-Z'-]+`;
const ROLE = String.raw`[Pp]resident|[Dd]irector|[Ss]peaker|[Tt]em|[Cc]hief|officer|leader|ceo|secretary|senator|chair|spokesperson|spokeswoman|spokesman|psychologist|therapist|worker|manager|administrator|pro\stem`;
const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|quarter|third|thousands|hundreds|millions)\b/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/i;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const TIME_UNIT = /\b(?:second|minute|hour|day|week|month|year|decade)s?\b/i;

/** 1 for a sentence that enumerates ("psychologists, social workers and nurses"), else 0.25. */
function listScore(sentence: string): number {
  const commas = sentence.match(/,\s/g)?.length ?? 0;
  return commas >= 2 && /\b(?:and|or)\b/.test(sentence) ? 1 : 0.25;
}

/** Sentence patterns for each answer type (raw sentence text, case-insensitive where it helps). */
export const SENTENCE_PATTERNS: Readonly<
  Record<Exclude<AnswerType, 'other' | 'yesno' | 'kinds' | 'definition'>, RegExp[]>
> = {
  number: [/\d/, NUMBER_WORD],
  money: [
    /\$\s?\d/,
    /\b\d[\d,.]*\s?(?:dollars|million|billion)\b/i,
    /\b(?:dollars|fine[ds]?|settlement)\b/i,
  ],
  duration: [
    new RegExp(`(?:\\d+|${NUMBER_WORD.source})[-\\s]+(?:${TIME_UNIT.source})`, 'i'),
    /\b(?:indefinite|open-ended|until)\b/i,
  ],
  date: [
    MONTH,
    WEEKDAY,
    /\b(?:19|20)\d{2}\b/,
    /\b(?:today|yesterday|tomorrow|last year|this week|summer|spring|fall|winter)\b/i,
  ],
  time: [
    /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|(?:am|pm)\b)/i,
    /\b(?:noon|midnight|morning|afternoon|evening)\b/i,
  ],
  place: [
    /\b\d{2,5}\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+/,
    /\b(?:Ave|Blvd|St|Rd|Street|Avenue|Boulevard|Road)\b/,
    /\b(?:Medical Center|Hospital|Offices?|clinic)\b/i,
    /\b(?:in|at|from|across)\s+(?:[A-Z][a-z]+\s?){1,3}/,
  ],
  person: [
    // A name next to a role or a speech verb: "Sal Rosselli, president of", "said Annie Russell".
    new RegExp(
      `${NAME}(?:,\\s(?:the\\s|a\\s)?(?:${ROLE})\\b|\\s(?:said|says|stated|told)\\b)|\\b(?:said|says|${ROLE})\\s${NAME}|[,”"]\\s[A-Z][a-zA-Z'-]+\\s(?:said|says|stated)\\b`,
    ),
    new RegExp(`${NAME}`),
  ],
  organization: [/\b(?:union|NUHW|Kaiser|department|agency|DMHC|association|council)\b/i],
  reason: [
    /\b(?:because|due to|citing|cited|over|to demand|demanding|in order to|so that|saying|after|amid|calling for|concerns?)\b/i,
  ],
  phone: [/\b\d{1,2}[-\s.]?\d{3}[-\s.]\d{3}[-\s.]\d{4}\b|\(\d{3}\)\s?\d{3}-\d{4}/],
};

/**
 * How strongly a sentence holds the expected answer type: 1 when it clearly does, 0.5 for a weak
 * cue, 0 when it does not. `other` and `yesno` questions accept any sentence (0.5).
 *
 * @example
 * answerTypeScore('number', 'Nearly 2,400 workers struck.') // => 1
 */
export function answerTypeScore(type: AnswerType, sentence: string): number {
  if (type === 'other' || type === 'yesno') return 0.5;
  if (type === 'kinds') return listScore(sentence);
  if (type === 'definition') return /\b(?:is|are|was|were) (?:a|an)\b/i.test(sentence) ? 1 : 0.25;
  const patterns = SENTENCE_PATTERNS[type];
  const text = sentence.slice(0, 2000);
  if (patterns[0]?.test(text)) return 1;
  for (const pattern of patterns.slice(1))
    if (pattern.test(text)) return type === 'money' ? 0.5 : 0.75;
  return 0;
}
