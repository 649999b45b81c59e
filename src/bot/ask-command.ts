/**
 * Reads the commands people type instead of a question: `sources [page]` and `timeline [year or
 * words]` as the text of an ask command (Slack, Discord), and `:sources [page]` and `:timeline
 * [year or words]` as a console line. The one place these are parsed; adapters only hand over
 * the text. Closed patterns, no guessing: anything else is a question.
 */
import type { BotCommand, TimelineCommand } from './incoming.ts';
import { toPlainWords } from './plain-text.ts';
import { parsePage, parseSourcesCommand } from './sources-command.ts';
import { CONSOLE_SOURCES_COMMAND, CONSOLE_TIMELINE_COMMAND } from './wording.ts';

/** `timeline [year or words]`: the first word asks for the timeline, the rest narrows it. */
const TIMELINE_WORD = /^timeline\b[\s:]*(.*)$/is;

/**
 * The timeline command in the plain words of an ask command (`timeline`, `timeline 2019`,
 * `Timeline: contract`), with the rest as its query, or undefined when the text is something else.
 *
 * @example
 * parseTimelineCommand('timeline 2019');  // { kind: 'timeline', query: '2019' }
 * parseTimelineCommand('timelines?');     // undefined
 */
export function parseTimelineCommand(text: string): TimelineCommand | undefined {
  const match = TIMELINE_WORD.exec(text);
  if (!match) return undefined;
  return { kind: 'timeline', query: (match[1] ?? '').trim() };
}

/**
 * The command in the plain words of an ask command (`/ask sources 2`, `/ask timeline 2019`), or
 * undefined when the text is a question.
 *
 * @example
 * parseAskCommand('sources 2');      // { kind: 'sources', page: 2 }
 * parseAskCommand('timeline 2019');  // { kind: 'timeline', query: '2019' }
 * parseAskCommand('why strike?');    // undefined
 */
export function parseAskCommand(text: string): BotCommand | undefined {
  return parseSourcesCommand(text) ?? parseTimelineCommand(text);
}

/**
 * The command of a console line: `:sources [page]` (any argument that is not a page is page 1)
 * or `:timeline [year or words]`, in any case; undefined for anything else (a question, or an
 * unknown word starting with ":", which the console answers itself).
 *
 * @example
 * parseConsoleCommand(':sources 2');         // { kind: 'sources', page: 2 }
 * parseConsoleCommand(':TIMELINE expired');  // { kind: 'timeline', query: 'expired' }
 */
export function parseConsoleCommand(line: string): BotCommand | undefined {
  const [name = '', ...rest] = line.trim().split(/\s+/);
  const argument = rest.join(' ');
  switch (name.toLowerCase()) {
    case CONSOLE_SOURCES_COMMAND:
      return { kind: 'sources', page: parsePage(argument) };
    case CONSOLE_TIMELINE_COMMAND:
      return { kind: 'timeline', query: toPlainWords(argument) };
    default:
      return undefined;
  }
}
