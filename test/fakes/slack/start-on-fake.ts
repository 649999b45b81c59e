import {
  type RunningSlackAdapter,
  type SlackStartOptions,
  startSlack,
} from '../../../src/adapters/slack/app.ts';
import { silentLogger } from '../../../src/logger.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

/** A fake Slack and the real adapter (Bolt over HTTP) connected to it. */
export interface SlackOnFake {
  fake: FakeSlack;
  slack: RunningSlackAdapter;
  /** The adapter's HTTP address, `http://127.0.0.1:<port>`. */
  base: string;
  /** Stops the adapter, then the fake. */
  close(): Promise<void>;
}

/**
 * Starts a fake Slack for `botToken` and the real adapter against it over HTTP on a free port of
 * 127.0.0.1: no Web API retries, no rate limit, a silent logger; `options` adds or overrides
 * the rest.
 *
 * @example
 * const { fake, base, close } = await startSlackOnFake({ botToken, signingSecret, engine: () => engine });
 */
export async function startSlackOnFake(
  options: Omit<SlackStartOptions, 'logger'> & Partial<SlackStartOptions> & { botToken: string },
): Promise<SlackOnFake> {
  const fake = await startFakeSlack({ botToken: options.botToken });
  const slack = await startSlack({
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    webApiRetries: 0,
    rateLimiter: { take: () => ({ ok: true }) },
    ...options,
  });
  return {
    fake,
    slack,
    base: `http://127.0.0.1:${slack.port}`,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}
