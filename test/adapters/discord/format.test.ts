import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  DISCORD_LIMITS,
  embedLength,
  escapeDiscordText,
  formatDiscordReply,
  permissionGuidance,
  threadNameFor,
  truncateText,
  withNotice,
} from '../../../src/adapters/discord/format.ts';
import type { Answer, Citation } from '../../../src/core/types.ts';

// Property tests over long strings: room for a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every piece of text in an answer. */
const answerStrings = (a: Answer): string[] => [
  a.question,
  a.text,
  ...a.citations.flatMap((c) => [c.title, c.snippet, c.publisher ?? '', c.date ?? '', c.url ?? '']),
];

const citation = (over: Partial<Citation> = {}): Citation => ({
  n: 1,
  docId: 'socal-strike',
  title: 'Thousands of Kaiser Permanente mental health workers are going on strike',
  publisher: 'CBS Los Angeles',
  date: '2024-10-14',
  url: 'https://example.org/socal-strike',
  snippet:
    'Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday.',
  score: 1,
  speaker: { side: 'reporter', label: 'Reporter' },
  ...over,
});

describe('formatDiscordReply', () => {
  it('renders an answer as one embed with a quoted, sourced field per citation', () => {
    const answer: Answer = {
      question: 'How many struck?',
      answered: true,
      text: 'Nearly 2,400 mental health workers went on strike [1].\nSee also [2].',
      citations: [
        citation(),
        citation({
          n: 2,
          title: 'Call-off',
          publisher: undefined,
          date: undefined,
          url: undefined,
          snippet: 'The union called off the strike.',
          speaker: { name: 'the union', side: 'union', label: 'Union (NUHW)' },
        }),
      ],
    };
    expect(formatDiscordReply(answer)).toEqual({
      embeds: [
        {
          color: 0x2f6f4f,
          title: 'How many struck?',
          description: 'Nearly 2,400 mental health workers went on strike [1].\nSee also [2].',
          fields: [
            {
              name: '[1] Thousands of Kaiser Permanente mental health workers are going on strike',
              value:
                '> Reporter (CBS Los Angeles): Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday.\n— CBS Los Angeles, 2024-10-14 · [Read the source](https://example.org/socal-strike)',
            },
            {
              name: '[2] Call-off',
              value: '> Union (NUHW): “The union called off the strike.”\n— undated',
            },
          ],
        },
      ],
      allowedMentions: { parse: [], repliedUser: false },
    });
  });

  it("sends a refusal as short plain text in the engine's words", () => {
    const answer: Answer = {
      question: 'Capital of France?',
      answered: false,
      text: "I couldn't find that in the documents. They cover the *Kaiser* strikes.",
      citations: [],
      reason: 'not-found',
    };
    expect(formatDiscordReply(answer)).toEqual({
      content: "I couldn't find that in the documents. They cover the \\*Kaiser\\* strikes.",
      embeds: [],
      allowedMentions: { parse: [], repliedUser: false },
    });
  });

  it('falls back to its own short refusal when the engine gives no text', () => {
    const reply = formatDiscordReply({ question: 'x', answered: false, text: '', citations: [] });
    expect(reply.content).toBe(
      "I couldn't find that in the documents. They cover the Kaiser Permanente mental health strikes and bargaining, 2018 to 2024.",
    );
  });

  it('escapes markdown in the question and snippets and drops non-http links', () => {
    const reply = formatDiscordReply({
      question: '# **why** `strike` [x](https://evil.example)?',
      answered: true,
      text: '> quoted _text_ [1]',
      citations: [citation({ snippet: '- a ~~list~~ ||spoiler||', url: 'javascript:alert(1)' })],
    });
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('\\# \\*\\*why\\*\\* \\`strike\\` \\[x](https://evil.example)?');
    expect(embed?.description).toBe('\\> quoted \\_text\\_ [1]');
    expect(embed?.fields?.[0]?.value).toBe(
      '> Reporter (CBS Los Angeles): \\- a \\~\\~list\\~\\~ \\|\\|spoiler\\|\\|\n— CBS Los Angeles, 2024-10-14',
    );
  });

  it('shows at most 10 citations and says how many more there are', () => {
    const citations = Array.from({ length: 12 }, (_, i) => citation({ n: i + 1 }));
    const reply = formatDiscordReply({ question: 'q', answered: true, text: 't', citations });
    expect(reply.embeds[0]?.fields).toHaveLength(10);
    expect(reply.embeds[0]?.footer).toEqual({ text: '2 more sources not shown' });
  });

  const text = fc.oneof(
    fc.string({ maxLength: 6000, unit: 'grapheme' }),
    fc.string({ maxLength: 3000, unit: 'binary' }),
    fc.constantFrom(
      '@everyone',
      '@here',
      '<@&123456789012345678>',
      '**',
      '\\',
      '`',
      '\u{1F600}',
      'é',
    ),
  );
  const arbitraryCitation = fc.record({
    n: fc.integer({ min: 1, max: 99 }),
    docId: fc.string(),
    title: text,
    publisher: fc.option(text, { nil: undefined }),
    date: fc.option(text, { nil: undefined }),
    url: fc.option(fc.oneof(fc.webUrl(), text), { nil: undefined }),
    snippet: text,
    score: fc.double(),
    speaker: fc.option(
      fc.record({
        side: fc.constantFrom('union', 'employer', 'reporter', 'unknown'),
        label: text,
        name: fc.option(text, { nil: undefined }),
        role: fc.option(text, { nil: undefined }),
      }),
      { nil: undefined },
    ),
  });
  const arbitraryAnswer = fc.record({
    question: text,
    answered: fc.boolean(),
    text: fc.oneof(
      text,
      fc.array(text, { maxLength: 8 }).map((parts) => parts.join('\n')),
    ),
    citations: fc.array(arbitraryCitation, { maxLength: 30 }),
    reason: fc.option(
      fc.constantFrom('empty' as const, 'too-long' as const, 'not-found' as const),
      {
        nil: undefined,
      },
    ),
  });

  it('fits every Discord limit and parses no mentions, whatever the answer holds', () => {
    fc.assert(
      fc.property(arbitraryAnswer, (answer) => {
        const reply = formatDiscordReply(answer);
        expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
        expect(reply.embeds.length).toBeLessThanOrEqual(1);
        const content = reply.content ?? '';
        expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        expect(content.length > 0 || reply.embeds.length === 1).toBe(true);
        for (const embed of reply.embeds) {
          expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
          expect(embed.description?.length ?? 0).toBeGreaterThan(0);
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(
            DISCORD_LIMITS.embedDescription,
          );
          expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
          for (const field of embed.fields ?? []) {
            expect(field.name.length).toBeGreaterThan(0);
            expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
            expect(field.value.length).toBeGreaterThan(0);
            expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
          }
          expect(embedLength(embed) + content.length).toBeLessThanOrEqual(
            DISCORD_LIMITS.embedTotal,
          );
        }
        // Truncation never splits a character: well-formed input gives well-formed output.
        if (!answerStrings(answer).some((x) => LONE_SURROGATE.test(x))) {
          const shown = reply.embeds.flatMap((e) => [
            e.title ?? '',
            e.description ?? '',
            e.footer?.text ?? '',
            ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
          ]);
          expect([content, ...shown].filter((x) => LONE_SURROGATE.test(x))).toEqual([]);
        }
      }),
      { numRuns: 200, seed: 20241014 },
    );
  });

  it('shows every citation whole when the answer is of ordinary size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 500 }), { minLength: 1, maxLength: 3 }),
        (snippets) => {
          const citations = snippets.map((snippet, i) =>
            citation({ n: i + 1, snippet: `Kaiser ${snippet}` }),
          );
          const reply = formatDiscordReply({
            question: 'q',
            answered: true,
            text: 't [1]',
            citations,
          });
          expect(reply.embeds[0]?.fields).toHaveLength(citations.length);
          for (const [i, field] of (reply.embeds[0]?.fields ?? []).entries()) {
            const quote = escapeDiscordText(`Kaiser ${snippets[i]}`);
            expect(field.value.startsWith(`> Reporter (CBS Los Angeles): ${quote}`)).toBe(true);
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('truncateText', () => {
  it('cuts with an ellipsis and never splits a surrogate pair or leaves a lone escape', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abcdef', 6)).toBe('abcdef');
    expect(truncateText('ab\u{1F600}cd', 4)).toBe('ab…');
    expect(truncateText('ab\\*cd', 4)).toBe('ab…');
    expect(truncateText('a\\\\bcd', 4)).toBe('a\\\\…');
  });
  it('keeps well-formed text well-formed and within the limit, for any cut', () => {
    const piece = fc.constantFrom('a', '\\', '\u{1F600}', 'é', ' ', '*');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 0, max: 50 }),
        (parts, max) => {
          const out = truncateText(parts.join(''), max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(LONE_SURROGATE.test(out)).toBe(false);
          expect(/(^|[^\\])(\\\\)*\\…$/.test(out)).toBe(false);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('threadNameFor', () => {
  it('folds whitespace, keeps 100 characters at most and never returns an empty name', () => {
    expect(threadNameFor('  why are   they\nstriking? ')).toBe('why are they striking?');
    expect(threadNameFor('x'.repeat(150))).toBe(`${'x'.repeat(99)}…`);
    expect(threadNameFor('   ')).toBe('Question');
  });
});

describe('permissionGuidance', () => {
  it("names the channel and each permission, in Discord's words, and who can grant them", () => {
    expect(permissionGuidance("I couldn't answer", '42', ['SendMessagesInThreads'])).toBe(
      "I couldn't answer in <#42>: I need the Send Messages in Threads permission there. A server admin can grant it to me in the channel's settings (Permissions).",
    );
    expect(
      permissionGuidance("I couldn't answer", '42', [
        'ViewChannel',
        'ReadMessageHistory',
        'EmbedLinks',
      ]),
    ).toBe(
      "I couldn't answer in <#42>: I need the View Channel, Read Message History and Embed Links permissions there. A server admin can grant them to me in the channel's settings (Permissions).",
    );
  });
});

describe('withNotice', () => {
  const notice = "I couldn't answer in <#42>: I need the Send Messages permission there.";
  const answer: Answer = {
    question: 'How many struck?',
    answered: true,
    text: 'Nearly 2,400 went on strike [1].',
    citations: [citation()],
  };

  it('puts the notice above an embed answer and keeps the embed and mention settings', () => {
    const reply = formatDiscordReply(answer);
    expect(withNotice(reply, notice)).toEqual({ ...reply, content: notice });
  });

  it('puts a plain-text answer after the notice, within the 2,000-character limit', () => {
    const refusal = { ...formatDiscordReply(answer), content: 'Not covered.', embeds: [] };
    expect(withNotice(refusal, notice).content).toBe(`${notice}\n\nNot covered.`);
    const long = withNotice({ ...refusal, content: 'x'.repeat(DISCORD_LIMITS.content) }, notice);
    expect(long.content).toHaveLength(DISCORD_LIMITS.content);
    expect(long.content?.endsWith('x…')).toBe(true);
  });
});
