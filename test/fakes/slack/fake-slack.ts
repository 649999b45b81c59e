/**
 * A fake Slack on 127.0.0.1 for adapter tests: the Web API (`POST /api/<method>`),
 * `response_url` endpoints (`POST /respond/<id>`) and a Socket Mode WebSocket (`/socket`).
 * It records every call and answers like Slack.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call the fake received. */
export interface RecordedCall {
  method: string;
  /** Form or JSON arguments; `blocks` is parsed back into an array. */
  args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token: string | undefined;
}

/** One POST to a `response_url`. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

/** Builds the JSON the fake answers a method with. */
export type MethodHandler = (call: RecordedCall) => Record<string, unknown>;

/** An HTTP-level fault the fake answers a Web API call with: a 5xx, or a 429 with `Retry-After`. */
export interface HttpFault {
  status: number;
  /** Whole seconds sent as `Retry-After` with a 429 (Slack sends whole seconds). Default 1. */
  retryAfterSec?: number;
}

/** Options for {@link startFakeSlack}. */
export interface FakeSlackOptions {
  /** The bot token the fake accepts; other tokens get `invalid_auth`. Default `xoxb-test-token`. */
  botToken: string;
  /** The bot's user id reported by `auth.test`. Default `UBOT`. */
  botUserId: string;
  /** The bot id reported by `auth.test`. Default `BBOT`. */
  botId: string;
  /** The app-level token `apps.connections.open` accepts (Socket Mode). Default `xapp-test-token`. */
  appToken: string;
}

const defaultOptions: FakeSlackOptions = {
  botToken: 'xoxb-test-token',
  botUserId: 'UBOT',
  botId: 'BBOT',
  appToken: 'xapp-test-token',
};

/** What a Socket Mode client sent back for one envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** A running fake Slack. */
export interface FakeSlack {
  /** Web API base URL for the app's `apiUrl`, ending in `/`. */
  readonly apiUrl: string;
  /** Every Web API call, in order of arrival. */
  readonly calls: RecordedCall[];
  /** Every Web API call since the fake started; {@link FakeSlack.reset} leaves it alone. */
  readonly history: RecordedCall[];
  /** True when every reaction added so far has been removed again (no answer is in progress). */
  reactionsSettled(): boolean;
  /** Every POST to a response URL, in order. */
  readonly responses: RecordedResponse[];
  /** A response URL pointing at the fake. */
  responseUrl(id: string): string;
  /** Calls to one method. */
  callsTo(method: string): RecordedCall[];
  /** Answers the next call to `method` with `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** Answers the next call to `method` with an HTTP fault (429 with `Retry-After`, or a 5xx). */
  failHttpNext(method: string, fault: HttpFault): void;
  /** Carries out the next call to `method` at once but sends its answer `ms` later (a slow Slack). */
  delayNext(method: string, ms: number): void;
  /**
   * Decides, for each Web API call (after the token check), whether to answer it with an HTTP
   * fault instead (`undefined`: answer normally). Pass `undefined` to stop injecting.
   */
  injectFaults(pick: ((call: RecordedCall) => HttpFault | undefined) | undefined): void;
  /** Replaces how `method` is answered until {@link FakeSlack.reset}. */
  handle(method: string, handler: MethodHandler): void;
  /** Forgets recorded calls, queued failures and custom handlers. */
  reset(): void;
  /** Number of Socket Mode connections currently open. */
  readonly openSockets: number;
  /**
   * Sends a Socket Mode envelope (`slash_commands`, `events_api`...) to every connected client
   * and resolves with the first client's ack.
   */
  sendEnvelope(
    envelope: { envelope_id: string; type: string } & Record<string, unknown>,
  ): Promise<SocketAck>;
  /** Resolves once `predicate` holds; rejects after `timeoutMs` naming the calls seen. */
  waitFor(predicate: (fake: FakeSlack) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    if (typeof args[key] === 'string') args[key] = JSON.parse(args[key] as string);
  }
  return args;
}

/**
 * Starts the fake on 127.0.0.1 on a free port.
 *
 * @example
 * const slack = await startFakeSlack();
 * await startSlack({ apiUrl: slack.apiUrl, ... });
 * await slack.waitFor((s) => s.callsTo('chat.postMessage').length === 2);
 */
export async function startFakeSlack(options: Partial<FakeSlackOptions> = {}): Promise<FakeSlack> {
  const { botToken, botUserId, botId, appToken } = { ...defaultOptions, ...options };
  const calls: RecordedCall[] = [];
  const history: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const failures = new Map<string, string[]>();
  const handlers = new Map<string, MethodHandler>();
  const httpFailures = new Map<string, HttpFault[]>();
  const delays = new Map<string, number[]>();
  let faultPicker: ((call: RecordedCall) => HttpFault | undefined) | undefined;
  let nextTs = 1;

  const builtIn: Record<string, MethodHandler> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://strikers.slack.com/',
      team: 'Strikers',
      user: 'strikebot',
      team_id: 'T1',
      user_id: botUserId,
      bot_id: botId,
    }),
    'chat.postMessage': (call) => {
      const ts = `1700000000.${String(nextTs++).padStart(6, '0')}`;
      return {
        ok: true,
        channel: call.args.channel,
        ts,
        message: { type: 'message', text: call.args.text, user: botUserId, bot_id: botId, ts },
      };
    },
    'chat.postEphemeral': () => ({
      ok: true,
      message_ts: `1700000000.${String(nextTs++).padStart(6, '0')}`,
    }),
    'reactions.add': () => ({ ok: true }),
    'reactions.remove': () => ({ ok: true }),
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/respond/')) {
      responses.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw) });
      send(200, { ok: true });
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      send(404, { ok: false, error: 'not_found' });
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const auth = req.headers.authorization;
    const call: RecordedCall = {
      method,
      args: parseArgs(raw, req.headers['content-type']),
      token: auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined,
    };
    calls.push(call);
    history.push(call);
    if (method === 'apps.connections.open') {
      send(
        200,
        call.token === appToken
          ? { ok: true, url: `${wsBase}/socket` }
          : { ok: false, error: 'invalid_auth' },
      );
      return;
    }
    if (call.token !== botToken) {
      send(200, { ok: false, error: 'invalid_auth' });
      return;
    }
    const fault = httpFailures.get(method)?.shift() ?? faultPicker?.(call);
    if (fault) {
      const retryAfter =
        fault.status === 429 ? { 'Retry-After': String(fault.retryAfterSec ?? 1) } : {};
      res.writeHead(fault.status, { ...retryAfter, 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' }),
      );
      return;
    }
    const queued = failures.get(method);
    const error = queued?.shift();
    if (error !== undefined) {
      send(200, { ok: false, error });
      return;
    }
    const handler = handlers.get(method) ?? builtIn[method];
    const body = handler ? handler(call) : { ok: false, error: 'unknown_method' };
    const delay = delays.get(method)?.shift();
    if (delay === undefined) send(200, body);
    else setTimeout(() => send(200, body), delay);
  });
  const sockets = new Set<WebSocket>();
  const waitingAcks = new Map<string, (ack: SocketAck) => void>();
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      waitingAcks.get(ack.envelope_id)?.(ack);
      waitingAcks.delete(ack.envelope_id);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: sockets.size,
        debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A1' },
      }),
    );
  });
  // Slack's servers keep connections open between calls; so does the fake.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const wsBase = `ws://127.0.0.1:${port}`;

  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    calls,
    history,
    reactionsSettled() {
      const open = new Map<string, number>();
      for (const c of history) {
        const key = `${c.args.channel} ${c.args.timestamp} ${c.args.name}`;
        if (c.method === 'reactions.add') open.set(key, (open.get(key) ?? 0) + 1);
        if (c.method === 'reactions.remove') open.set(key, (open.get(key) ?? 0) - 1);
      }
      return [...open.values()].every((n) => n === 0);
    },
    responses,
    responseUrl: (id) => `${base}/respond/${id}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    failHttpNext(method, fault) {
      httpFailures.set(method, [...(httpFailures.get(method) ?? []), fault]);
    },
    delayNext(method, ms) {
      delays.set(method, [...(delays.get(method) ?? []), ms]);
    },
    injectFaults(pick) {
      faultPicker = pick;
    },
    handle(method, handler) {
      handlers.set(method, handler);
    },
    get openSockets() {
      return sockets.size;
    },
    sendEnvelope(envelope) {
      const acked = new Promise<SocketAck>((resolve) =>
        waitingAcks.set(envelope.envelope_id, resolve),
      );
      for (const socket of sockets) socket.send(JSON.stringify(envelope));
      return acked;
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      failures.clear();
      handlers.clear();
      httpFailures.clear();
      delays.clear();
    },
    async waitFor(predicate, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(fake)) {
        if (Date.now() > deadline) {
          const seen = calls.map((c) => c.method).join(', ') || 'none';
          throw new Error(
            `fake Slack: condition not met in ${timeoutMs} ms; calls: ${seen}; responses: ${responses.length}`,
          );
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.terminate();
        wss.close();
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
  return fake;
}
