/**
 * Every sentence strikebot says to a person, on every surface (Discord, Slack, the console), in
 * one place. Formatters decide layout and escaping; the words come from here.
 */

import { listWords } from '../core/answer/compose.ts';
import { formatDate } from '../core/answer/compose-layout.ts';
import type { Answer } from '../core/types.ts';
import type { SourceEntry } from '../knowledge/list-sources.ts';
import type { Platform } from './incoming.ts';

/** What the bot is about, as one phrase. */
const TOPIC = 'the Kaiser Permanente mental health strikes (NUHW, 2018 to 2024)';

/** Example questions the help reply suggests (general questions, not taken from any test set). */
const EXAMPLE_QUESTIONS = [
  'Why did Kaiser mental health workers go on strike?',
  'How many workers struck in Southern California?',
  'When did the union contract expire?',
] as const;

/** Said when answering failed for a reason on our side or the platform's. */
export const FAILURE_TEXT =
  'Sorry, something went wrong while answering. Please try again in a minute.';

/** Said to a question that arrives while the bot is shutting down. */
export const RESTARTING_TEXT = 'I am restarting; please ask again shortly.';

/**
 * The opening of closest passages: which of the question's words no document mentions, when
 * some are not, and how the passages are arranged when the engine arranged them (by side, by
 * recency with the date of the newest quoted, by event, with each side's claim after them);
 * the plain opening otherwise. The sides are said to disagree only on a question the
 * documents cover word for word: they do not dispute what none of them mentions.
 *
 * @example
 * unsureOpening({ layout: 'newest-first', citations: [{ date: '2025-05-08', ... }] });
 * // "I'm not sure the documents answer this exactly; these passages come closest, the newest documents first (the newest is from May 8, 2025):"
 * unsureOpening({ citations: [...], unmentioned: ['parking'] });
 * // "I'm not sure the documents answer this exactly: none of them mentions “parking”. These passages come closest:"
 */
export function unsureOpening(
  answer: Pick<Answer, 'layout' | 'eventYears' | 'citations' | 'unmentioned'>,
): string {
  const { layout, eventYears = [], unmentioned = [] } = answer;
  const lead =
    unmentioned.length > 0
      ? `I'm not sure the documents answer this exactly: none of them mentions ${listWords(unmentioned)}. These passages come closest`
      : "I'm not sure the documents answer this exactly; these passages come closest";
  if (layout === 'both-sides') {
    return `${lead}, each side's claim labelled${unmentioned.length > 0 ? '' : ' (the sides disagree)'}:`;
  }
  if (layout === 'newest-first') {
    const newest = answer.citations[0]?.date;
    return `${lead}, the newest documents first${newest ? ` (the newest is from ${formatDate(newest)})` : ''}:`;
  }
  if (layout === 'sides-after') return `${lead}, then each side's nearest claim, labelled:`;
  if (layout === 'by-event') {
    const which = eventYears.length > 0 ? eventYears.join(', ') : 'there are several';
    return `${lead}, one per event (${which}), newest first:`;
  }
  return `${lead}:`;
}

/** Said when the engine gives no text of its own for an unanswered question. */
export const NOT_FOUND_FALLBACK =
  "I couldn't find that in the documents. They cover the Kaiser Permanente mental health strikes and bargaining, 2018 to 2024.";

/** Heading of the numbered sources under a console answer. */
export const SOURCES_HEADING = 'Sources:';

/** Labels of the three buttons under every answer (text, not emoji, for screen readers). */
export const BUTTON_LABELS = {
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  context: 'Show context',
} as const;

/** A link label under a quoted source. */
export const READ_SOURCE = 'Read the source';
/** Title of a source that has none. */
export const UNTITLED_SOURCE = 'Untitled source';
/** Shown where a citation has no quote. */
export const NO_QUOTE = '(no quote)';

/**
 * The polite reply to a user over their limit, naming when to try again (whole seconds, at least 1).
 *
 * @example
 * rateLimitText(12_300); // 'You are asking quickly; please try again in 13 seconds.'
 */
export function rateLimitText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are asking quickly; please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

/** `n sources not shown` under a message that had to leave some out. */
export function moreSourcesText(hidden: number): string {
  return `${hidden} more source${hidden === 1 ? '' : 's'} not shown`;
}

/** Where a reply is shown: the platform, and the name its slash command has there. */
export interface Surface {
  platform: Platform;
  /** The ask command as people type it (`/ask`); unused on the console. */
  command: string;
  /** The command that lists the sources (`/sources`); unused on the console. Default `/sources`. */
  sourcesCommand?: string;
}

/** How the console chat's sources command is typed. */
export const CONSOLE_SOURCES_COMMAND = ':sources';

/** The console's timeline command: `:timeline [year or words]` lists dated events. */
export const CONSOLE_TIMELINE_COMMAND = ':timeline';

/** How to list the sources on `surface`, for the help reply. */
function howToListSources({ platform, sourcesCommand = '/sources' }: Surface): string {
  if (platform === 'console') {
    return `Type ${CONSOLE_SOURCES_COMMAND} to list the documents I answer from.`;
  }
  return `\`${sourcesCommand}\` lists the documents I answer from.`;
}

/** How people ask on `surface`, for the help reply. */
function howToAsk({ platform, command }: Surface): string {
  if (platform === 'discord') {
    return `Ask with \`${command} question:\`, mention me in a channel (I answer in a thread, where you can ask follow-ups), or send me a direct message.`;
  }
  if (platform === 'slack') {
    return `Try \`${command} ${EXAMPLE_QUESTIONS[1]}\`, mention me in a channel, reply in my threads for follow-ups, or send me a direct message.`;
  }
  return 'Type a question and press Enter; earlier questions give context to follow-ups. Ctrl-D quits.';
}

/** How to list the dated events on `surface`, for the help reply. */
function howToSeeTimeline({ platform, command }: Surface): string {
  if (platform === 'discord') {
    return '`/timeline` lists dated events, oldest first (add a year or words to narrow it).';
  }
  if (platform === 'slack') {
    return `\`/timeline 2024\` (or \`${command} timeline 2024\`) lists dated events, oldest first.`;
  }
  return `Type ${CONSOLE_TIMELINE_COMMAND} 2024 to list dated events, oldest first.`;
}

/** What the buttons under an answer do, for the help reply (the console has none). */
const BUTTONS_HELP =
  'Under each answer, Helpful and Not helpful tell the people who keep my documents whether it helped, and Show context shows you the sentences around each quote.';

/** The short introduction, examples and commands for `surface`. */
function introLines(surface: Surface): string[] {
  return [
    `I answer questions about ${TOPIC}, quoting news articles and press releases word for word and naming each source. For example:`,
    ...EXAMPLE_QUESTIONS.map((q) => `• ${q}`),
    howToAsk(surface),
    howToListSources(surface),
    howToSeeTimeline(surface),
    ...(surface.platform === 'console' ? [] : [BUTTONS_HELP]),
  ];
}

/** Reply to "hi", "hello", "good morning". */
export function greetingText(surface: Surface): string {
  return ['Hi!', ...introLines(surface)].join('\n');
}

/** Reply to "help", "what can you do?", "who are you?", an empty mention or an empty `/ask`. */
export function helpText(surface: Surface): string {
  return introLines(surface).join('\n');
}

/** Reply to "thanks" outside a thread (in a thread, thanks gets no reply at all). */
export const THANKS_TEXT = `You're welcome! Ask me anything else about ${TOPIC}.`;

/** What the documents are, for the "what sources do you have?" reply. */
export interface SourcesSummary {
  /** Number of documents. */
  documents: number;
  /** Publishers, most documents first. */
  publishers: readonly string[];
  /** Oldest and newest publication dates (ISO), when any document is dated. */
  from?: string;
  to?: string;
}

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `2024-10-14` → `Oct 2024`. */
function monthYear(iso: string): string {
  const [year, month] = iso.split('-');
  const name = MONTH_NAMES[Number(month) - 1];
  return name ? `${name} ${year}` : (year ?? iso);
}

/** Reply to "what sources do you have?": what the documents are, then the help. */
export function sourcesText(surface: Surface, summary: SourcesSummary): string {
  const n = summary.documents;
  const { from, to } = summary;
  let span = '';
  if (from && to) {
    span =
      monthYear(from) === monthYear(to)
        ? `, dated ${monthYear(from)} where they say`
        : `, dated ${monthYear(from)} to ${monthYear(to)} where they say`;
  }
  const by =
    summary.publishers.length > 0
      ? `; publishers include ${summary.publishers.slice(0, 5).join(', ')}`
      : '';
  return [
    `I answer from ${n} document${n === 1 ? '' : 's'}${span}${by}.`,
    ...introLines(surface),
  ].join('\n');
}

/** Acknowledges a vote (only the voter sees it). */
export function voteText(vote: 'helpful' | 'not-helpful', outcome: VoteOutcome): string {
  if (outcome === 'unavailable') {
    return 'Thanks! I could not save your vote just now (the question log is unavailable).';
  }
  if (outcome === 'off') return 'Thanks! Votes are not kept here (the question log is off).';
  if (outcome === 'unknown') {
    return 'Thanks! I no longer have this answer in my log (it is older than the log keeps), so the vote was not kept.';
  }
  const what = vote === 'helpful' ? 'helpful' : 'not helpful';
  const changed = outcome === 'changed' ? 'changed your vote: ' : '';
  const more = vote === 'not-helpful' ? ' The people who keep my documents review these.' : '';
  return `Thanks, ${changed}noted as ${what}.${more}`;
}

/** What happened to a vote: stored, changed, the same again, or not stored and why. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'unknown' | 'off' | 'unavailable';

/** Opens the private "Show context" reply. */
export const CONTEXT_HEADING = 'The sentences around each quote, word for word from the document:';

/** Said when "Show context" is clicked on an answer whose sources are no longer known. */
export const CONTEXT_GONE =
  'I no longer have the sources of this answer (it was given before a restart, with the question log off or older than it keeps). Ask again to see them.';

/** Introduces the question a Slack `/ask` answers, posted to the channel (`<@U1> asked: …`). */
export const ASKED = 'asked:';
/** Stands for an asker whose id cannot be shown. */
export const SOMEONE = 'Someone';

/** Tells a Slack user, privately, that the bot cannot post where they asked and how to fix it. */
export function slackInviteText(botMention: string): string {
  return `Only you can see this: I can't post in this conversation. To share answers here, invite me with \`/invite ${botMention}\`.`;
}

/** What the bot could not do, heading the Discord permission guidance. */
export const COULD_NOT_ANSWER = "I couldn't answer";
/** Heading of the guidance when an `/ask` reply could not get a thread. */
export const COULD_NOT_OPEN_THREAD = "I can't open a thread for follow-ups";

/**
 * Says what the bot could not do in a place, which permissions it needs there and who can grant
 * them. `place` is already platform markup (a Discord `<#id>` shows as the channel's name).
 *
 * @example
 * permissionText("I couldn't answer", '<#42>', ['Send Messages']);
 * // "I couldn't answer in <#42>: I need the Send Messages permission there. A server admin can grant it to me in the channel's settings (Permissions)."
 */
export function permissionText(what: string, place: string, names: readonly string[]): string {
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  const [noun, pronoun] = names.length > 1 ? ['permissions', 'them'] : ['permission', 'it'];
  return `${what} in ${place}: I need the ${list} ${noun} there. A server admin can grant ${pronoun} to me in the channel's settings (Permissions).`;
}

/** The console chat's first line at a terminal. */
export function consoleBanner(documents: number): string {
  return `strikebot: ask about the Kaiser Permanente mental health strikes (${documents} documents). Type "help" for examples; Ctrl-D to quit.`;
}

/** Said to a console line that starts with ":" but names no command the console knows. */
export function unknownConsoleCommandText(typed: string): string {
  return `I don't know the command ${typed}. Type ${CONSOLE_SOURCES_COMMAND} to list the documents I answer from, ${CONSOLE_TIMELINE_COMMAND} for the dated events, or ask a question.`;
}

/** `1,234` (thousands separated, as people read counts). */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `n thing` or `n things`. */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/**
 * The first line of `/sources`: how many documents and sentences, in which order.
 *
 * @example
 * sourcesHeading(12, 1234); // '12 documents (1,234 sentences), newest first'
 */
export function sourcesHeading(documents: number, sentences: number): string {
  return `${plural(documents, 'document')} (${plural(sentences, 'sentence')}), newest first`;
}

/**
 * When the index serving now was built, in UTC to the minute.
 *
 * @example
 * rebuiltText('2026-01-15T12:00:41.000Z'); // 'Index last rebuilt 2026-01-15 12:00 UTC'
 */
export function rebuiltText(iso: string): string {
  return `Index last rebuilt ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Stands for the date of a document that has none. */
export const UNDATED = 'undated';

/**
 * What `/sources` says about one document under its title: publisher, date (or "undated") and
 * the sentences it gives the index.
 *
 * @example
 * sourceDetails({ id: 'a', title: 'T', publisher: 'NUHW', date: '2024-10-14', sentences: 12 });
 * // 'NUHW · 2024-10-14 · 12 sentences'
 */
export function sourceDetails(entry: SourceEntry): string {
  return [entry.publisher, entry.date ?? UNDATED, plural(entry.sentences, 'sentence')]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' · ');
}

/** Heads the files that did not load, in `/sources`. */
export function refusedHeading(files: number): string {
  const they = files === 1 ? 'it is' : 'they are';
  return `${plural(files, 'file')} could not be loaded; I keep answering from the last good index until ${they} fixed:`;
}

/**
 * One file that did not load: the loader's error, which names the file and line, or the file
 * and the error when the error does not name it.
 */
export function refusedLine(file: string, error: string): string {
  return error.startsWith(file) ? error : `${file}: ${error}`;
}

/**
 * Says which page of `/sources` this is and how to see the next.
 *
 * @example
 * pageText(1, 3, '/sources page:2'); // 'Page 1 of 3; for the next, /sources page:2'
 */
export function pageText(page: number, pages: number, next: string | undefined): string {
  return next ? `Page ${page} of ${pages}; for the next, ${next}` : `Page ${page} of ${pages}`;
}

/** Discord's `/sources` command description and its option's description. */
export const DISCORD_SOURCES_DESCRIPTION =
  'List the documents strikebot answers from, newest first.';
export const DISCORD_PAGE_DESCRIPTION = 'Which page of the list (1 is the newest documents)';

/** Discord's `/ask` command description and its option's description. */
export const DISCORD_ASK_DESCRIPTION =
  'Ask about the Kaiser Permanente mental health strikes; answers quote the news.';
export const DISCORD_QUESTION_DESCRIPTION =
  'Your question, e.g. how many workers struck in Southern California?';

/**
 * The heading of a `/timeline` reply.
 *
 * @example
 * timelineHeading('2018', 4); // 'Timeline for “2018”: 4 dated events, oldest first.'
 */
export function timelineHeading(query: string, count: number): string {
  const what = `${count} dated event${count === 1 ? '' : 's'}, oldest first.`;
  return query ? `Timeline for “${query}”: ${what}` : `Timeline of the documents: ${what}`;
}

/** The `/timeline` reply when no dated event matches. */
export function timelineEmptyText(query: string): string {
  return query
    ? `No dated events in the documents match “${query}”. Try a year (for example 2024) or fewer words.`
    : 'The documents give no dated events.';
}

/** Under a timeline cut to fit the platform: how many events are left out and how to narrow it. */
export function timelineMoreText(hidden: number): string {
  return `${hidden} more event${hidden === 1 ? '' : 's'} not shown; narrow the timeline with a year or a few words.`;
}

/** Discord's `/timeline` command description and its option's description. */
export const DISCORD_TIMELINE_DESCRIPTION =
  'Dated events of the Kaiser mental health strikes, oldest first, quoted from the news.';
export const DISCORD_TIMELINE_QUERY_DESCRIPTION = 'A year or words to keep, e.g. 2019 or contract';
