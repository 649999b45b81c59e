/**
 * A guard in front of Bolt's HTTPReceiver. Bolt reads `body.ssl_check` on every signed request
 * outside any handler, so one correctly signed request whose JSON body is `null` (or a
 * form-encoded `payload=null`) throws where nothing catches it and ends the process. The guard
 * buffers and verifies the request first, answers 400 to a body that is not a JSON object, and
 * runs everything Bolt then does for a request under its request id, so a last-resort handler
 * can name it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import { runWithRequestId } from '../../bot/request-context.ts';
import type { Logger } from '../../logger.ts';

/** The id naming a request in logs: `event_id`, `trigger_id`, or a Socket Mode envelope's. */
export function slackRequestId(body: unknown): string | undefined {
  const b = body as { event_id?: unknown; trigger_id?: unknown; envelope_id?: unknown } | undefined;
  for (const id of [b?.event_id, b?.trigger_id, b?.envelope_id]) {
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** Options for {@link guardReceiver}. */
export interface GuardOptions {
  signingSecret: string;
  /** Paths Bolt serves events on. Default `['/slack/events']`. */
  endpoints?: readonly string[];
  logger: Logger;
}

/**
 * Wraps `receiver.requestListener` (the function its HTTP server calls) with the guard.
 *
 * @example
 * const receiver = new HTTPReceiver({ signingSecret, logger: boltLogger });
 * guardReceiver(receiver, { signingSecret, logger });
 */
export function guardReceiver(receiver: HTTPReceiver, options: GuardOptions): void {
  const { signingSecret, logger } = options;
  const endpoints = options.endpoints ?? ['/slack/events'];
  const inner = receiver.requestListener;
  const answer = (res: ServerResponse, status: number) => {
    // A body over the limit was not read to its end: close the connection rather than leave the
    // rest of it where the next request on the same connection would be read from.
    if (!res.headersSent) res.writeHead(status, status === 413 ? { Connection: 'close' } : {});
    res.end();
  };

  const guarded = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !endpoints.includes(path)) {
      inner(req, res);
      return;
    }
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret, bodyLimit: HTTPModuleFunctions.defaultBodyLimit },
        req,
      );
    } catch (error) {
      const tooLarge =
        HTTPModuleFunctions.isRawBodyError(error) &&
        ((error as { type?: string }).type === 'entity.too.large' ||
          (error as { statusCode?: number }).statusCode === 413);
      logger.warn(
        tooLarge
          ? 'slack: request body over the size limit; answered 413'
          : `slack: request failed verification; answered 401 (${(error as Error).message})`,
      );
      answer(res, tooLarge ? 413 : 401);
      return;
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch (error) {
      logger.warn(`slack: malformed request body; answered 400 (${(error as Error).message})`);
      answer(res, 400);
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      logger.warn('slack: signed request whose body is not a JSON object; answered 400', {
        type: body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body,
      });
      answer(res, 400);
      return;
    }
    // Bolt reads the buffered body again (it keeps `rawBody`) and verifies it once more.
    runWithRequestId(slackRequestId(body) ?? 'slack-request', () => inner(buffered, res));
  };

  receiver.requestListener = (req, res) => {
    guarded(req, res).catch((error: unknown) => {
      logger.error('slack: request guard failed; answered 500', { error });
      answer(res, 500);
    });
  };
}
