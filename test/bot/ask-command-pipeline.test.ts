import { describe, expect, it } from 'vitest';
import type { BotCommand } from '../../src/bot/incoming.ts';
import { createBot, type ReplyPort } from '../../src/bot/pipeline.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { documents } from '../adapters/slack/fixtures.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A port that records where each reply went; commands go to a second, named port. */
function recordingPort(sent: string[][]): ReplyPort {
  const port = (name: string): ReplyPort => ({
    failedTo: `could not send to ${name}`,
    async send(reply: Reply) {
      sent.push([name, 'public', summary(reply)]);
      return undefined;
    },
    async sendPrivately(reply: Reply) {
      sent.push([name, 'private', summary(reply)]);
    },
    async apologise(text: string) {
      sent.push([name, 'apology', text]);
    },
  });
  return {
    ...port('answers'),
    forCommand: (command: BotCommand) => port(`${command.kind} port`),
  };
}

/** What a reply is, in a few words. */
function summary(reply: Reply): string {
  if (reply.kind === 'timeline') return `timeline “${reply.query}”: ${reply.events.length}`;
  if (reply.kind === 'sources') return `sources page ${reply.page}`;
  return reply.kind;
}

describe('ask commands in the bot layer', () => {
  const engine = createStrikebotEngine(documents);
  const bot = createBot({ platform: 'slack', engine: () => engine, logger: silent });
  const say = async (text: string, via: 'command' | 'dm' = 'command') => {
    const sent: string[][] = [];
    await bot.handle(
      { platform: 'slack', id: `m-${text}-${via}`, userId: 'U1', via, text },
      recordingPort(sent),
    );
    return sent;
  };

  it('lists the timeline of a year for `/ask timeline 2024`, through the command’s port', async () => {
    expect(await say('timeline 2024')).toEqual([['timeline port', 'public', 'timeline “2024”: 2']]);
  });

  it('reads the words after "timeline" as plain words', async () => {
    expect(await say('Timeline: **expired**')).toEqual([
      ['timeline port', 'public', 'timeline “expired”: 1'],
    ]);
  });

  it('lists the sources privately for `/ask sources 2`, through the command’s port', async () => {
    expect(await say('sources 2')).toEqual([['sources port', 'private', 'sources page 2']]);
  });

  it('answers "timeline 2024" in a direct message as a question', async () => {
    const sent = await say('timeline 2024', 'dm');
    expect(sent.map(([name]) => name)).toEqual(['answers']);
    expect(sent[0]?.[2]).toBe('answer');
  });
});
