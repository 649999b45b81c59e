import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderSlackReply, type SlackBlock } from '../../../src/adapters/slack/format.ts';
import type { TimelineEvent } from '../../../src/bot/reply.ts';
import type { FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { postSignedToSlackApp, slashCommandBody } from '../../fakes/slack/sign.ts';
import { startSlackOnFake } from '../../fakes/slack/start-on-fake.ts';
import { createTestEngine } from './fixtures.ts';

const secret = 'test-signing-secret';
const botToken = 'xoxb-test-token';
const engine = createTestEngine();

let fake: FakeSlack;
let close: () => Promise<void>;
let base: string;

beforeAll(async () => {
  ({ fake, base, close } = await startSlackOnFake({
    botToken,
    signingSecret: secret,
    engine: () => engine,
  }));
});
afterAll(() => close?.());

beforeEach(async () => {
  await fake.waitFor(() => fake.reactionsSettled());
  fake.reset();
  fake.responses.length = 0;
  engine.calls.length = 0;
});

const texts = (blocks: unknown): string[] =>
  ((blocks ?? []) as SlackBlock[]).flatMap((b) =>
    b.type === 'section'
      ? [b.text.text]
      : b.type === 'context'
        ? b.elements.map((e) => e.text)
        : [],
  );

const events = [
  'September 30, 2024 — “The union’s contract with Kaiser expired on September 30.” (CBS Los Angeles)',
  'October 14, 2024 — “Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system.” (CBS Los Angeles)',
];

describe('/timeline on Slack', () => {
  it('acks at once, then posts the dated events, oldest first, to the channel', async () => {
    const res = await postSignedToSlackApp(
      base,
      slashCommandBody({ command: '/timeline', text: '', response_url: fake.responseUrl('t1') }),
      { secret },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await fake.waitFor(() => fake.responses.length === 1);
    const [response] = fake.responses;
    expect(response?.id).toBe('t1');
    expect(response?.body.response_type).toBe('in_channel');
    expect(response?.body.text).toBe('Timeline of the documents: 2 dated events, oldest first.');
    expect(texts(response?.body.blocks)).toEqual([
      'Timeline of the documents: 2 dated events, oldest first.',
      events.join('\n'),
    ]);
    // Nothing is posted with the bot token and the engine is not asked a question.
    expect(fake.calls).toEqual([]);
    expect(engine.calls).toEqual([]);
  });

  it('reads `/ask timeline 2024` as the timeline of that year', async () => {
    await postSignedToSlackApp(
      base,
      slashCommandBody({ text: 'timeline 2024', response_url: fake.responseUrl('t2') }),
      { secret },
    );
    await fake.waitFor(() => fake.responses.length === 1);
    expect(texts(fake.responses[0]?.body.blocks)).toEqual([
      'Timeline for “2024”: 2 dated events, oldest first.',
      events.join('\n'),
    ]);
    expect(engine.calls).toEqual([]);
  });

  it('says so when no event matches', async () => {
    await postSignedToSlackApp(
      base,
      slashCommandBody({
        command: '/timeline',
        text: 'parking',
        response_url: fake.responseUrl('t3'),
      }),
      { secret },
    );
    await fake.waitFor(() => fake.responses.length === 1);
    expect(fake.responses[0]?.body).toEqual({
      response_type: 'in_channel',
      text: 'No dated events in the documents match “parking”. Try a year (for example 2024) or fewer words.',
      unfurl_links: false,
      unfurl_media: false,
    });
  });
});

describe('/ask on Slack when the documents do not answer', () => {
  it('posts what the documents cover, the words none of them mentions and the newest titles', async () => {
    await postSignedToSlackApp(base, slashCommandBody({ text: 'What is the capital of France?' }), {
      secret,
    });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 2);
    const answer = fake.callsTo('chat.postMessage')[1];
    const expected =
      'I couldn\'t find that in the documents. My 2 documents about the Kaiser Permanente mental health strikes and bargaining (CBS Los Angeles, The Sacramento Bee); the dated ones are from Oct 2024. None of them mentions “capital” or “France”. Newest: "Thousands of Kaiser Permanente mental health workers are going on strike across Southern California" (2024-10-14); "4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday".';
    expect(texts(answer?.args.blocks)[0]).toBe(expected);
    expect(answer?.args.text).toBe(expected);
  });
});

describe('a long timeline on Slack', () => {
  const many: TimelineEvent[] = Array.from({ length: 2000 }, (_, i) => ({
    date: '2019-03-04',
    quote: `Nurses held rally number ${i} & more at the <north> clinic, the guild said in a statement.`,
    source: 'Bay Weekly',
    docId: `d${i}`,
  }));

  it('packs the events into sections under 3,000 characters, under 50 blocks, and counts the rest', () => {
    const { blocks } = renderSlackReply({ kind: 'timeline', query: '2019', events: many });
    // Slack's documented limits: 50 blocks a message, 3,000 characters a section text.
    expect(blocks.length).toBeLessThan(50);
    for (const text of texts(blocks)) expect(text.length).toBeLessThan(3000);
    const lines = texts(blocks)
      .slice(1, -1)
      .flatMap((t) => t.split('\n'));
    expect(lines[0]).toBe(
      'March 4, 2019 — “Nurses held rally number 0 &amp; more at the &lt;north&gt; clinic, the guild said in a statement.” (Bay Weekly)',
    );
    expect(texts(blocks).at(-1)).toBe(
      `${2000 - lines.length} more events not shown; narrow the timeline with a year or a few words.`,
    );
  });
});
