/**
 * Speech acts in the writer's own words of a sentence (its quotation frame): "said", "according
 * to", "claims that", "is asking for"... Each act gives the text on either side of its verb, where
 * the speaker is named. English words only; no corpus knowledge.
 */

/** Verbs that report what someone said or holds, in the forms news writing uses. */
const SAY_VERBS = [
  'said',
  'says',
  'say',
  'saying',
  'stated',
  'states',
  'told',
  'tells',
  'added',
  'adds',
  'add',
  // "reports" is as often a noun ("news reports"): a verb only when "that" follows.
  'report(?:s|ed)?\\s+that',
  'continued',
  'explained',
  'explains',
  'noted',
  'notes',
  'wrote',
  'writes',
  'announced',
  'announces',
  'claimed',
  'claims',
  'claim',
  'insisted',
  'insists',
  'insist',
  'argued',
  'argues',
  'argue',
  'contended',
  'contends',
  'maintained',
  'maintains',
  'warned',
  'warns',
  'alleged',
  'alleges',
  'acknowledged',
  'acknowledges',
  'declared',
  'declares',
  'replied',
  'responded',
  'countered',
  'stressed',
  'emphasized',
  'emphasised',
  'asserted',
  'asserts',
  'believes',
  'instructed',
  'instructs',
  'urged',
  'urges',
  'urging',
  // Concerns and objections raised are their raiser's words.
  '(?:raised|raises|raising|voiced|voices|voicing|expressed|expresses|expressing)\\s+(?:concerns?|objections?|alarm|doubts?)',
  'confirmed',
  'confirms',
  // A commitment is the committer's stated position.
  'vowed',
  'vows',
  'pledged',
  'pledges',
  'promised',
  'promises',
  'predicted',
  'testified',
  // "issued a statement that read:" names its speaker as "said in a statement" does, and so do
  // "issued the following statement" and "released a joint statement".
  '(?:issued|issues|released|releases)\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+)?statement',
];

/** Verbs of blame: their subject makes the charge ("the guild accused the hospital of ..."). */
const BLAME_VERBS = [
  'accused',
  'accuses',
  'accuse',
  'blamed',
  'blames',
  'blame',
  'criticized',
  'criticizes',
  'criticised',
  'criticises',
  'faulted',
  'faults',
];
const BLAME = new RegExp(`^(?:${BLAME_VERBS.join('|')})$`, 'iu');

/** Verbs that report a position when followed by what is asked for ("asks for", "calls on"). */
const POSITION_VERBS = [
  '(?:asks?|asked|asking)\\s+(?:for|that)',
  '(?:calls?|called|calling)\\s+(?:for|on|upon)',
  'demands?',
  'demanded',
  'demanding',
  'wants?',
  'wanted',
  'seeks?',
  'seeking',
  'sought',
  'propos(?:es?|ed|ing)',
  // An expectation is its holder's position ("the union expects to finish the vote Friday").
  '(?:expects?|expected|expecting)\\s+(?:to|that)',
];

const POSITION = new RegExp(`^(?:${POSITION_VERBS.join('|')})$`, 'iu');

/**
 * True for a verb that reports a position ("demands", "is asking for") rather than speech: what a
 * party's own document says the other party wants is its own account, not a quotation.
 *
 * @example
 * reportsPosition('demanding') // => true
 */
export function reportsPosition(verb: string): boolean {
  return POSITION.test(verb.replace(/\s+/gu, ' '));
}

const VERB = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(according\\s+to|${[...SAY_VERBS, ...BLAME_VERBS, ...POSITION_VERBS].join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Words before a verb form that make it a noun ("the claims", "its demands") or an infinitive. */
const NOT_A_VERB_AFTER =
  /(?:^|[\s(])(?:to|the|a|an|these|those|its|their|his|her|our|my|your|such|whose|no)\s*$|['’]s\s*$/iu;
const PASSIVE = /(?:^|\s)(?:is|are|was|were|be|been|being)\s*$/iu;

/** Speech verbs as often used of things as of words ("the river has added a tributary"). */
const OF_THINGS_TOO = /^(?:add|adds|added|continued)$/iu;

/**
 * False for a verb of {@link OF_THINGS_TOO} that takes an object or an infinitive, not words:
 * it reports speech after a quotation or a comma ("…,” she added"), or before words, a quotation,
 * a pause or "in a statement" ("added that", "continued: …").
 */
function reportsWords(verb: string, before: string, after: string): boolean {
  if (!OF_THINGS_TOO.test(verb)) return true;
  if (/[,"“”'’]\s*$/u.test(before)) return true;
  if (/^\s*(?:that(?![\p{L}\p{N}])|[,:.;!?"“”]|$|in\s+(?:a|an|the|its|their)\s)/iu.test(after)) {
    return true;
  }
  // "They add the company failed to ...": a clause with its own verb, "that" left out.
  const clause = (after.split(/[,;:.()]/u)[0] ?? '').split(/\s+/u).filter((w) => w !== '');
  return clause.some(
    (word, i) =>
      i > 0 &&
      (AUXILIARY.test(word) ||
        (/\p{L}{3,}ed$/u.test(word) && !DETERMINER.test(clause[i - 1] ?? ''))),
  );
}

/** Auxiliaries: after one, the words after a speech verb are a clause of their own. */
const AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)$/iu;
/** Words before a noun: "the watershed" is no past tense. */
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that|these|those)$/iu;

/** True for past participles, which after "is"/"was" make a passive ("was said"). */
function isParticiple(verb: string): boolean {
  const first = verb.toLowerCase().split(/\s/)[0] ?? '';
  return first.endsWith('ed') || first === 'said' || first === 'told' || first === 'sought';
}

/** One report of speech: the verb and the text on each side of it. */
export interface SpeechAct {
  /** The verb as written ("said", "according to", "is asking for" → "asking for"). */
  verb: string;
  /** The frame before the verb: where a subject speaker is ("Jane Doe said"). */
  before: string;
  /** The frame after the verb: where an inverted speaker is ("said Jane Doe", "according to X"). */
  after: string;
  /**
   * Where the speaker must be: `after` for "according to" and passives ("was said by X");
   * `subject` for a participle after a comma, whose speaker is the subject of the sentence
   * ("Workers walked out on Monday, demanding ...").
   */
  side: 'before' | 'after' | 'either' | 'subject';
  /**
   * True for a verb found by `reportsSpeech` rather than in the speech verbs ("detailed that"):
   * it reports speech only when its subject is a known party.
   */
  lexical?: boolean;
}

/** "what X calls", "what X has described as": X names, and so characterises, what follows. */
const WHAT_IT_CALLS =
  /(?<![\p{L}\p{N}'’-])what\s+([^,;:\uE000]{2,80}?)\s+(?:(?:has|have|had)\s+)?(calls|called|call|terms|termed|describes\s+as|described\s+as|dubs|dubbed)(?![\p{L}\p{N}])/giu;

/** A word followed by "that": a verb of communication there reports what its subject said. */
const BEFORE_THAT = /(?<![\p{L}\p{N}'’-])(\p{L}+)(?=\s+that(?![\p{L}\p{N}]))/gu;

/**
 * The speech acts of a sentence frame, in order. Infinitives ("to demand") and nouns ("its
 * demands") are not acts; a passive counts only with its agent ("was stated by the guild").
 * `reportsSpeech`, when given, tells other verbs of communication, which count before "that"
 * ("The statement from the hospital detailed that ...").
 *
 * @example
 * findSpeechActs('Workers, the union says, are tired.')[0]?.before // => 'Workers, the union '
 */
export function findSpeechActs(
  frame: string,
  reportsSpeech?: (word: string) => boolean,
): SpeechAct[] {
  const acts: Array<SpeechAct & { at: number }> = [];
  const listed = new Set<number>();
  for (const match of frame.matchAll(VERB)) {
    listed.add(match.index);
    const verb = match[0];
    const before = frame.slice(0, match.index);
    const after = frame.slice(match.index + verb.length);
    if (/^according/i.test(verb)) {
      acts.push({ verb, before, after, side: 'after', at: match.index });
      continue;
    }
    if (NOT_A_VERB_AFTER.test(before)) continue;
    if (!reportsWords(verb, before, after)) continue;
    // "the German states of Bavaria", "the claims of the guild": a plural noun, not a verb.
    if (/s$/iu.test(verb) && /^\s+of\s/iu.test(after)) continue;
    if (isParticiple(verb) && PASSIVE.test(before)) {
      const agent = /^\s+by\s+/iu.exec(after);
      if (agent) {
        acts.push({
          verb,
          before,
          after: after.slice(agent[0].length),
          side: 'after',
          at: match.index,
        });
      }
      continue;
    }
    const participle = /^\p{L}+ing\b/iu.test(verb) && /,\s*$/u.test(before);
    const blame = BLAME.test(verb);
    // "Bayview criticized for ...": a headline's passive, the subject is the one blamed.
    if (blame && /^\s+(?:for|of|over)\s/iu.test(after)) continue;
    const side = participle ? 'subject' : blame ? 'before' : 'either';
    acts.push({ verb, before, after, side, at: match.index });
  }
  if (reportsSpeech) {
    for (const match of frame.matchAll(BEFORE_THAT)) {
      const verb = match[0];
      if (listed.has(match.index) || !reportsSpeech(verb.toLowerCase())) continue;
      const before = frame.slice(0, match.index);
      if (NOT_A_VERB_AFTER.test(before) || PASSIVE.test(before)) continue;
      const after = frame.slice(match.index + verb.length);
      acts.push({ verb, before, after, side: 'before', lexical: true, at: match.index });
    }
  }
  // "ends what the guild calls the longest strike": the name given is the namer's claim.
  for (const match of frame.matchAll(WHAT_IT_CALLS)) {
    const [, namer, verb] = match as unknown as [string, string, string];
    const at = match.index + match[0].length - verb.length;
    // "what the river is called": a passive names no namer.
    if (listed.has(at) || PASSIVE.test(namer)) continue;
    acts.push({ verb, before: frame.slice(0, at), after: ` ${namer}`, side: 'after', at });
  }
  return acts.sort((a, b) => a.at - b.at).map(({ at: _, ...act }) => act);
}
