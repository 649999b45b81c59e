/**
 * Hostile requests to the real Bolt app (HTTP mode) against the fake Slack: malformed JSON, JSON
 * that is not an object, wrong field types, unknown event and interaction types, empty and huge
 * bodies, and random signed JSON. Every one is answered with an HTTP status (no hang, no crash:
 * an error no handler caught would fail this test run), and a normal question is answered after.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningSlackAdapter, startSlack } from '../../src/adapters/slack/app.ts';
import { createRecordingLogger } from '../adapters/discord/fixtures.ts';
import { createTestEngine, SOCAL_SNIPPET } from '../adapters/slack/fixtures.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/fake-slack.ts';
import {
  blockActionsPayload,
  eventCallbackBody,
  postSignedToSlackApp,
  slashCommandBody,
} from '../fakes/slack/sign.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const secret = 'fuzz-signing-secret';
const botToken = 'xoxb-test-token';
let fake: FakeSlack;
let slack: RunningSlackAdapter;
let base: string;
const logger = createRecordingLogger();

beforeAll(async () => {
  fake = await startFakeSlack({ botToken });
  slack = await startSlack({
    botToken,
    signingSecret: secret,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    engine: () => createTestEngine(),
    logger,
    webApiRetries: 0,
    rateLimiter: { take: () => ({ ok: true }) },
  });
  base = `http://127.0.0.1:${slack.port}`;
});
afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

const json = (body: string) => ({ body, contentType: 'application/json' });
const form = (body: string) => ({ body, contentType: 'application/x-www-form-urlencoded' });
const payload = (value: unknown) =>
  form(new URLSearchParams({ payload: JSON.stringify(value) }).toString());
const event = (e: unknown) => json(JSON.stringify({ ...eventCallbackBody({}), event: e }));

/** Requests Slack would never send, each correctly signed. */
const hostile: { name: string; body: string; contentType: string }[] = [
  { name: 'malformed JSON', ...json('{"type": "event_callback", "event": {') },
  { name: 'not JSON at all', ...json('hello') },
  { name: 'JSON null', ...json('null') },
  { name: 'JSON array', ...json('[{"type":"event_callback"}]') },
  { name: 'JSON number', ...json('42') },
  { name: 'JSON string', ...json('"event_callback"') },
  { name: 'JSON true', ...json('true') },
  { name: 'empty JSON body', ...json('') },
  { name: 'empty object', ...json('{}') },
  { name: 'empty form body', ...form('') },
  { name: 'form payload null', ...form('payload=null') },
  { name: 'form payload not JSON', ...form('payload=%7Bnope') },
  { name: 'form payload array', ...payload([1, 2]) },
  { name: 'event null', ...event(null) },
  { name: 'event a string', ...event('app_mention') },
  {
    name: 'mention with wrong types',
    ...event({ type: 'app_mention', user: 5, text: { a: 1 }, channel: [], ts: null }),
  },
  {
    name: 'DM with text an array',
    ...event({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: ['why'],
      ts: '1.1',
      channel: 'D1',
    }),
  },
  {
    name: 'DM without text',
    ...event({ type: 'message', channel_type: 'im', user: 'U1', ts: '1.2', channel: 'D1' }),
  },
  {
    name: 'unknown event type',
    ...event({ type: 'reaction_added', user: 'U1', reaction: 'eyes' }),
  },
  {
    name: 'unknown envelope type',
    ...json(JSON.stringify({ type: 'mystery_callback', token: 'x' })),
  },
  {
    name: 'url_verification without challenge',
    ...json(JSON.stringify({ type: 'url_verification' })),
  },
  {
    name: 'unknown interaction type',
    ...payload({ type: 'workflow_step_edit', user: { id: 'U1' } }),
  },
  {
    name: 'view submission nobody handles',
    ...payload({ type: 'view_submission', user: { id: 'U1' }, view: {} }),
  },
  {
    name: 'block_actions with actions a string',
    ...payload({ ...blockActionsPayload({ actionId: 'x' }), actions: 'strikebot:helpful:a' }),
  },
  {
    name: 'block_actions on a malformed id',
    ...payload(blockActionsPayload({ actionId: 'strikebot:helpful:../../etc/passwd' })),
  },
  {
    name: 'block_actions with user null',
    ...payload({ ...blockActionsPayload({ actionId: 'strikebot:helpful:abc' }), user: null }),
  },
  {
    name: 'block_actions with user id a number',
    ...payload({ ...blockActionsPayload({ actionId: 'strikebot:context:abc' }), user: { id: 7 } }),
  },
  {
    name: 'slash command without user',
    ...form('command=%2Fask&text=why&channel_id=C1&trigger_id=1'),
  },
  {
    name: 'slash command for another command',
    ...form(slashCommandBody({ text: 'why', command: '/other' })),
  },
  {
    name: 'huge JSON body (5 MB)',
    ...json(JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(5 * 1024 * 1024) })),
  },
  {
    name: 'huge DM (1 MB of text)',
    ...event({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'strike '.repeat(150_000),
      ts: '1.3',
      channel: 'D1',
    }),
  },
];

const post = (body: string, contentType: string) =>
  postSignedToSlackApp(base, body, { secret, contentType }).then((res) => res.status);

describe('the Slack app under hostile requests', () => {
  it('answers every one with a status, then still answers a question', async () => {
    const statuses = await Promise.all(hostile.map((h) => post(h.body, h.contentType)));
    const byName = Object.fromEntries(hostile.map((h, i) => [h.name, statuses[i]]));
    expect(byName).toMatchObject({
      'malformed JSON': 400,
      'not JSON at all': 400,
      'JSON null': 400,
      'JSON array': 400,
      'JSON number': 400,
      'JSON string': 400,
      'JSON true': 400,
      'form payload null': 400,
      'form payload array': 400,
      'huge JSON body (5 MB)': 413,
    });
    for (const status of statuses) expect([200, 400, 401, 404, 413, 500]).toContain(status);

    await postSignedToSlackApp(
      base,
      eventCallbackBody({
        type: 'message',
        channel_type: 'im',
        user: 'U123',
        text: 'How many mental health workers went on strike in Southern California?',
        ts: '1760000000.000001',
        channel: 'D9',
      }),
      { secret },
    );
    await fake.waitFor(
      () => fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'D9'),
      10_000,
    );
    const answer = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'D9');
    expect(JSON.stringify(answer?.args.blocks)).toContain(SOCAL_SNIPPET);
  });

  it('answers random signed JSON with a status and keeps serving', async () => {
    // Sent all at once: Bolt answers an unhandled request after its 3 s wait.
    const values = fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 80, seed: 20251201 });
    const statuses = await Promise.all(
      values.map((value) => post(JSON.stringify(value) ?? 'null', 'application/json')),
    );
    for (const status of statuses) expect([200, 400, 404, 500]).toContain(status);
    const ok = await postSignedToSlackApp(
      base,
      { token: 'x', challenge: 'still-here', type: 'url_verification' },
      { secret },
    );
    expect(await ok.json()).toEqual({ challenge: 'still-here' });
  });
});
