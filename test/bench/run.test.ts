import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../../src/bench/benchmark.ts';
import { median, percentiles } from '../../src/bench/stats.ts';

const run = promisify(execFile);

const PEER_NAMES = ['minisearch', 'lunr', 'flexsearch', 'orama', 'wink-bm25'];

describe('percentiles', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0 });
  });
});

describe('median', () => {
  it('takes the middle sample, the lower one of an even count, without reordering its input', () => {
    const samples = [900, 12, 15];
    expect(median(samples)).toBe(15);
    expect(samples).toEqual([900, 12, 15]);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBe(0);
  });
});

describe('npm run bench -- --json', () => {
  it('prints only one JSON object with every field, at a tiny size', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/bench/run.ts', '--sizes', '200', '--questions', '12', '--json'],
      { maxBuffer: 1 << 20 },
    );
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['machine', 'sizes', 'quality']);
    expect(Object.keys(result.machine)).toEqual([
      'cpu',
      'cores',
      'memoryGb',
      'platform',
      'node',
      'date',
    ]);
    expect(result.sizes).toHaveLength(1);
    const size = result.sizes[0];
    expect(Object.keys(size)).toEqual([
      'sentences',
      'buildMs',
      'snapshotWriteMs',
      'snapshotLoadMs',
      'snapshotBytes',
      'heapMb',
      'rssMb',
      'answer',
      'bare',
      'ratio',
      'answersPerSec',
      'peers',
    ]);
    expect(size.sentences).toBeGreaterThanOrEqual(190);
    expect(size.snapshotBytes).toBeGreaterThan(1000);
    for (const field of [
      'buildMs',
      'snapshotLoadMs',
      'heapMb',
      'rssMb',
      'ratio',
      'answersPerSec',
    ]) {
      expect(size[field], field).toBeGreaterThan(0);
    }
    for (const latency of [size.answer, size.bare]) {
      expect(Object.keys(latency)).toEqual(['p50', 'p95', 'p99']);
      expect(latency.p50).toBeGreaterThan(0);
      expect(latency.p99).toBeGreaterThanOrEqual(latency.p50);
    }
    expect(size.peers.map((p: { name: string }) => p.name)).toEqual(PEER_NAMES);
    for (const peer of size.peers) {
      expect(Object.keys(peer)).toEqual(['name', 'buildMs', 'heapMb', 'p50', 'p99']);
      expect(peer.p99).toBeGreaterThanOrEqual(peer.p50);
    }
    expect(result.quality.map((q: { name: string }) => q.name)).toEqual([
      'strikebot',
      ...PEER_NAMES,
    ]);
    for (const row of result.quality) {
      expect(Object.keys(row)).toEqual(['name', 'hit1', 'hit3']);
      expect(row.hit3).toBeGreaterThanOrEqual(row.hit1);
    }
    expect(result.quality[0].hit1).toBeGreaterThan(0.5);
  }, 90_000);

  it('reports a size that runs out of memory instead of crashing', async () => {
    const result = await runBenchmark({
      sizes: [20_000],
      questions: 5,
      peers: [],
      maxHeapMb: 24,
      log: () => {},
    });
    expect(result.sizes[0]?.sentences).toBe(20_000);
    expect(result.sizes[0]?.error).toBe('out of memory (heap capped at 24 MB)');
    expect(result.quality.map((q) => q.name)).toEqual(['strikebot']);
  }, 60_000);

  it('answers a mistyped flag or peer with the usage and exit code 2, not a stack trace', async () => {
    const bench = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/bench/run.ts', ...args]).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
    const flag = await bench('--size', '1000');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--size'");
    expect(flag.stderr).toContain('usage: npm run bench -- [--sizes 1000,100000]');
    expect(flag.stderr).not.toContain('    at ');
    const peer = await bench('--peers', 'lunr,elastic');
    expect(peer.code).toBe(2);
    expect(peer.stderr).toBe(
      'bench: unknown peer elastic; choose from minisearch, lunr, flexsearch, orama, wink-bm25 or none\n',
    );
  }, 60_000);
});
