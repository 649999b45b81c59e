/**
 * Turns an engine {@link Answer} into a Slack message (Block Kit plus fallback text), and Slack's
 * message markup back into a plain question. Pure functions: no Bolt, no I/O.
 */
import { type FeedbackButton, feedbackId } from '../../bot/feedback-ids.ts';
import { packRuns } from '../../bot/pack-runs.ts';
import {
  type ContextPassage,
  hasContext,
  hasFeedback,
  type Reply,
  type TimelineReply,
} from '../../bot/reply.ts';
import { safeUrl } from '../../bot/safe-url.ts';
import { describeTimelineEvent } from '../../bot/timeline.ts';
import {
  ASKED,
  BUTTON_LABELS,
  CONTEXT_HEADING,
  SOMEONE,
  timelineEmptyText,
  timelineHeading,
  timelineMoreText,
  UNDATED,
  unsureOpening,
} from '../../bot/wording.ts';
import { attributeSnippet } from '../../core/answer/speaker-label.ts';
import type { Answer, Citation } from '../../core/types.ts';
import { formatSlackSources } from './format-sources.ts';
import {
  escapeSlackText,
  MAX_BLOCKS,
  MAX_FALLBACK_CHARS,
  MAX_SECTION_CHARS,
  type SlackBlock,
  type SlackButton,
  type SlackMessage,
  sectionBlock as section,
  truncateSlackText,
} from './text.ts';

// The limits, block types and text helpers moved to text.ts; importers of this file keep them.
export * from './text.ts';

/** Longest speaker description before a quote (labels and names are short; data may not be). */
const MAX_SPEAKER_CHARS = 300;

/** An `http(s)` URL made safe for `<url|label>`, or undefined when the URL is unusable. */
function linkTarget(url: string | undefined): string | undefined {
  const safe = safeUrl(url);
  if (safe === undefined) return undefined;
  // `href` percent-encodes spaces, quotes and `<>`; `|` would end the target, so encode it too.
  const href = safe.replace(/\|/g, '%7C');
  return href.length > 1000 ? undefined : escapeSlackText(href);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Title, Publisher, 2024-10-14" with the title linked when the source has a URL ("undated" when it has no date). */
function sourceLine(citation: Citation): string {
  const title = escapeSlackText(oneLine(citation.title) || citation.docId).replace(/\|/g, '¦');
  const target = linkTarget(citation.url);
  const parts = [target ? `<${target}|${truncateSlackText(title, 300)}>` : title];
  if (citation.publisher) parts.push(escapeSlackText(oneLine(citation.publisher)));
  parts.push(escapeSlackText(oneLine(citation.date ?? UNDATED)));
  return parts.join(', ');
}

/** `*[n]* Union (NUHW): “quote”` and the source line under it. */
function citationText(citation: Citation): string {
  const source = `— ${sourceLine(citation)}`;
  const attribute = (quote: string) =>
    attributeSnippet(quote, citation.speaker, citation.publisher, (words) =>
      truncateSlackText(escapeSlackText(oneLine(words)), MAX_SPEAKER_CHARS),
    );
  const room = MAX_SECTION_CHARS - source.length - attribute('').length - 20;
  const quote = truncateSlackText(escapeSlackText(oneLine(citation.snippet)), Math.max(room, 100));
  return `*[${citation.n}]* ${attribute(quote)}\n${source}`;
}

function fallbackText(answer: Answer, citations: readonly Citation[]): string {
  const lines = [escapeSlackText(answer.text.trim() || answer.question.trim() || '…')];
  if (citations.length > 0) {
    lines.push('');
    for (const c of citations) {
      const meta = [c.publisher, c.date ?? UNDATED]
        .filter(Boolean)
        .map((v) => oneLine(v as string));
      const title = oneLine(c.title) || c.docId;
      lines.push(
        escapeSlackText(`[${c.n}] ${title}${meta.length > 0 ? ` (${meta.join(', ')})` : ''}`),
      );
    }
  }
  return truncateSlackText(lines.join('\n'), MAX_FALLBACK_CHARS);
}

/** Options for {@link formatSlackReply}. */
export interface SlackFormatOptions {
  /** Blocks kept free at the end of the message (for the buttons). Default 0. */
  reserveBlocks: number;
}

/**
 * Renders an answer as a Slack message: a section with the answer text, then (for answered
 * questions) a divider and one section per citation quoting its snippet, with the source's title
 * (linked when it has a URL), publisher and date. When the engine is unsure, the first section
 * says "I'm not sure the documents answer this exactly; these passages come closest:" instead,
 * above the same numbered, quoted passages; not found is its text alone. Every piece of text is
 * escaped, sections stay under 3,000 characters and the message under 50 blocks (extra
 * citations are dropped).
 *
 * @example
 * const { text, blocks } = formatSlackReply(engine.answer('How many workers struck?'));
 * await client.chat.postMessage({ channel, thread_ts, text, blocks });
 */
export function formatSlackReply(
  answer: Answer,
  options: Partial<SlackFormatOptions> = {},
): SlackMessage {
  const reserve = options.reserveBlocks ?? 0;
  const unsure = !answer.answered && answer.reason === 'unsure' && answer.citations.length > 0;
  const opening = unsure ? unsureOpening(answer) : answer.text;
  const blocks: SlackBlock[] = [section(escapeSlackText(opening))];
  // The answer section and the divider take two blocks.
  const citations = answer.citations.slice(0, MAX_BLOCKS - 2 - reserve);
  if (citations.length > 0) {
    blocks.push({ type: 'divider' });
    for (const citation of citations) blocks.push(section(citationText(citation)));
  }
  return { text: fallbackText({ ...answer, text: opening }, citations), blocks };
}

/** The Helpful / Not helpful / Show context buttons under an answer. */
function feedbackBlock(answerId: string, withContext: boolean): SlackBlock {
  const button = (kind: FeedbackButton, label: string): SlackButton => ({
    type: 'button',
    text: { type: 'plain_text', text: label },
    action_id: feedbackId(kind, answerId),
    value: answerId,
  });
  return {
    type: 'actions',
    block_id: `strikebot:feedback:${answerId}`,
    elements: [
      button('helpful', BUTTON_LABELS.helpful),
      button('not-helpful', BUTTON_LABELS.notHelpful),
      ...(withContext ? [button('context', BUTTON_LABELS.context)] : []),
    ],
  };
}

/** One passage: the source line, then the sentences around the snippet with the snippet in bold. */
function passageText(passage: ContextPassage): string {
  const source = `*[${passage.n}]* ${sourceLine(passage.citation as Citation)}`;
  const room = MAX_SECTION_CHARS - source.length - 10;
  const snippet = truncateSlackText(
    escapeSlackText(oneLine(passage.snippet)),
    Math.max(room - 20, 40),
  );
  const side = Math.max(0, Math.floor((room - snippet.length) / 2));
  const beforeAll = escapeSlackText(oneLine(passage.before));
  const before =
    beforeAll.length <= side
      ? beforeAll
      : `…${beforeAll.slice(beforeAll.length - side + 1)}`.replace(/^…[^&]*;/, '…');
  const after = truncateSlackText(escapeSlackText(oneLine(passage.after)), side);
  const quote = [before, `*${snippet}*`, after].filter((part) => part !== '').join(' ');
  return `${source}\n${quote}`;
}

/**
 * A timeline: a section with the heading, then the events one a line, packed into sections under
 * Slack's 3,000 characters, in at most 49 blocks; a context block says how many are left out.
 */
function formatTimeline(reply: TimelineReply): SlackMessage {
  if (reply.events.length === 0) {
    return { text: escapeSlackText(timelineEmptyText(reply.query)), blocks: [] };
  }
  const heading = escapeSlackText(timelineHeading(reply.query, reply.events.length));
  const lines = reply.events.map((event) =>
    truncateSlackText(
      describeTimelineEvent(event, (t) => escapeSlackText(oneLine(t))),
      MAX_SECTION_CHARS,
    ),
  );
  // The heading takes one block and the "more" note may need another.
  const runs = packRuns(lines, {
    size: (line) => line.length,
    maxSize: MAX_SECTION_CHARS,
    separator: 1,
  }).slice(0, MAX_BLOCKS - 2);
  const shown = runs.reduce((sum, run) => sum + run.length, 0);
  const blocks: SlackBlock[] = [section(heading), ...runs.map((run) => section(run.join('\n')))];
  const hidden = reply.events.length - shown;
  if (hidden > 0) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: escapeSlackText(timelineMoreText(hidden)), verbatim: true },
      ],
    });
  }
  return { text: truncateSlackText(heading, MAX_FALLBACK_CHARS), blocks };
}

/**
 * Renders any bot reply for Slack: an answer with its buttons (Helpful, Not helpful, and Show
 * context when it quotes something), a short text, the "Show context" passages, or the list of
 * sources.
 *
 * @example
 * const { text, blocks } = renderSlackReply(reply);
 */
export function renderSlackReply(reply: Reply): SlackMessage {
  if (reply.kind === 'text') {
    return { text: truncateSlackText(escapeSlackText(reply.text), MAX_FALLBACK_CHARS), blocks: [] };
  }
  if (reply.kind === 'timeline') return formatTimeline(reply);
  if (reply.kind === 'context') {
    const passages = reply.passages.slice(0, MAX_BLOCKS - 1);
    return {
      text: escapeSlackText(CONTEXT_HEADING),
      blocks: [
        section(escapeSlackText(CONTEXT_HEADING)),
        ...passages.map((p) => section(passageText(p))),
      ],
    };
  }
  if (reply.kind === 'sources') return formatSlackSources(reply);
  if (!hasFeedback(reply)) return formatSlackReply(reply.answer);
  const message = formatSlackReply(reply.answer, { reserveBlocks: 1 });
  return {
    ...message,
    blocks: [...message.blocks, feedbackBlock(reply.answerId, hasContext(reply))],
  };
}

/**
 * The channel message that opens an `/ask` thread: `<@U123> asked: …` with the question escaped.
 * `userId` must be a Slack user id; anything else is left out rather than trusted as markup.
 *
 * @example
 * formatSlackQuestion('U123', 'Why <b>?'); // '<@U123> asked: Why &lt;b&gt;?'
 */
export function formatSlackQuestion(userId: string, question: string): string {
  const who = /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : SOMEONE;
  return truncateSlackText(`${who} ${ASKED} ${escapeSlackText(oneLine(question))}`, 2900);
}

/**
 * Turns Slack message markup into the plain question the engine reads: drops mentions of the
 * bot and special mentions (`<!here>`), keeps link labels, and decodes `&amp;`, `&lt;`, `&gt;`.
 *
 * @example
 * toPlainQuestion('<@UBOT> how many &amp; when?', 'UBOT'); // 'how many & when?'
 */
export function toPlainQuestion(text: string, botUserId?: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return target.slice(1) === botUserId ? ' ' : (label ?? target);
    if (target.startsWith('!')) return ' ';
    if (target.startsWith('#')) return label ? `#${label}` : target;
    return label ?? target;
  });
  return plain
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
