/**
 * Tells small talk from questions. A message is small talk only when all of it is: every word is
 * part of a greeting, a thank-you, a request for help, a question about the bot itself or its
 * sources, or a filler word around those ("hi there", "thanks so much!", "can you help me
 * please?"). One word about anything else ("help with pay?", "hi, why did they strike?") makes it
 * a question for the engine. Closed word lists and phrase patterns, no corpus words: the rule
 * holds for any topic.
 */

/** What a message is. */
export type MessageKind = 'empty' | 'greeting' | 'thanks' | 'help' | 'sources' | 'question';

/** Phrase patterns per kind, over the normalised message (lower case, no punctuation). */
const PATTERNS: readonly [Exclude<MessageKind, 'empty' | 'question'>, RegExp][] = [
  [
    'sources',
    /\b(?:what|which) (?:sources|documents|docs|articles|news|texts|files|data)(?: do| are| did)?(?: you)?(?: have| use| know| read| cover| got| draw on| rely on| using| based on)?\b|\b(?:what|where) (?:are|is) (?:your|ur) (?:sources?|documents|docs|articles|data)\b|\bwhere (?:do|does) (?:you|your (?:answers|info|information)) (?:get (?:your|ur|the) (?:info|information|answers|facts)|get|come from)(?: from)?\b|\b(?:list|show)(?: me)?(?: your| the)? (?:sources|documents|articles)\b|\bwhat do you know\b|^ (?:sources|documents|articles) $/g,
  ],
  [
    'help',
    /\bhow (?:do|can|should) i (?:use|ask) (?:you|this|it|this bot|the bot)\b|\bhow (?:do(?:es)?|can) (?:you|this|it|this bot|the bot) work\b|\bwhat (?:can|do|could) (?:you|this bot|the bot|it) (?:do|help with|help me with)\b|\bwhat (?:are|r) (?:you|u)(?: for)?\b|\bwho (?:are|r) (?:you|u)\b|\bwhat is this(?: bot)?\b|\bwhat(?: are|s)? (?:the|your) commands\b|\b(?:can|could|would) (?:you|u) help(?: me)?\b|\bi need help\b|\bhelp(?: me)?\b|\b(?:commands|usage|instructions|how to use)\b/g,
  ],
  [
    'thanks',
    /\b(?:thank(?:s| you| u)?|thx|thnx|tnx|ty|tysm|cheers|much appreciated|appreciate it|appreciated|many thanks)\b/g,
  ],
  [
    'greeting',
    /\b(?:hi|hello|hey|heya|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|morning|evening|whats up|what is up|sup|how are you|how r u|hows it going|how is it going)\b/g,
  ],
];

/** Words that may surround small talk without making it a question. */
const FILLER = new Set(
  (
    'a again all also and any anyone anybody bot buddy but chatbot cool folks friend great guys ' +
    'hmm i im just kind lot lots me much my nice oh ok okay please pls plz really so team ' +
    'that the there this thing to too um uh very well you your yall everyone everybody ' +
    'awesome perfect excellent wonderful got it for that helpful sweet fantastic amazing ' +
    'lovely brilliant super great now was is it its was that'
  ).split(' '),
);

/** Lower case, typographic apostrophes folded, punctuation and emoji dropped, letters un-stretched. */
function normalise(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/'/g, '')
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      // "hiii", "thanksss", "heyyy": three or more of a letter stand for one.
      .replace(/(\p{L})\1{2,}/gu, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * What a message is: `question` unless the whole message is small talk. When it mixes kinds
 * ("hi, what can you do?"), the most useful reply wins: sources, then help, then thanks, then a
 * greeting.
 *
 * @example
 * classifyMessage('thanks!!');          // 'thanks'
 * classifyMessage('help');              // 'help'
 * classifyMessage('help with pay?');    // 'question'
 * classifyMessage('hi, why the strike?'); // 'question'
 */
export function classifyMessage(text: string): MessageKind {
  const plain = normalise(text);
  if (plain === '') return 'empty';
  let rest = ` ${plain} `;
  const found = new Set<MessageKind>();
  for (const [kind, pattern] of PATTERNS) {
    const next = rest.replace(pattern, ' ');
    if (next !== rest) found.add(kind);
    rest = next;
  }
  if (found.size === 0) return 'question';
  const leftover = rest.split(' ').filter((w) => w !== '' && !FILLER.has(w));
  if (leftover.length > 0) return 'question';
  for (const kind of ['sources', 'help', 'thanks', 'greeting'] as const) {
    if (found.has(kind)) return kind;
  }
  return 'question';
}
