import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotEngine } from '../../src/bot/pipeline.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { FAILURE_TEXT, helpText, RESTARTING_TEXT, THANKS_TEXT } from '../../src/bot/wording.ts';
import type { Answer } from '../../src/core/types.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import type { SourcesList } from '../../src/knowledge/list-sources.ts';
import { openQuestionLog } from '../../src/store/question-log.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';
import { documents } from '../adapters/slack/fixtures.ts';
import { createMemoryHarness } from '../fakes/memory-harness.ts';

const real = createStrikebotEngine(documents);

/** An engine that answers every question with `answer` and records what it was asked. */
function stubEngine(answer: (q: string) => Answer) {
  const asked: { question: string; history: readonly string[] }[] = [];
  const engine: BotEngine & { asked: typeof asked } = {
    asked,
    documents: real.documents,
    chunks: real.chunks,
    timeline: (query) => real.timeline(query),
    answer(question, options = {}) {
      asked.push({ question, history: [...(options.history ?? [])] });
      return answer(question);
    },
  };
  return engine;
}

/** An engine source that always gives `engine`. */
const always = (engine: BotEngine) => () => engine;

const confident = (question: string): Answer => ({
  question,
  answered: true,
  text: 'The union’s contract with Kaiser expired on September 30. [1]',
  citations: [
    {
      n: 1,
      docId: 'socal-strike',
      title:
        'Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
      publisher: 'CBS Los Angeles',
      date: '2024-10-14',
      snippet: 'The union’s contract with Kaiser expired on September 30.',
      score: 1,
    },
  ],
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'strikebot-pipeline-'));
  dirs.push(dir);
  return join(dir, name);
}

describe('the bot pipeline', () => {
  it('gives the engine plain words and replies with the answer and an id for its buttons', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine, newAnswerId: () => 'a1' });
    const [delivery, ...rest] = await harness.say(
      '<@U024BE7LH> when did the **contract** expire? <https://x.org|see> &amp; <!here>',
    );
    expect(rest).toEqual([]);
    expect(engine.asked).toEqual([
      { question: 'when did the contract expire? see &', history: [] },
    ]);
    expect(delivery?.how).toBe('public');
    expect(delivery?.reply).toMatchObject({ kind: 'answer', answerId: 'a1' });
  });

  it('answers greetings, help and thanks without the engine; thanks in a thread gets nothing', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine, platform: 'slack' });
    const hi = await harness.say('hey there!');
    expect(hi.map((d) => d.reply)).toEqual([
      { kind: 'text', text: `Hi!\n${helpText({ platform: 'slack', command: '/ask' })}` },
    ]);
    expect(await harness.say('thanks so much', { via: 'thread', conversation: 'C1:1.0' })).toEqual(
      [],
    );
    const thanks = await harness.say('thanks!', { via: 'dm' });
    expect(thanks.map((d) => d.reply)).toEqual([{ kind: 'text', text: THANKS_TEXT }]);
    const help = await harness.say('help', { via: 'command' });
    expect(help.map((d) => [d.how, d.reply])).toEqual([
      ['private', { kind: 'text', text: helpText({ platform: 'slack', command: '/ask' }) }],
    ]);
    expect(engine.asked).toEqual([]);
  });

  it('sends "help with pay?" to the engine', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine });
    await harness.say('help with pay?');
    expect(engine.asked.map((a) => a.question)).toEqual(['help with pay?']);
  });

  it('names the documents when asked what its sources are', async () => {
    const harness = createMemoryHarness({
      engine: always(stubEngine(confident)),
      platform: 'console',
    });
    const [delivery] = await harness.say('what sources do you have?');
    expect(delivery?.reply).toEqual({
      kind: 'text',
      text: [
        'I answer from 2 documents, dated Oct 2024 where they say; publishers include CBS Los Angeles, The Sacramento Bee.',
        'I answer questions about the Kaiser Permanente mental health strikes (NUHW, 2018 to 2024), quoting news articles and press releases word for word and naming each source. For example:',
        '• Why did Kaiser mental health workers go on strike?',
        '• How many workers struck in Southern California?',
        '• When did the union contract expire?',
        'Type a question and press Enter; earlier questions give context to follow-ups. Ctrl-D quits.',
        'Type :sources to list the documents I answer from.',
        'Type :timeline 2024 to list dated events, oldest first.',
      ].join('\n'),
    });
  });

  it('passes the thread’s earlier questions and records each new one', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine });
    await harness.say('when did the contract expire?', { via: 'thread', conversation: 'T1' });
    await harness.say('and in 2022?', { via: 'thread', conversation: 'T1' });
    await harness.say('why strike?', { via: 'thread', conversation: 'T2' });
    expect(engine.asked).toEqual([
      { question: 'when did the contract expire?', history: [] },
      { question: 'and in 2022?', history: ['when did the contract expire?'] },
      { question: 'why strike?', history: [] },
    ]);
    expect(harness.bot.knowsConversation('T1')).toBe(true);
    expect(harness.bot.knowsConversation('T3')).toBe(false);
  });

  it('drops re-deliveries and messages from bots', async () => {
    const engine = stubEngine(confident);
    const logger = createRecordingLogger();
    const harness = createMemoryHarness({ engine: () => engine, logger, logPrefix: 'test: ' });
    await harness.say('why strike?', { id: 'E1', dedupeKeys: ['E1', 'C1:1.0'] });
    expect(await harness.say('why strike?', { id: 'E2', dedupeKeys: ['E2', 'C1:1.0'] })).toEqual(
      [],
    );
    expect(await harness.say('why strike?', { fromBot: true })).toEqual([]);
    expect(engine.asked).toHaveLength(1);
    expect(logger.lines).toContainEqual({
      level: 'info',
      message: 'test: re-delivered event dropped',
      fields: { requestId: 'E2' },
    });
  });

  it('refuses privately over the rate limit and logs the question as refused', async () => {
    const file = tempFile('log.db');
    const questionLog = openQuestionLog({ file, logger: createRecordingLogger() });
    const harness = createMemoryHarness({
      engine: always(stubEngine(confident)),
      rateLimiter: createRateLimiter({ burst: 1, perMinute: 6, now: () => 0 }),
      questionLog,
    });
    await harness.say('why strike?');
    const refused = await harness.say('why strike again?');
    expect(refused.map((d) => [d.how, d.reply])).toEqual([
      [
        'private',
        { kind: 'text', text: 'You are asking quickly; please try again in 10 seconds.' },
      ],
    ]);
    questionLog.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT question, outcome FROM questions ORDER BY rowid').all()).toEqual([
      { question: 'why strike?', outcome: 'answer' },
      { question: 'why strike again?', outcome: 'refused' },
    ]);
    db.close();
  });

  it('apologises when the engine throws', async () => {
    const logger = createRecordingLogger();
    const failing = stubEngine(() => {
      throw new Error('index corrupt');
    });
    const harness = createMemoryHarness({
      engine: () => failing,
      logger,
      logPrefix: 'test: ',
    });
    const replies = await harness.say('why strike?', { id: 'E9' });
    expect(replies.map((d) => [d.how, d.reply])).toEqual([
      ['public', { kind: 'text', text: FAILURE_TEXT }],
    ]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'test: engine failed',
        fields: { requestId: 'E9', error: 'index corrupt' },
      },
    ]);
  });

  describe('failure policy', () => {
    const failing = (kind: string) => {
      const logger = createRecordingLogger();
      const error = Object.assign(new Error(kind), { kind });
      const harness = createMemoryHarness({
        engine: always(stubEngine(confident)),
        logger,
        logPrefix: 'test: ',
        classifyError: (e) => (e as { kind: 'refused' }).kind,
      });
      let failures = 1;
      harness.setSendBehaviour((_reply, how) =>
        how === 'public' && failures-- > 0 ? error : 'ok',
      );
      return { harness, logger };
    };

    it('delivers privately with guidance when the platform refuses for lack of permission', async () => {
      const { harness, logger } = failing('refused');
      const replies = await harness.say('why strike?');
      expect(replies.map((d) => [d.how, d.reply.kind])).toEqual([['refused', 'answer']]);
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    });

    it('neither retries nor apologises when the reply may have landed', async () => {
      const { harness, logger } = failing('may-have-landed');
      expect(await harness.say('why strike?', { id: 'E5' })).toEqual([]);
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
        {
          level: 'error',
          message: 'test: could not send the answer',
          fields: { requestId: 'E5', error: 'may-have-landed' },
        },
      ]);
    });

    it('apologises after a transient failure the platform client could not retry away', async () => {
      const { harness } = failing('transient');
      const replies = await harness.say('why strike?');
      expect(replies.map((d) => [d.how, d.reply])).toEqual([
        ['apology', { kind: 'text', text: FAILURE_TEXT }],
      ]);
    });
  });

  it('finishes the answers in flight on stop, then refuses commands and ignores messages', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine });
    const port = {
      failedTo: 'could not send',
      sent: [] as string[],
      async send() {
        await gate;
        port.sent.push('answer');
        return undefined;
      },
      async sendPrivately() {
        port.sent.push('private');
      },
      async apologise() {},
    };
    const first = harness.bot.handle(
      { platform: 'console', id: 'q1', userId: 'U1', via: 'dm', text: 'why strike?' },
      port,
    );
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = harness.bot.stop();
    await harness.bot.handle(
      { platform: 'console', id: 'q2', userId: 'U1', via: 'dm', text: 'why strike?' },
      port,
    );
    release();
    await stopped;
    await first;
    expect(port.sent).toEqual(['answer']);
    const late = await harness.say('why strike?', { via: 'command' });
    expect(late.map((d) => [d.how, d.reply])).toEqual([
      ['private', { kind: 'text', text: RESTARTING_TEXT }],
    ]);
  });
});

describe('the bot pipeline buttons', () => {
  it('counts a repeated vote once, lets it change, and acknowledges each click privately', async () => {
    const questionLog = openQuestionLog({
      file: tempFile('votes.db'),
      logger: createRecordingLogger(),
    });
    const harness = createMemoryHarness({
      engine: always(stubEngine(confident)),
      questionLog,
      newAnswerId: () => 'ans1',
    });
    await harness.say('when did the contract expire?');
    const texts = [];
    for (const vote of ['helpful', 'helpful', 'not-helpful'] as const) {
      const [ack] = await harness.click({ kind: 'vote', answerId: 'ans1', vote });
      expect(ack?.how).toBe('private');
      texts.push(ack?.reply.kind === 'text' ? ack.reply.text : '');
    }
    expect(texts).toEqual([
      'Thanks, noted as helpful.',
      'Thanks, noted as helpful.',
      'Thanks, changed your vote: noted as not helpful. The people who keep my documents review these.',
    ]);
    questionLog.close();
  });

  it('shows the sentences around each quote, verbatim from the document', async () => {
    const harness = createMemoryHarness({
      engine: always(stubEngine(confident)),
      newAnswerId: () => 'ans2',
    });
    await harness.say('when did the contract expire?');
    const [context] = await harness.click({ kind: 'context', answerId: 'ans2' });
    const body = documents[0]?.body ?? '';
    expect(context?.how).toBe('private');
    expect(context?.reply).toEqual({
      kind: 'context',
      passages: [
        {
          n: 1,
          citation: {
            docId: 'socal-strike',
            title:
              'Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
            publisher: 'CBS Los Angeles',
            date: '2024-10-14',
            url: undefined,
            snippet: 'The union’s contract with Kaiser expired on September 30.',
          },
          before: body.slice(0, body.indexOf('The union’s contract')),
          snippet: 'The union’s contract with Kaiser expired on September 30.',
          after: body.slice(body.indexOf('September 30.') + 'September 30.'.length),
        },
      ],
    });
  });

  it('says the sources are gone for an answer it never gave', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine });
    const [reply] = await harness.click({ kind: 'context', answerId: 'nope' });
    expect(reply?.reply).toEqual({
      kind: 'text',
      text: 'I no longer have the sources of this answer (it was given before a restart, with the question log off or older than it keeps). Ask again to see them.',
    });
  });
});

describe('the bot pipeline and its engine source', () => {
  const said =
    (text: string) =>
    (question: string): Answer => ({ ...confident(question), text });

  it('answers each question from the engine the source gives when its turn comes', async () => {
    const before = stubEngine(said('From the first index. [1]'));
    const after = stubEngine(said('From the reloaded index. [1]'));
    let serving = before;
    const harness = createMemoryHarness({ engine: () => serving });
    const [first] = await harness.say('when did the contract expire?');
    serving = after;
    const [second] = await harness.say('when did the contract expire?');
    expect(first?.reply).toMatchObject({
      kind: 'answer',
      answer: { text: 'From the first index. [1]' },
    });
    expect(second?.reply).toMatchObject({
      kind: 'answer',
      answer: { text: 'From the reloaded index. [1]' },
    });
    expect(before.asked).toHaveLength(1);
    expect(after.asked).toHaveLength(1);
  });
});

describe('the bot pipeline sources command', () => {
  const list: SourcesList = {
    documents: [
      { id: 'socal-strike', title: 'Strike across SoCal', date: '2024-10-14', sentences: 3 },
    ],
    totalSentences: 3,
    rebuiltAt: '2026-01-15T12:00:00.000Z',
    refused: [],
  };

  it('lists the sources privately for "/ask sources 2", at page 2, without the engine', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({
      engine: () => engine,
      sources: () => list,
      platform: 'slack',
    });
    const replies = await harness.say('sources 2', { via: 'command' });
    expect(replies.map((d) => [d.how, d.reply])).toEqual([
      ['private', { kind: 'sources', sources: list, page: 2, command: '/sources' }],
    ]);
    expect(engine.asked).toEqual([]);
  });

  it('lists the sources where a console command asked, with the command people type', async () => {
    const harness = createMemoryHarness({
      engine: always(stubEngine(confident)),
      sources: () => list,
      sourcesCommand: ':sources',
    });
    const replies = await harness.say(':sources', { command: { kind: 'sources', page: 1 } });
    expect(replies.map((d) => [d.how, d.reply])).toEqual([
      ['public', { kind: 'sources', sources: list, page: 1, command: ':sources' }],
    ]);
  });

  it('asks the engine "sources of strike pay?" and a message that says "sources 2"', async () => {
    const engine = stubEngine(confident);
    const harness = createMemoryHarness({ engine: () => engine, sources: () => list });
    await harness.say('sources of strike pay?', { via: 'command' });
    await harness.say('sources 2', { via: 'dm' });
    expect(engine.asked.map((a) => a.question)).toEqual(['sources of strike pay?', 'sources 2']);
  });

  it('lists the current engine’s documents and sentences by default, nothing refused', async () => {
    const harness = createMemoryHarness({ engine: () => real });
    const [delivery] = await harness.say('', {
      via: 'command',
      command: { kind: 'sources', page: 1 },
    });
    const reply = delivery?.reply;
    if (reply?.kind !== 'sources') throw new Error(`expected a sources reply, got ${reply?.kind}`);
    expect(reply.sources.documents).toEqual([
      {
        id: 'socal-strike',
        title:
          'Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
        publisher: 'CBS Los Angeles',
        date: '2024-10-14',
        sentences: 3,
      },
      {
        id: 'norcal-call-off',
        title:
          '4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday',
        publisher: 'The Sacramento Bee',
        sentences: 1,
      },
    ]);
    expect(reply.sources.refused).toEqual([]);
  });

  it('refuses a sources command over the rate limit like any other message', async () => {
    const harness = createMemoryHarness({
      engine: always(stubEngine(confident)),
      sources: () => list,
      rateLimiter: createRateLimiter({ burst: 1, perMinute: 6, now: () => 0 }),
    });
    await harness.say('sources', { via: 'command' });
    const [limited] = await harness.say('sources', { via: 'command' });
    expect(limited).toMatchObject({
      how: 'private',
      reply: { kind: 'text', text: 'You are asking quickly; please try again in 10 seconds.' },
    });
  });
});
