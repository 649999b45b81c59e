import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/bot.ts';
import type { RunningAdapter } from '../../../src/adapters/types.ts';
import {
  FAKE_IDS,
  FAKE_TOKEN,
  type FakeDiscord,
  type RecordedCall,
  startFakeDiscord,
} from '../../fakes/discord/fake-discord.ts';
import { createRecordingLogger, createStubEngine, SOCAL_SNIPPET_START } from './fixtures.ts';

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
type Body = {
  content?: string;
  embeds?: Embed[];
  allowed_mentions?: unknown;
  name?: string;
  type?: number;
  message_reference?: { message_id: string };
};
const body = (call: RecordedCall) => call.body as Body;
const isPost = (path: RegExp) => (c: RecordedCall) => c.method === 'POST' && path.test(c.path);

describe('startDiscord', () => {
  let fake: FakeDiscord;
  let discord: RunningAdapter;
  const logger = createRecordingLogger();

  beforeAll(async () => {
    fake = await startFakeDiscord();
    discord = await startDiscord({
      token: FAKE_TOKEN,
      applicationId: FAKE_IDS.applicationId,
      apiUrl: fake.apiUrl,
      engine: createStubEngine(),
      logger,
      restRetries: 0,
    });
  });

  afterAll(async () => {
    await discord?.stop();
    await fake?.close();
  });

  beforeEach(() => {
    fake.calls.length = 0;
    logger.lines.length = 0;
  });

  it('defers /ask, edits the reply with the quoted snippet and opens a thread on it', async () => {
    const question = 'How many mental health workers went on strike in Southern California?';
    const { id, token } = fake.sendSlashCommand(question);
    const thread = await fake.waitForCall(isPost(/\/threads$/));

    const paths = fake.calls.map((c) => `${c.method} ${c.path}`);
    expect(paths).toEqual([
      `POST /interactions/${id}/${token}/callback`,
      `PATCH /webhooks/${FAKE_IDS.applicationId}/${token}/messages/%40original`,
      expect.stringMatching(
        new RegExp(`^POST /channels/${FAKE_IDS.channelId}/messages/\\d+/threads$`),
      ),
    ]);
    expect(fake.calls[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = body(fake.calls[1] as RecordedCall);
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const field = edit.embeds?.[0]?.fields?.[0];
    expect(field?.name).toBe(
      '[1] Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
    );
    expect(field?.value.startsWith(`> ${SOCAL_SNIPPET_START}`)).toBe(true);
    expect(body(thread).name).toBe(question);
  });
});
