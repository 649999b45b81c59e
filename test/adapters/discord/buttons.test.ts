/**
 * The buttons under Discord answers, through the real discord.js client and the fake Discord:
 * labelled Helpful / Not helpful / Show context, each click acknowledged with an ephemeral reply
 * within 3 s, a repeated or re-delivered click counted once, a vote changeable, and clicks on an
 * answer from before a restart still working; the votes then show in `npm run report -- --json`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/bot.ts';
import type { RunningAdapter } from '../../../src/adapters/types.ts';
import { openQuestionLog, type QuestionLog } from '../../../src/store/question-log.ts';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  type FakeUser,
  humanUser,
  startFakeDiscord,
} from '../../fakes/discord/fake-discord.ts';
import { runReportJson } from '../../fixtures/run-report.ts';
import { createRecordingLogger, createTestEngine } from './fixtures.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

type Button = { type: number; style: number; label: string; custom_id: string };
type Body = {
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string }[];
  components?: { type: number; components: Button[] }[];
};

const dataDir = mkdtempSync(join(tmpdir(), 'strikebot-discord-buttons-'));
const file = join(dataDir, 'strikebot.db');
const engine = createTestEngine();
let fake: FakeDiscord;
let discord: RunningAdapter;
let log: QuestionLog;

const start = async () => {
  log = openQuestionLog({ file, logger: createRecordingLogger() });
  discord = await startDiscord({
    token: FAKE_TOKEN,
    applicationId: FAKE_IDS.applicationId,
    apiUrl: fake.apiUrl,
    engine: () => engine,
    logger: createRecordingLogger(),
    restRetries: 0,
    rateLimiter: { take: () => ({ ok: true }) },
    questionLog: log,
  });
};
const stop = async () => {
  await discord.stop();
  log.close();
};

beforeAll(async () => {
  fake = await startFakeDiscord();
  await start();
});
afterAll(async () => {
  await stop();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const person = (n: number): FakeUser => ({ ...humanUser, id: `42000000000000000${n}` });

/** Clicks `customId` and resolves with the interaction callback and how long it took to come. */
async function click(customId: string, user: FakeUser, id?: string) {
  const started = performance.now();
  const sent = fake.clickButton(customId, { user, ...(id ? { id } : {}) });
  const callback = await fake.waitForCall(
    (c) => c.method === 'POST' && c.path.startsWith(`/interactions/${sent.id}/`),
  );
  return {
    sent,
    ms: performance.now() - started,
    body: callback.body as { type: number; data: Body },
  };
}

let buttons: Button[] = [];

describe('buttons under a Discord answer', () => {
  it('puts Helpful, Not helpful and Show context, with text labels, under every answer', async () => {
    fake.sendSlashCommand('How many mental health workers went on strike in Southern California?');
    const edit = await fake.waitForCall((c) => c.method === 'PATCH');
    const body = edit.body as Body;
    expect(body.components).toHaveLength(1);
    buttons = body.components?.[0]?.components ?? [];
    expect(buttons.map((b) => [b.type, b.style, b.label])).toEqual([
      [2, 2, 'Helpful'],
      [2, 2, 'Not helpful'],
      [2, 2, 'Show context'],
    ]);
    const [helpful, notHelpful, context] = buttons.map((b) => b.custom_id);
    const id = helpful?.split(':')[2] as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect([helpful, notHelpful, context]).toEqual([
      `strikebot:helpful:${id}`,
      `strikebot:not-helpful:${id}`,
      `strikebot:context:${id}`,
    ]);
    // Discord allows 100 characters in a custom_id.
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('acknowledges a vote within 3 s with a private thank-you, and counts a repeat once', async () => {
    const first = await click(buttons[0]?.custom_id as string, person(1));
    expect(first.ms).toBeLessThan(3000);
    expect(first.body).toEqual({
      type: 4,
      data: {
        content: 'Thanks, noted as helpful.',
        flags: 64,
        allowed_mentions: { parse: [], replied_user: false },
        tts: false,
        enforce_nonce: false,
      },
    });
    const again = await click(buttons[0]?.custom_id as string, person(1));
    expect(again.body.data.content).toBe('Thanks, noted as helpful.');
    // The gateway re-delivers the same click: it is acknowledged once, not twice.
    fake.clickButton(buttons[0]?.custom_id as string, { user: person(1), id: again.sent.id });
    fake.sendSlashCommand('why strike?');
    await fake.waitForCall(
      (c) => c.method === 'PATCH' && (c.body as Body).embeds !== undefined && c !== undefined,
    );
    expect(
      fake.calls.filter((c) => c.path.startsWith(`/interactions/${again.sent.id}/`)),
    ).toHaveLength(1);
  });

  it('shows the sentences around the quote, privately, within 3 s', async () => {
    const { ms, body } = await click(buttons[2]?.custom_id as string, person(2));
    expect(ms).toBeLessThan(3000);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(
      'The sentences around each quote, word for word from the document:',
    );
    expect(body.data.embeds?.[0]).toEqual({
      title:
        '[1] Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
      description:
        '**Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system.** The union’s contract with Kaiser expired on September 30. However, the union says shortages are still persistent in Southern California, highlighting that Kaiser has about one therapist for every 3,000 Kaiser members, compared to one for every 2,000 in Northern California.\n— CBS Los Angeles, 2024-10-14 · [Read the source](https://example.org/socal-strike)',
    });
  });

  it('still takes votes and shows context on an answer from before a restart, and the report counts them', async () => {
    await stop();
    await start();
    const changed = await click(buttons[1]?.custom_id as string, person(1));
    expect(changed.body.data.content).toBe(
      'Thanks, changed your vote: noted as not helpful. The people who keep my documents review these.',
    );
    const other = await click(buttons[0]?.custom_id as string, person(3));
    expect(other.body.data.content).toBe('Thanks, noted as helpful.');
    const context = await click(buttons[2]?.custom_id as string, person(3));
    expect(context.body.data.embeds?.[0]?.description).toContain(
      '**Nearly 2,400 mental health workers',
    );
    const report = await runReportJson(dataDir);
    expect(report.votes).toEqual({ helpful: 1, notHelpful: 1 });
    expect(report.notHelpful).toEqual([
      {
        question: 'How many mental health workers went on strike in Southern California?',
        count: 1,
        docIds: ['socal-strike'],
      },
    ]);
    expect(report.byPlatform.discord).toBe(2);
  });
});
