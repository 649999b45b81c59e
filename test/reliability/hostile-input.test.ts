/**
 * Hostile text end to end: through the real engine, then both platform formatters. Whatever the
 * question holds, nothing throws, every message fits its platform's limits, and nothing can ping.
 * (The formatters' own property tests over arbitrary `Answer`s live in test/adapters/*.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionFromMessage } from '../../src/adapters/discord/bot.ts';
import {
  DISCORD_LIMITS,
  embedLength,
  formatDiscordReply,
} from '../../src/adapters/discord/format.ts';
import {
  formatSlackQuestion,
  formatSlackReply,
  MAX_BLOCKS,
  toPlainQuestion,
} from '../../src/adapters/slack/format.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { documents } from '../adapters/slack/fixtures.ts';

const engine = createStrikebotEngine(documents);
const roomy = createStrikebotEngine(documents, { maxQuestionLength: 1_000_000 });

const hostilePiece = fc.oneof(
  fc.string({ maxLength: 200, unit: 'grapheme' }),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.constantFrom(
    '@everyone',
    '@here',
    '<!channel>',
    '<!here>',
    '<!everyone>',
    '<@U123>',
    '<@&200000000000000001>',
    '<@400000000000000001>',
    '<#300000000000000001>',
    '```js\nalert(1)\n```',
    '*bold* _it_ ~s~ `code` > quote',
    '[link](https://evil.example)',
    '<https://evil.example|click>',
    '{"type":"section","text":{"type":"mrkdwn","text":"<!channel>"}}',
    '\u200b\u200c\u200d\u2060\ufeff',
    '\u202e\u202d\u200f\u200e',
    '\u0000\u0007\u001b[31m\r\n\t',
    '\ud800',
    'strike workers Kaiser Southern California',
  ),
);
const hostileText = fc.array(hostilePiece, { maxLength: 12 }).map((parts) => parts.join(' '));

/** Every string a Slack message shows: fallback text, sections, context elements. */
function slackTexts(message: ReturnType<typeof formatSlackReply>): string[] {
  return [
    message.text,
    ...message.blocks.flatMap((b) =>
      b.type === 'section'
        ? [b.text.text]
        : b.type === 'context'
          ? b.elements.map((e) => e.text)
          : [],
    ),
  ];
}

function checkSlack(message: ReturnType<typeof formatSlackReply>): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  for (const text of slackTexts(message)) {
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).not.toMatch(/@(channel|here|everyone)/i);
  }
}

function checkDiscord(reply: ReturnType<typeof formatDiscordReply>): void {
  expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect((reply.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(reply.embeds.length).toBeLessThanOrEqual(1);
  for (const embed of reply.embeds) {
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
  }
}

describe('hostile questions through the engine and both formatters', () => {
  it('never throw, fit every limit and ping no one', () => {
    fc.assert(
      fc.property(hostileText, (question) => {
        for (const e of [engine, roomy]) {
          const answer = e.answer(question);
          checkDiscord(formatDiscordReply(answer));
          checkSlack(formatSlackReply(answer));
        }
        const echoed = formatSlackQuestion('U123', toPlainQuestion(question, 'UBOT'));
        expect(echoed.startsWith('<@U123> asked: ')).toBe(true);
        expect(echoed.slice('<@U123>'.length)).not.toMatch(/<[!@#]|@(channel|here|everyone)/i);
        expect(questionFromMessage(question, '100000000000000001')).not.toMatch(/<@!?\d+>/);
      }),
      { numRuns: 150 },
    );
  });

  it('answers a 100 KB question in bounded time, whatever it is made of', () => {
    const shapes = [
      'a'.repeat(100_000),
      ' '.repeat(100_000),
      '<@'.repeat(50_000),
      '*_'.repeat(50_000),
      'strike '.repeat(14_286),
      `${'\u200b'.repeat(50_000)}${'\u202e'.repeat(50_000)}`,
      '2,400 '.repeat(16_667),
      '```'.repeat(33_334),
    ];
    // No clock is read: catastrophic backtracking or quadratic work on 100 KB takes minutes and
    // trips the test's timeout; the word-length bound that keeps it linear is tested in spell.
    for (const question of shapes) {
      const refused = engine.answer(question);
      expect(refused.answered).toBe(false);
      if (question.trim() === '') expect(refused.reason).toBe('empty');
      else expect(refused.text).toContain('500 characters');
      const answer = roomy.answer(question);
      checkDiscord(formatDiscordReply(answer));
      checkSlack(formatSlackReply(answer));
      toPlainQuestion(question, 'UBOT');
      questionFromMessage(question, '100000000000000001');
    }
  }, 60_000);
});
