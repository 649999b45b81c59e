import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuestionSet } from '../eval/score.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import type { ChildRequest } from './child.ts';
import { measureQuality } from './measure-quality.ts';
import { PEERS } from './peers.ts';
import type { BenchResult, MachineInfo, SizeResult } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

/** Options for {@link runBenchmark}. */
export interface BenchOptions {
  /** Corpus sizes in sentences. Default `[1000, 10000, 100000]`. */
  sizes: readonly number[];
  /** Timed questions per size (public set first, then generated). Default 200. */
  questions: number;
  /** Corpus generator seed. Default 20241014. */
  seed: number;
  /** Knowledge folder of the seed documents. Default `knowledge` in the repository. */
  knowledgeDir: string;
  /** The public question set. Default `test/eval/questions.jsonl` in the repository. */
  questionsFile: string;
  /** Names of the peers to compare. Default all: lunr, flexsearch, orama, wink-bm25. */
  peers: readonly string[];
  /** Heap cap of each size's process, in MB; a size that needs more is reported as failed. Default 8192. */
  maxHeapMb: number;
  /** Time limit of each size's process, in seconds. Default 1800. */
  timeoutS: number;
  /** Progress lines. Default: standard error. */
  log: (line: string) => void;
}

/** Defaults for {@link BenchOptions}. */
export const defaultBenchOptions: BenchOptions = {
  sizes: [1000, 10_000, 100_000],
  questions: 200,
  seed: 20241014,
  knowledgeDir: join(root, 'knowledge'),
  questionsFile: join(root, 'test', 'eval', 'questions.jsonl'),
  peers: PEERS.map((p) => p.name),
  maxHeapMb: 8192,
  timeoutS: 1800,
  log: (line) => process.stderr.write(`${line}\n`),
};

/** The machine the benchmark runs on. */
function describeMachine(now: Date = new Date()): MachineInfo {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    platform: `${platform()} ${release()}`,
    node: process.versions.node,
    date: now.toISOString().slice(0, 10),
  };
}

function failedSize(sentences: number, error: string): SizeResult {
  const zero = { p50: 0, p95: 0, p99: 0 };
  return {
    sentences,
    buildMs: 0,
    snapshotWriteMs: 0,
    snapshotLoadMs: 0,
    snapshotBytes: 0,
    heapMb: 0,
    rssMb: 0,
    answer: zero,
    bare: zero,
    ratio: 0,
    answersPerSec: 0,
    peers: [],
    error,
  };
}

/** Measures one size in a fresh Node process with a heap cap and time limit. */
function measureInChild(request: ChildRequest, settings: BenchOptions): Promise<SizeResult> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${settings.maxHeapMb}`,
        '--expose-gc',
        '--import',
        'tsx',
        join(here, 'child.ts'),
        JSON.stringify(request),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let outOfMemory = false;
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on('data', (data: Buffer) => {
      const text = data.toString();
      if (/out of memory/i.test(text)) outOfMemory = true;
      for (const line of text.split('\n')) if (line.trim()) settings.log(line);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, settings.timeoutS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        done(JSON.parse(line) as SizeResult);
        return;
      }
      const why = timedOut
        ? `over the ${settings.timeoutS} s time limit`
        : outOfMemory || signal === 'SIGKILL' || code === 134
          ? `out of memory (heap capped at ${settings.maxHeapMb} MB)`
          : `exited with ${signal ?? `code ${code}`}`;
      done(failedSize(request.sentences, why));
    });
  });
}

/**
 * Runs the whole benchmark: each size in its own capped process, then quality on the seed
 * documents in this one.
 *
 * @example
 * const result = await runBenchmark({ sizes: [1000], questions: 50 });
 * result.sizes[0]?.answer.p50 // => 0.4
 */
export async function runBenchmark(options: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const settings: BenchOptions = { ...defaultBenchOptions, ...options };
  const sizes: SizeResult[] = [];
  for (const sentences of settings.sizes) {
    settings.log(`bench: measuring ${sentences} sentences`);
    const result = await measureInChild(
      {
        sentences,
        questions: settings.questions,
        seed: settings.seed,
        knowledgeDir: settings.knowledgeDir,
        questionsFile: settings.questionsFile,
        peers: [...settings.peers],
      },
      settings,
    );
    // Each size's figures as soon as they exist, so a long run that is cut short still tells.
    settings.log(`bench: result ${JSON.stringify(result)}`);
    sizes.push(result);
  }
  settings.log('bench: measuring quality on the public questions');
  const questions = parseQuestionSet(
    readFileSync(settings.questionsFile, 'utf8'),
    settings.questionsFile,
  );
  const quality = measureQuality(
    await loadKnowledge(settings.knowledgeDir),
    questions,
    PEERS.filter((p) => settings.peers.includes(p.name)),
  );
  return { machine: describeMachine(), sizes, quality };
}
