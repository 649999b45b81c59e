import { describe, expect, it } from 'vitest';
import type { BotEngine } from '../../src/bot/pipeline.ts';
import { buildTimeline, describeTimelineEvent } from '../../src/bot/timeline.ts';
import { FAILURE_TEXT } from '../../src/bot/wording.ts';
import type { SourceDocument } from '../../src/core/types.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { disabledQuestionLog, type QuestionLog } from '../../src/store/question-log.ts';
import { createMemoryHarness } from '../fakes/memory-harness.ts';

const documents: SourceDocument[] = [
  {
    id: 'walkout',
    title: 'Nurses walk out',
    publisher: 'Bay Weekly',
    date: '2021-11-03',
    url: 'https://example.org/walkout',
    body: 'Nurses walked out on Monday. The contract expired Sept. 30.',
  },
  {
    id: 'notice',
    title: 'Strike notice',
    date: '2019-03-04',
    body: 'Pickets start in 2019 at dawn.',
  },
];
const real = createStrikebotEngine(documents);

function engineWith(timeline: BotEngine['timeline']) {
  const asked: string[] = [];
  const engine: BotEngine & { asked: string[] } = {
    asked,
    documents: real.documents,
    chunks: real.chunks,
    timeline,
    answer(question, options) {
      asked.push(question);
      return real.answer(question, options);
    },
  };
  return engine;
}

describe('buildTimeline', () => {
  it('names each event’s source by its publisher, else its title, and keeps the URL', () => {
    expect(buildTimeline(real, ' ')).toEqual({
      kind: 'timeline',
      query: '',
      events: [
        {
          date: '2019',
          quote: 'Pickets start in 2019 at dawn.',
          source: 'Strike notice',
          docId: 'notice',
        },
        {
          date: '2021-09-30',
          quote: 'The contract expired Sept. 30.',
          source: 'Bay Weekly',
          docId: 'walkout',
          url: 'https://example.org/walkout',
        },
        {
          date: '2021-11-01',
          quote: 'Nurses walked out on Monday.',
          source: 'Bay Weekly',
          docId: 'walkout',
          url: 'https://example.org/walkout',
        },
      ],
    });
  });

  it('describes one event on one line, escaping the quote and source with the platform’s escaping', () => {
    const event = { date: '2021-11', quote: 'a *b*', source: 'C*', docId: 'd' };
    expect(describeTimelineEvent(event, (t) => t.replace(/\*/g, '\\*'))).toBe(
      'November 2021 — “a \\*b\\*” (C\\*)',
    );
    const cut = { ...event, quote: 'nurses walked out', cut: { before: true, after: false } };
    expect(describeTimelineEvent(cut)).toBe('November 2021 — “…nurses walked out” (C*)');
  });
});

describe('the timeline command in the bot layer', () => {
  it('answers with the timeline for the words given, publicly, without asking the engine a question', async () => {
    const engine = engineWith((query) => real.timeline(query));
    const logged: string[] = [];
    const log: QuestionLog = {
      ...disabledQuestionLog,
      recordQuestion: (record) => {
        logged.push(record.question);
        return true;
      },
    };
    const harness = createMemoryHarness({ engine: () => engine, questionLog: log });
    const [delivery, ...more] = await harness.say('2021', {
      via: 'command',
      command: { kind: 'timeline' },
    });
    expect(more).toEqual([]);
    expect(delivery?.how).toBe('public');
    expect(delivery?.reply).toMatchObject({ kind: 'timeline', query: '2021' });
    expect(delivery?.reply.kind === 'timeline' && delivery.reply.events.map((e) => e.date)).toEqual(
      ['2021-09-30', '2021-11-01'],
    );
    expect(engine.asked).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('reads a word like "hi" as what to look for, not as small talk', async () => {
    const seen: string[] = [];
    const timeline = (query = '') => {
      seen.push(query);
      return [];
    };
    const harness = createMemoryHarness({ engine: () => engineWith(timeline) });
    await harness.say('hi', { via: 'command', command: { kind: 'timeline' } });
    expect(seen).toEqual(['hi']);
  });

  it('apologises when the timeline cannot be built', async () => {
    const harness = createMemoryHarness({
      engine: () =>
        engineWith(() => {
          throw new Error('index gone');
        }),
    });
    const [delivery] = await harness.say('', { via: 'command', command: { kind: 'timeline' } });
    expect(delivery).toMatchObject({ how: 'public', reply: { kind: 'text', text: FAILURE_TEXT } });
  });

  it('is held to the rate limit like a question', async () => {
    const harness = createMemoryHarness({
      engine: () => engineWith(() => []),
      rateLimiter: { take: () => ({ ok: false, retryAfterMs: 2000 }) },
    });
    const [delivery] = await harness.say('2021', { via: 'command', command: { kind: 'timeline' } });
    expect(delivery).toMatchObject({
      how: 'private',
      reply: { kind: 'text', text: 'You are asking quickly; please try again in 2 seconds.' },
    });
  });
});
