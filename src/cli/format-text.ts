import { stripTerminalControls } from '../bot/plain-text.ts';
import type { Reply, SourcesReply, TimelineReply } from '../bot/reply.ts';
import type { SourcesMarkup } from '../bot/sources-lines.ts';
import { sourcesLines } from '../bot/sources-lines.ts';
import { describeTimelineEvent } from '../bot/timeline.ts';
import {
  CONTEXT_HEADING,
  SOURCES_HEADING,
  timelineEmptyText,
  timelineHeading,
  UNDATED,
  unsureOpening,
} from '../bot/wording.ts';
import { attributeSnippet } from '../core/answer/speaker-label.ts';
import type { Answer, Citation } from '../core/types.ts';

/** One line naming a source: title, publisher, date (or "undated") and link, where known. */
function describeCitation(
  citation: Pick<Citation, 'title' | 'publisher' | 'date' | 'url'>,
): string {
  const parts = [citation.title, citation.publisher, citation.date ?? UNDATED].filter(Boolean);
  return citation.url ? `${parts.join(', ')} <${citation.url}>` : parts.join(', ');
}

/** The numbered citations, each quoted with who says it, and its source on the next line. */
function citationLines(citations: readonly Citation[]): string[] {
  return citations.flatMap((c) => [
    `[${c.n}] ${attributeSnippet(c.snippet, c.speaker, c.publisher)}`,
    `    ${describeCitation(c)}`,
  ]);
}

/**
 * Renders an answer for a terminal. A confident answer: its text, then "Sources:" and each
 * numbered citation with who says it (`Union (NUHW): “…”`, `Reporter (The Sacramento Bee): …`),
 * then its source and date. When the engine is unsure: "I'm not sure the documents answer this
 * exactly; these passages come closest:" and the numbered passages. Not found: its text alone.
 * Terminal control characters are removed.
 *
 * @example
 * console.log(formatTextAnswer(engine.answer('Why did they strike?')));
 */
export function formatTextAnswer(answer: Answer): string {
  let lines: string[];
  if (!answer.answered && answer.reason === 'unsure' && answer.citations.length > 0) {
    lines = [unsureOpening(answer), '', ...citationLines(answer.citations)];
  } else {
    lines = [answer.text];
    if (answer.citations.length > 0)
      lines.push('', SOURCES_HEADING, ...citationLines(answer.citations));
  }
  return stripTerminalControls(lines.join('\n'));
}

/** Plain text: nothing escaped, details indented under each numbered title. */
const consoleMarkup: SourcesMarkup = {
  escape: (text) => text,
  strong: (text) => text,
  truncate: (text, max) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`),
  detailPrefix: '   ',
  refusedPrefix: '  ',
};

/**
 * Renders the whole list of sources for a terminal (a terminal has no message limit, so there
 * are no pages): the count, when the index was rebuilt, the files refused with their errors, and
 * every document, newest first, with its publisher, date and sentence count.
 *
 * @example
 * formatConsoleSources({ kind: 'sources', sources: listSources(state), page: 1, command: ':sources' });
 */
export function formatConsoleSources(reply: SourcesReply): string {
  const { heading, rebuilt, entries } = sourcesLines(reply.sources, consoleMarkup);
  return stripTerminalControls([`${heading}. ${rebuilt}.`, ...entries].join('\n'));
}

/** A timeline for a terminal: the heading, then every event on its own line. */
function formatTimeline(reply: TimelineReply): string {
  if (reply.events.length === 0) return timelineEmptyText(reply.query);
  return [
    timelineHeading(reply.query, reply.events.length),
    ...reply.events.map((e) => describeTimelineEvent(e)),
  ].join('\n');
}

/**
 * Renders any bot reply for the console chat: answers as {@link formatTextAnswer}, texts as
 * they are, timelines one event a line, "Show context" passages quoted with their sources,
 * and the list of sources.
 */
export function formatConsoleReply(reply: Reply): string {
  if (reply.kind === 'answer') return formatTextAnswer(reply.answer);
  if (reply.kind === 'text') return stripTerminalControls(reply.text);
  if (reply.kind === 'sources') return formatConsoleSources(reply);
  if (reply.kind === 'timeline') return stripTerminalControls(formatTimeline(reply));
  const lines = [CONTEXT_HEADING];
  for (const p of reply.passages) {
    lines.push(
      '',
      `[${p.n}] ${describeCitation(p.citation)}`,
      `    "${p.before}${p.snippet}${p.after}"`,
    );
  }
  return stripTerminalControls(lines.join('\n'));
}
