/**
 * A fake Discord on 127.0.0.1 for tests: an HTTP server for the REST API (`/api/v10/...`) and a
 * WebSocket gateway on the same port. The real discord.js `Client` connects to it when its
 * `rest.api` option is `fake.apiUrl`. The fake speaks HELLO, IDENTIFY, heartbeats, RESUME,
 * READY and GUILD_CREATE, dispatches INTERACTION_CREATE, MESSAGE_CREATE, THREAD_CREATE and
 * CHANNEL_UPDATE on demand, opens DM channels, records every REST call and can fail chosen calls
 * with a status or a Discord error code.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One REST request the bot made. */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, still percent-encoded (`/webhooks/1/tok/messages/%40original`). */
  path: string;
  /** Query string without `?` ('' when none). */
  query: string;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** HTTP status the fake answered with. */
  status: number;
  /** JSON the fake answered with (a message, a thread...), or undefined for an empty answer. */
  response: unknown;
}

/** A user as the gateway and REST API describe it. */
export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

/** A one-shot (or repeated) failure of the calls matching `method` and `path`. */
interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

/** A permission overwrite on a channel, as the API sends it (bit sets as decimal strings). */
export interface FakeOverwrite {
  id: string;
  /** 0 for a role, 1 for a member. */
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** Discord's messages for the error codes {@link FakeDiscord.refuse} answers with (all HTTP 403). */
export const REFUSALS = {
  50001: 'Missing Access',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
} as const;

/** A fault the fake injects into one REST call: its status and, for a 429, the wait it asks for. */
export interface InjectedFault {
  status: number;
  /** Seconds sent as `Retry-After` and `retry_after` with a 429. Default 0.05. */
  retryAfterSec?: number;
}

type Json = Record<string, unknown>;

const API_PREFIX = '/api/v10';

/** The ids of everything the fake Discord holds. */
export const FAKE_IDS = {
  applicationId: '100000000000000001',
  botUserId: '100000000000000001',
  guildId: '200000000000000001',
  channelId: '300000000000000001',
  humanUserId: '400000000000000001',
} as const;

/** The bot's token the fake accepts; any other gets 401 on `GET /gateway/bot`. */
export const FAKE_TOKEN = 'fake-bot-token.for-tests-only';

/** The bot user the fake logs in. */
export const botUser: FakeUser = {
  id: FAKE_IDS.botUserId,
  username: 'strikebot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

/** The person who asks in the tests. */
export const humanUser: FakeUser = {
  id: FAKE_IDS.humanUserId,
  username: 'organiser',
  discriminator: '0',
  global_name: 'Organiser',
  avatar: null,
};

const TIMESTAMP = '2024-10-14T16:00:00.000000+00:00';

/** A started fake Discord. */
export interface FakeDiscord {
  /** REST base URL for the client's `rest.api` option (`http://127.0.0.1:PORT/api`). */
  readonly apiUrl: string;
  /** Every REST call, in arrival order. */
  readonly calls: RecordedCall[];
  /**
   * Makes the next `times` calls matching `method` and `path` answer `status` with a Discord error
   * body; a 429 carries `Retry-After` (seconds, `retryAfterSec`, default 0.05) like Discord's.
   */
  fail(method: string, path: RegExp, status: number, times?: number, retryAfterSec?: number): void;
  /**
   * Makes the next `times` (default 1) calls matching `method` and `path` answer 403 with a Discord
   * error `code`: 50001 Missing Access, 50013 Missing Permissions, 50007 Cannot send messages to
   * this user (DMs closed).
   */
  refuse(method: string, path: RegExp, code: keyof typeof REFUSALS, times?: number): void;
  /**
   * Sets the text channel's permission overwrites (as a server admin would) and dispatches
   * CHANNEL_UPDATE. The bot's member is in GUILD_CREATE, so the client can work out what it lacks.
   */
  setChannelOverwrites(overwrites: FakeOverwrite[]): void;
  /**
   * Decides, for each REST call not already failed by {@link FakeDiscord.fail}, whether to answer
   * it with a fault instead (`undefined`: answer normally). Pass `undefined` to stop injecting.
   */
  injectFaults(
    pick: ((method: string, path: string) => InjectedFault | undefined) | undefined,
  ): void;
  /** Holds the answers to calls matching `method` and `path` for `ms` milliseconds (a slow Discord). */
  delay(method: string, path: RegExp, ms: number): void;
  /** Sends a dispatch (`op: 0`) to every connected gateway client. */
  dispatch(event: string, data: Json): void;
  /** Sends one raw text frame (any text, valid JSON or not) to every connected gateway client. */
  sendRawFrame(text: string): void;
  /** Dispatches `/ask question:<question>` in the guild text channel; returns the interaction's id and token. */
  sendSlashCommand(
    question: string,
    options?: {
      user?: FakeUser;
      id?: string;
      /** The bot's permissions in the channel (`app_permissions`). Default: all it asks for. */
      appPermissions?: string;
      /**
       * Another command than `/ask question:<question>`: its name and string options (the
       * `question` argument is then unused). Default: `/ask`.
       */
      command?: { name: string; options: Record<string, string> };
    },
  ): { id: string; token: string };
  /**
   * Dispatches MESSAGE_CREATE from the human user. `mentionsBot` puts the bot in the `mentions`
   * array (the text should then contain `<@botId>`); `channelId` defaults to the text channel;
   * `dm: true` sends it in a DM channel without a guild.
   */
  sendMessage(options: {
    content: string;
    mentionsBot?: boolean;
    channelId?: string;
    dm?: boolean;
    author?: FakeUser;
    /** Message id; pass an earlier one to re-deliver that message. Default: a new id. */
    id?: string;
  }): string;
  /**
   * Dispatches a button click (INTERACTION_CREATE, type 3) on a message the bot posted, as
   * `user`; returns the interaction's id and token. Pass an earlier `id` to re-deliver a click.
   */
  clickButton(
    customId: string,
    options?: { user?: FakeUser; id?: string; messageId?: string; channelId?: string },
  ): { id: string; token: string };
  /** Dispatches THREAD_CREATE for a thread a person opened in the text channel; returns its id. */
  createUserThread(name: string): string;
  /** Resolves with the first call (already made or coming) that matches; rejects after `timeoutMs`. */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Calls `listener` with each REST call as it is answered (for load tests that track thousands). */
  onCall(listener: (call: RecordedCall) => void): void;
  /** Number of heartbeats the fake has acknowledged. */
  readonly heartbeats: number;
  /** Number of IDENTIFY (op 2) and RESUME (op 6) frames received, i.e. (re)connections. */
  readonly sessions: { identify: number; resume: number };
  /** Gateway sockets open now. */
  readonly connections: number;
  /** Closes every socket and the server. */
  close(): Promise<void>;
}

/** Discord's error body (and, for a 429, its rate-limit headers) for `status`. */
function errorFor(
  status: number,
  retryAfterSec = 0.05,
): { body: unknown; headers: Record<string, string> } {
  if (status === 429) {
    return {
      body: { message: 'You are being rate limited.', retry_after: retryAfterSec, global: false },
      headers: { 'Retry-After': String(retryAfterSec), 'X-RateLimit-Scope': 'user' },
    };
  }
  if (status === 403) return { body: { message: 'Missing Permissions', code: 50013 }, headers: {} };
  return { body: { message: `${status}: Internal Server Error`, code: 0 }, headers: {} };
}

/** Options for {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** Heartbeat interval sent in HELLO, in ms. Default 45,000 (short values exercise heartbeats). */
  heartbeatIntervalMs: number;
  /**
   * Intent bits the application may not use (as when a privileged intent is off in the Developer
   * Portal): an IDENTIFY asking for any of them is closed with 4014 "Disallowed intent(s)". Default 0.
   */
  disallowedIntents: number;
}

const defaultOptions: FakeDiscordOptions = { heartbeatIntervalMs: 45_000, disallowedIntents: 0 };

/**
 * Starts the fake Discord on an ephemeral port of 127.0.0.1.
 *
 * @example
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents, rest: { api: fake.apiUrl, retries: 0 } });
 */
export async function startFakeDiscord(
  options: Partial<FakeDiscordOptions> = {},
): Promise<FakeDiscord> {
  const { heartbeatIntervalMs, disallowedIntents } = { ...defaultOptions, ...options };
  const calls: RecordedCall[] = [];
  const failures: Failure[] = [];
  const listeners: ((call: RecordedCall) => void)[] = [];
  let faultPicker: ((method: string, path: string) => InjectedFault | undefined) | undefined;
  const delays: { method: string; path: RegExp; ms: number }[] = [];
  const waiters: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  const sockets = new Set<WebSocket>();
  let nextId = 500000000000000000n;
  const newId = () => (nextId++).toString();
  let sequence = 0;
  let heartbeats = 0;
  const sessions = { identify: 0, resume: 0 };
  // Channel ids the fake knows, mapped to their guild (null for DMs).
  const channelGuild = new Map<string, string | null>([[FAKE_IDS.channelId, FAKE_IDS.guildId]]);
  // Interaction token -> channel id, for the webhook routes.
  const interactionChannel = new Map<string, string>();
  // Users who asked something, by id, and the DM channel opened with each.
  const users = new Map<string, FakeUser>([[humanUser.id, humanUser]]);
  const dmChannels = new Map<string, string>();
  let channelOverwrites: FakeOverwrite[] = [];

  const server = createServer((req, res) => {
    void handleRest(req, res);
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const base = `127.0.0.1:${port}`;

  function send(ws: WebSocket, payload: Json): void {
    ws.send(JSON.stringify(payload));
  }

  function dispatchTo(ws: WebSocket, event: string, data: Json): void {
    sequence += 1;
    send(ws, { op: 0, t: event, s: sequence, d: data });
  }

  function textChannel(): Json {
    return {
      id: FAKE_IDS.channelId,
      type: 0,
      name: 'strike-questions',
      position: 0,
      permission_overwrites: channelOverwrites,
      parent_id: null,
      guild_id: FAKE_IDS.guildId,
    };
  }

  function guildCreate(): Json {
    return {
      id: FAKE_IDS.guildId,
      name: 'Strike Support',
      icon: null,
      owner_id: FAKE_IDS.humanUserId,
      features: [],
      joined_at: TIMESTAMP,
      large: false,
      unavailable: false,
      member_count: 2,
      roles: [
        {
          id: FAKE_IDS.guildId,
          name: '@everyone',
          permissions: '309237730304',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [textChannel()],
      threads: [],
      // Discord always includes the bot's own member (the client's `guild.members.me`).
      members: [
        { user: botUser, roles: [], joined_at: TIMESTAMP, deaf: false, mute: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    send(ws, { op: 10, d: { heartbeat_interval: heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (payload.op === 1) {
        heartbeats += 1;
        send(ws, { op: 11 });
      } else if (payload.op === 2) {
        sessions.identify += 1;
        const { intents = 0 } = (payload.d ?? {}) as { intents?: number };
        if ((intents & disallowedIntents) !== 0) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        dispatchTo(ws, 'READY', {
          v: 10,
          user: botUser,
          guilds: [{ id: FAKE_IDS.guildId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://${base}`,
          shard: [0, 1],
          application: { id: FAKE_IDS.applicationId, flags: 0 },
        });
        dispatchTo(ws, 'GUILD_CREATE', guildCreate());
      } else if (payload.op === 6) {
        sessions.resume += 1;
        dispatchTo(ws, 'RESUMED', {});
      }
    });
  });

  function messageObject(channelId: string, body: Json, id = newId()): Json {
    const guildId = channelGuild.get(channelId);
    return {
      id,
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      author: botUser,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: TIMESTAMP,
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
  }

  function threadObject(id: string, parentId: string, name: string, ownerId: string): Json {
    return {
      id,
      type: 11,
      guild_id: FAKE_IDS.guildId,
      parent_id: parentId,
      name,
      owner_id: ownerId,
      flags: 0,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: TIMESTAMP,
        locked: false,
      },
    };
  }

  /** The DM channel with `recipientId`, opened on first use. */
  function dmChannel(recipientId: string): Json {
    let id = dmChannels.get(recipientId);
    if (!id) {
      id = newId();
      dmChannels.set(recipientId, id);
      channelGuild.set(id, null);
    }
    const recipient = users.get(recipientId) ?? { ...humanUser, id: recipientId };
    return { id, type: 1, last_message_id: null, recipients: [recipient], flags: 0 };
  }

  /** Routes a REST call to its canned answer: [status, JSON body or undefined for no body]. */
  function route(method: string, path: string, body: Json): [number, unknown] {
    const on = (verb: string, pattern: RegExp) =>
      method === verb ? (path.match(pattern) ?? undefined) : undefined;
    const channelOfToken = (token: string | undefined) =>
      interactionChannel.get(decodeURIComponent(token ?? '')) ?? FAKE_IDS.channelId;
    if (on('GET', /^\/gateway\/bot$/)) {
      return [
        200,
        {
          url: `ws://${base}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (on('POST', /^\/interactions\/\d+\/[^/]+\/callback$/)) return [204, undefined];
    const edited = on('PATCH', /^\/webhooks\/\d+\/([^/]+)\/messages\/%40original$/);
    if (edited) return [200, messageObject(channelOfToken(edited[1]), body)];
    const followUp = on('POST', /^\/webhooks\/\d+\/([^/]+)$/);
    if (followUp) return [200, messageObject(channelOfToken(followUp[1]), body)];
    const thread = on('POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (thread) {
      const id = newId();
      channelGuild.set(id, FAKE_IDS.guildId);
      const name = typeof body.name === 'string' ? body.name : 'thread';
      return [201, threadObject(id, thread[1] ?? '', name, FAKE_IDS.botUserId)];
    }
    const sent = on('POST', /^\/channels\/(\d+)\/messages$/);
    if (sent) return [200, messageObject(sent[1] ?? '', body)];
    if (on('POST', /^\/channels\/\d+\/typing$/)) return [204, undefined];
    if (on('POST', /^\/users\/(?:@|%40)me\/channels$/)) {
      return [200, dmChannel(String(body.recipient_id ?? ''))];
    }
    if (on('PUT', /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/)) {
      const commands = Array.isArray(body) ? (body as Json[]) : [];
      const registered = commands.map((c) => ({
        ...c,
        id: newId(),
        application_id: FAKE_IDS.applicationId,
        version: '1',
      }));
      return [200, registered];
    }
    return [404, { message: `Unknown route ${method} ${path}`, code: 0 }];
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '/';
    const [fullPath = '/', query = ''] = url.split('?');
    const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) : fullPath;
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }

    let status: number;
    let reply: unknown;
    let headers: Record<string, string> = {};
    const failure = failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    const injected = failure || path === '/gateway/bot' ? undefined : faultPicker?.(method, path);
    if (path === '/gateway/bot' && req.headers.authorization !== `Bot ${FAKE_TOKEN}`) {
      [status, reply] = [401, { message: '401: Unauthorized', code: 0 }];
    } else if (failure) {
      failure.times -= 1;
      [status, reply, headers] = [failure.status, failure.body, failure.headers];
    } else if (injected) {
      const made = errorFor(injected.status, injected.retryAfterSec);
      [status, reply, headers] = [injected.status, made.body, made.headers];
    } else {
      [status, reply] = route(method, path, (body ?? {}) as Json);
    }

    const delay = delays.find((d) => d.method === method && d.path.test(path));
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const call: RecordedCall = { method, path, query, body, status, response: reply };
    calls.push(call);
    for (const listener of listeners) listener(call);
    for (const waiter of [...waiters]) {
      if (waiter.match(call)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    if (reply === undefined) {
      res.writeHead(status, headers).end();
    } else {
      res
        .writeHead(status, { ...headers, 'Content-Type': 'application/json' })
        .end(JSON.stringify(reply));
    }
  }

  function broadcast(event: string, data: Json): void {
    for (const ws of sockets) dispatchTo(ws, event, data);
  }

  return {
    apiUrl: `http://${base}/api`,
    calls,
    get heartbeats() {
      return heartbeats;
    },
    get sessions() {
      return { ...sessions };
    },
    get connections() {
      return sockets.size;
    },
    fail(method, path, status, times = 1, retryAfterSec = 0.05) {
      failures.push({ method, path, status, times, ...errorFor(status, retryAfterSec) });
    },
    refuse(method, path, code, times = 1) {
      failures.push({
        method,
        path,
        status: 403,
        times,
        body: { message: REFUSALS[code], code },
        headers: {},
      });
    },
    setChannelOverwrites(overwrites) {
      channelOverwrites = overwrites;
      broadcast('CHANNEL_UPDATE', textChannel());
    },
    injectFaults(pick) {
      faultPicker = pick;
    },
    onCall(listener) {
      listeners.push(listener);
    },
    delay(method, path, ms) {
      delays.push({ method, path, ms });
    },
    dispatch: broadcast,
    sendRawFrame(text) {
      for (const ws of sockets) ws.send(text);
    },
    sendSlashCommand(
      question,
      { user = humanUser, id = newId(), appPermissions = '309237730304', command } = {},
    ) {
      const token = `interaction-token-${id}`;
      users.set(user.id, user);
      interactionChannel.set(token, FAKE_IDS.channelId);
      broadcast('INTERACTION_CREATE', {
        id,
        application_id: FAKE_IDS.applicationId,
        type: 2,
        token,
        version: 1,
        guild_id: FAKE_IDS.guildId,
        channel_id: FAKE_IDS.channelId,
        channel: {
          id: FAKE_IDS.channelId,
          type: 0,
          name: 'strike-questions',
          guild_id: FAKE_IDS.guildId,
        },
        member: {
          user,
          roles: [],
          joined_at: TIMESTAMP,
          permissions: '2251799813685247',
          deaf: false,
          mute: false,
          flags: 0,
        },
        data: command
          ? {
              id: '600000000000000002',
              name: command.name,
              type: 1,
              options: Object.entries(command.options).map(([name, value]) => ({
                name,
                type: 3,
                value,
              })),
            }
          : {
              id: '600000000000000001',
              name: 'ask',
              type: 1,
              options: [{ name: 'question', type: 3, value: question }],
            },
        app_permissions: appPermissions,
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': FAKE_IDS.guildId },
        context: 0,
      });
      return { id, token };
    },
    sendMessage({
      content,
      mentionsBot = false,
      channelId,
      dm = false,
      author = humanUser,
      id = newId(),
    }) {
      const channel = channelId ?? (dm ? '700000000000000001' : FAKE_IDS.channelId);
      users.set(author.id, author);
      if (dm) channelGuild.set(channel, null);
      const guildId = channelGuild.get(channel);
      broadcast('MESSAGE_CREATE', {
        id,
        channel_id: channel,
        ...(guildId ? { guild_id: guildId } : {}),
        // discord.js builds the partial DM channel from this; without it the DM is dropped.
        ...(dm ? { channel_type: 1 } : {}),
        author,
        ...(guildId
          ? { member: { roles: [], joined_at: TIMESTAMP, deaf: false, mute: false, flags: 0 } }
          : {}),
        content,
        timestamp: TIMESTAMP,
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: mentionsBot ? [botUser] : [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        components: [],
        pinned: false,
        type: 0,
        flags: 0,
      });
      return id;
    },
    clickButton(customId, { user = humanUser, id = newId(), messageId = newId(), channelId } = {}) {
      const channel = channelId ?? FAKE_IDS.channelId;
      const token = `interaction-token-${id}`;
      users.set(user.id, user);
      interactionChannel.set(token, channel);
      const guildId = channelGuild.get(channel) ?? null;
      broadcast('INTERACTION_CREATE', {
        id,
        application_id: FAKE_IDS.applicationId,
        type: 3,
        token,
        version: 1,
        ...(guildId ? { guild_id: guildId } : {}),
        channel_id: channel,
        channel: { id: channel, type: guildId ? 0 : 1, ...(guildId ? { guild_id: guildId } : {}) },
        ...(guildId
          ? {
              member: {
                user,
                roles: [],
                joined_at: TIMESTAMP,
                permissions: '2251799813685247',
                deaf: false,
                mute: false,
                flags: 0,
              },
            }
          : { user }),
        message: messageObject(channel, { content: '' }, messageId),
        data: { custom_id: customId, component_type: 2 },
        app_permissions: '309237730304',
        locale: 'en-US',
        ...(guildId ? { guild_locale: 'en-US' } : {}),
        entitlements: [],
        authorizing_integration_owners: { '0': guildId ?? FAKE_IDS.guildId },
        context: guildId ? 0 : 1,
      });
      return { id, token };
    },
    createUserThread(name) {
      const id = newId();
      channelGuild.set(id, FAKE_IDS.guildId);
      broadcast('THREAD_CREATE', {
        ...threadObject(id, FAKE_IDS.channelId, name, FAKE_IDS.humanUserId),
        newly_created: true,
      });
      return id;
    },
    waitForCall(match, timeoutMs = 10_000) {
      const done = calls.find(match);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (call: RecordedCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake Discord: no matching REST call within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
