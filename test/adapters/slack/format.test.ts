import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeSlackText,
  formatSlackQuestion,
  formatSlackReply,
  type SlackBlock,
  toPlainQuestion,
  truncateSlackText,
} from '../../../src/adapters/slack/format.ts';
import type { Answer, Citation } from '../../../src/core/types.ts';

const citation = (over: Partial<Citation> = {}): Citation => ({
  n: 1,
  docId: 'socal',
  title: 'Kaiser mental health workers strike across SoCal',
  snippet:
    'Nearly 2,400 mental health workers at Kaiser Permanente facilities are on strike Thursday.',
  score: 1,
  ...over,
});

const answered = (citations: Citation[], text = 'Nearly 2,400 workers struck. [1]'): Answer => ({
  question: 'How many struck?',
  answered: true,
  text,
  citations,
});

const texts = (blocks: SlackBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === 'section'
      ? [b.text.text]
      : b.type === 'context'
        ? b.elements.map((e) => e.text)
        : [],
  );

describe('escapeSlackText', () => {
  it('escapes &, < and > and breaks special mentions', () => {
    expect(escapeSlackText('<!channel> A&B <@U1> @here @Everyone @channel')).toBe(
      '&lt;!channel&gt; A&amp;B &lt;@U1&gt; @\u200bhere @\u200bEveryone @\u200bchannel',
    );
  });
});

describe('truncateSlackText', () => {
  it('leaves short text alone', () => {
    expect(truncateSlackText('abc', 3)).toBe('abc');
  });
  it('cuts with an ellipsis and never inside an entity', () => {
    expect(truncateSlackText('ab&amp;cd', 5)).toBe('ab…');
    expect(truncateSlackText('abcdefgh', 5)).toBe('abcd…');
  });
  it('never splits a surrogate pair', () => {
    expect(truncateSlackText('ab😀cd', 4)).toBe('ab…');
  });
});

describe('formatSlackReply', () => {
  it('renders the answer, a divider and one section per citation with a linked source', () => {
    const reply = formatSlackReply(
      answered([
        citation({
          url: 'https://example.org/a?x=1&y=2',
          publisher: 'Spectrum News',
          date: '2024-10-17',
          speaker: { name: 'Kaiser officials', side: 'employer', label: 'Kaiser' },
        }),
        citation({
          n: 2,
          docId: 'b',
          title: 'Press <release>',
          snippet: 'Workers & patients.',
          speaker: {
            name: 'Sal Rosselli',
            role: 'president',
            side: 'union',
            label: 'Union (NUHW)',
          },
        }),
      ]),
    );
    expect(reply.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Nearly 2,400 workers struck. [1]', verbatim: true },
      },
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*[1]* Kaiser: “Nearly 2,400 mental health workers at Kaiser Permanente facilities are on strike Thursday.”\n— <https://example.org/a?x=1&amp;y=2|Kaiser mental health workers strike across SoCal>, Spectrum News, 2024-10-17',
          verbatim: true,
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*[2]* Union (NUHW), Sal Rosselli: “Workers &amp; patients.”\n— Press &lt;release&gt;, undated',
          verbatim: true,
        },
      },
    ]);
    expect(reply.text).toBe(
      'Nearly 2,400 workers struck. [1]\n\n[1] Kaiser mental health workers strike across SoCal (Spectrum News, 2024-10-17)\n[2] Press &lt;release&gt; (undated)',
    );
  });

  it('renders an unanswered question as one section', () => {
    const reply = formatSlackReply({
      question: 'capital of France?',
      answered: false,
      text: "I couldn't find that in the documents.",
      citations: [],
      reason: 'not-found',
    });
    expect(reply).toEqual({
      text: "I couldn't find that in the documents.",
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: "I couldn't find that in the documents.", verbatim: true },
        },
      ],
    });
  });

  it('does not link a source whose URL is not http(s)', () => {
    const reply = formatSlackReply(answered([citation({ url: 'javascript:alert(1)' })]));
    expect(texts(reply.blocks)[1]).toMatch(
      /\n— Kaiser mental health workers strike across SoCal, undated$/,
    );
  });

  it('keeps 60 citations under 50 blocks and a 10,000-character snippet under 3,000', () => {
    const many = Array.from({ length: 60 }, (_, i) => citation({ n: i + 1 }));
    expect(formatSlackReply(answered(many)).blocks).toHaveLength(49);
    const long = formatSlackReply(answered([citation({ snippet: 'strike & '.repeat(1200) })]));
    const section = texts(long.blocks)[1] ?? '';
    expect(section.length).toBeLessThan(3000);
    expect(section).toMatch(
      /&amp; strike …”\n— Kaiser mental health workers strike across SoCal, undated$/,
    );
  });
});

describe('formatSlackQuestion', () => {
  it('mentions the asker and escapes the question', () => {
    expect(formatSlackQuestion('U123', 'Why <!here> & @channel?')).toBe(
      '<@U123> asked: Why &lt;!here&gt; &amp; @\u200bchannel?',
    );
  });
  it('does not trust a user id that is not one', () => {
    expect(formatSlackQuestion('<!channel>', 'x')).toBe('Someone asked: x');
  });
});

describe('toPlainQuestion', () => {
  it('drops the bot mention and special mentions, keeps labels and decodes entities', () => {
    expect(
      toPlainQuestion(
        '<@UBOT>  what did <@U2> say about <https://x.org|this> in <#C1|strike> &amp; &lt;why&gt;? <!here>',
        'UBOT',
      ),
    ).toBe('what did @U2 say about this in #strike & <why>?');
  });
  it('drops a labelled bot mention', () => {
    expect(toPlainQuestion('<@UBOT|strikebot> strike dates', 'UBOT')).toBe('strike dates');
  });
});

const tricky = fc.constantFrom(
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '@here',
  '@channel',
  '@everyone',
  '<@U123>',
  '<#C1|general>',
  '<https://evil.example|click>',
  '&amp;',
  '&lt;',
  '&',
  '<',
  '>',
  '*bold* _it_ ~s~ `code` ```block```',
  '> quote',
  '\u200b',
  '\ud83d',
  '🏳️‍🌈',
  'e\u0301',
  '\u202e',
  '\n\n',
);
const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), tricky), { maxLength: 30 })
  .map((parts) => parts.join(''));
const longText = fc.oneof(
  text,
  fc
    .tuple(
      fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 12 })),
      fc.integer({ min: 1, max: 500 }),
    )
    .map(([t, n]) => t.repeat(n)),
);
const arbCitation = fc.record({
  n: fc.integer({ min: 1, max: 99 }),
  docId: text,
  title: text,
  publisher: fc.option(text, { nil: undefined }),
  date: fc.option(text, { nil: undefined }),
  url: fc.option(
    fc.oneof(
      fc.constantFrom(
        'https://example.org/a?x=1&y=<2>',
        'http://example.org/|pipe>',
        'https://example.org/"q" *b*',
        'https://example.org/@here',
        'ftp://example.org/',
        'javascript:alert(1)',
      ),
      text,
    ),
    { nil: undefined },
  ),
  snippet: longText,
  score: fc.double({ noNaN: true }),
});
const arbAnswer = fc.record({
  question: text,
  answered: fc.boolean(),
  text: longText,
  citations: fc.array(arbCitation, { maxLength: 60 }),
});

const link = /<https?:\/\/[^\s|<>]+\|[^<>]*>/g;

/** Every way `reply` breaks Slack's limits or lets markup through; empty when it is fine. */
function problems(reply: ReturnType<typeof formatSlackReply>): string[] {
  const found: string[] = [];
  if (reply.blocks.length === 0 || reply.blocks.length >= 50)
    found.push(`${reply.blocks.length} blocks`);
  if (reply.text.length > 2900) found.push(`fallback of ${reply.text.length} characters`);
  for (const t of [...texts(reply.blocks), reply.text]) {
    if (t.length === 0 || t.length >= 3000) found.push(`text of ${t.length} characters`);
    if (/@(channel|here|everyone)/i.test(t)) found.push(`special mention in ${JSON.stringify(t)}`);
    // Apart from our own source links, no `<` or `>` remains: no mention, no link, no command.
    if (/[<>]/.test(t.replace(link, ''))) found.push(`markup in ${JSON.stringify(t)}`);
    // Every `&` starts one of the three entities Slack knows.
    if (/&(?!amp;|lt;|gt;)/.test(t)) found.push(`bare & in ${JSON.stringify(t)}`);
  }
  for (const b of reply.blocks) {
    if (b.type === 'section' && b.text.verbatim !== true) found.push('section without verbatim');
  }
  return found;
}

describe('formatSlackReply (property)', () => {
  it('stays within Slack limits and lets no markup or mention through, for any answer', () => {
    fc.assert(
      fc.property(arbAnswer, (answer) => {
        expect(problems(formatSlackReply(answer))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('quotes every short snippet, escaped, in its own section', () => {
    fc.assert(
      fc.property(fc.array(arbCitation, { minLength: 1, maxLength: 5 }), (citations) => {
        const short = citations.map((c) => ({ ...c, snippet: c.snippet.slice(0, 200) }));
        const sections = texts(formatSlackReply(answered(short)).blocks).slice(1);
        short.forEach((c, i) => {
          const quoted = escapeSlackText(c.snippet.replace(/\s+/g, ' ').trim());
          // A snippet that opens with its own quote mark gets none added.
          const shown = /^["“‘']/.test(quoted) ? quoted : `“${quoted}”`;
          expect(sections[i]).toContain(`*[${c.n}]* ${shown}`);
        });
      }),
      { numRuns: 200 },
    );
  });
});
