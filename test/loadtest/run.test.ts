import { describe, expect, it } from 'vitest';
import { runLoadTest } from '../../src/loadtest/run.ts';

const fields = [
  'requests',
  'ackedWithin3s',
  'answered',
  'lost',
  'duplicated',
  'ackP50Ms',
  'ackP99Ms',
  'answerP50Ms',
  'answerP99Ms',
];

describe('runLoadTest', () => {
  it('answers every request exactly once on both platforms, with and without faults', async () => {
    const report = await runLoadTest({ requests: 20, concurrency: 5, answerTimeoutMs: 30_000 });
    expect(Object.keys(report).sort()).toEqual(
      ['discord', 'discordFaults', 'peakRssMb', 'slack', 'slackFaults'].sort(),
    );
    for (const name of ['slack', 'discord', 'slackFaults', 'discordFaults'] as const) {
      const r = report[name];
      expect(Object.keys(r).sort()).toEqual([...fields].sort());
      expect(r).toMatchObject({
        requests: 20,
        ackedWithin3s: 20,
        answered: 20,
        lost: 0,
        duplicated: 0,
      });
      expect(r.ackP50Ms).toBeLessThanOrEqual(r.ackP99Ms);
      expect(r.answerP50Ms).toBeLessThanOrEqual(r.answerP99Ms);
    }
    expect(report.peakRssMb).toBeGreaterThan(0);
  }, 180_000);
});
