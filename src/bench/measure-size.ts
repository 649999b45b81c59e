import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../core/engine.ts';
import { decodeSnapshot } from '../core/index/index-snapshot.ts';
import { tokenize } from '../core/index/text.ts';
import type { SourceDocument } from '../core/types.ts';
import { createStrikebotEngine } from '../domain/engine.ts';
import { generateCorpus } from './generate-corpus.ts';
import { generateQuestions } from './generate-questions.ts';
import { PEERS, type Peer } from './peers.ts';
import { collectGarbage, median, megabytes, percentiles, round, timed, timeEach } from './stats.ts';
import type { PeerResult, SizeResult } from './types.ts';

/** Snapshot loads timed per size; the median is reported. */
const SNAPSHOT_LOADS = 3;

/** Options for {@link measureSize}. */
export interface MeasureOptions {
  /** Sentences in the corpus (the seed documents' included). Default 1,000. */
  sentences: number;
  /** Timed questions: the public ones first, then generated ones up to this count. Default 200. */
  questions: number;
  /** Seed of the corpus generator. Default 20241014. */
  seed: number;
  /** Real documents included in the corpus. Default none. */
  seedDocuments: readonly SourceDocument[];
  /** The public question set's questions. Default none. */
  publicQuestions: readonly string[];
  /** Peer libraries to compare. Default all of {@link PEERS}. */
  peers: readonly Peer[];
  /** Longest time spent timing one peer's queries (ms); a slower peer is timed on fewer questions. Default 120,000. */
  peerBudgetMs: number;
  /** Where the snapshot file is written (and removed after). Default the OS temp folder. */
  snapshotDir: string;
  /** Progress lines (never stdout). Default: none. */
  log: (message: string) => void;
}

/** Defaults for {@link MeasureOptions}. */
const defaultMeasureOptions: MeasureOptions = {
  sentences: 1000,
  questions: 200,
  seed: 20241014,
  seedDocuments: [],
  publicQuestions: [],
  peers: PEERS,
  peerBudgetMs: 120_000,
  snapshotDir: tmpdir(),
  log: () => {},
};

/** The fixed question list: the public set, then generated questions about the corpus. */
function benchQuestions(
  documents: readonly SourceDocument[],
  publicQuestions: readonly string[],
  count: number,
): string[] {
  const generated = generateQuestions(documents, {
    count: Math.max(0, count - publicQuestions.length),
  });
  return [...publicQuestions, ...generated].slice(0, Math.max(count, publicQuestions.length));
}

/**
 * A warm-up pass, then {@link timeEach} on as many questions as fit in `budgetMs` (three rounds
 * each): a slow library is timed on fewer questions rather than running for hours.
 */
function timeWithinBudget(
  questions: readonly string[],
  run: (question: string) => unknown,
  budgetMs: number,
): { latency: ReturnType<typeof percentiles>; timedCount: number } {
  const started = performance.now();
  let warmed = 0;
  while (warmed < questions.length && performance.now() - started < budgetMs / 4) {
    run(questions[warmed++] as string);
  }
  const perQuestion = (performance.now() - started) / warmed;
  const fits = Math.max(1, Math.floor((budgetMs * 0.75) / (3 * perQuestion)));
  const timedQuestions = questions.slice(0, fits);
  return { latency: percentiles(timeEach(timedQuestions, run)), timedCount: timedQuestions.length };
}

/** `{ note }` saying how many questions were timed, when not all of them fitted the budget. */
function budgetNote(timedCount: number, total: number, budgetMs: number): { note?: string } {
  if (timedCount >= total) return {};
  return {
    note: `timed ${timedCount} of ${total} questions (${Math.round(budgetMs / 1000)} s budget)`,
  };
}

function measurePeer(
  peer: Peer,
  engine: Engine,
  questions: readonly string[],
  budgetMs: number,
): PeerResult {
  const sentences = engine.chunks.map((c) => ({ id: c.id, text: c.text }));
  try {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const { value: index, ms: buildMs } = timed(() => peer.build(sentences));
    collectGarbage();
    const heapMb = Math.max(0, megabytes(process.memoryUsage().heapUsed - before));
    const { latency, timedCount } = timeWithinBudget(
      questions,
      (q) => index.search(q, 3),
      budgetMs,
    );
    return {
      name: peer.name,
      buildMs: round(buildMs, 1),
      heapMb,
      p50: latency.p50,
      p99: latency.p99,
      ...budgetNote(timedCount, questions.length, budgetMs),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name: peer.name, buildMs: 0, heapMb: 0, p50: 0, p99: 0, error: message };
  }
}

/**
 * Measures strikebot and the peers at one corpus size: build, snapshot write and load, memory
 * after load, answer() and bare MiniSearch latency on the same questions, answers per second,
 * and each peer's build time, memory and latency. Run it in a fresh process (see `run.ts`) with
 * `--expose-gc` for meaningful memory figures.
 *
 * @example
 * const result = await measureSize({ sentences: 10_000, seedDocuments, publicQuestions });
 * result.answer.p50 // => 1.2
 */
export function measureSize(options: Partial<MeasureOptions> = {}): SizeResult {
  const settings: MeasureOptions = { ...defaultMeasureOptions, ...options };
  const { log } = settings;
  log(`${settings.sentences} sentences: generating corpus`);
  const documents = generateCorpus({
    sentences: settings.sentences,
    seed: settings.seed,
    seedDocuments: settings.seedDocuments,
  });

  log(`${settings.sentences} sentences: building the engine`);
  collectGarbage();
  const built = timed(() => createStrikebotEngine(documents));
  const file = join(
    settings.snapshotDir,
    `strikebot-bench-${process.pid}-${settings.sentences}.bin`,
  );
  const write = timed(() => writeFileSync(file, built.value.toSnapshot()));
  const snapshotBytes = statSync(file).size;
  const sentences = built.value.chunks.length;
  built.value = undefined as unknown as Engine; // let the built engine go before loading

  log(`${settings.sentences} sentences: loading the snapshot (${SNAPSHOT_LOADS} times)`);
  // The median of a few loads, each from a collected heap: on a VM one load can take several
  // times as long as the next (page faults on fresh memory, CPU steal).
  const loadTimes: number[] = [];
  let engine: Engine | undefined;
  for (let i = 0; i < SNAPSHOT_LOADS; i++) {
    engine = undefined;
    collectGarbage();
    const loaded = timed(() => createStrikebotEngine(documents, { snapshot: readFileSync(file) }));
    engine = loaded.value;
    loadTimes.push(loaded.ms);
  }
  if (!engine) throw new Error('no snapshot load ran');
  collectGarbage();
  // Measured before the bare index below is decoded, so the figure is the engine's alone.
  const memory = process.memoryUsage();
  // Bare MiniSearch, for comparison: the same index, loaded on its own (the engine keeps its own).
  const { index } = decodeSnapshot(documents, readFileSync(file));
  rmSync(file, { force: true });

  const questions = benchQuestions(documents, settings.publicQuestions, settings.questions);
  log(`${settings.sentences} sentences: timing ${questions.length} questions`);
  const bareSearch = (q: string) => index.search(tokenize(q).join(' '), { combineWith: 'OR' });
  for (const q of questions) engine.answer(q); // warm-up: JIT and lazily computed term sets
  const answer = percentiles(timeEach(questions, (q) => engine.answer(q)));
  // The bare OR query of every question word gets the peers' budget: at 1M sentences it can
  // take seconds a question.
  const timedBare = timeWithinBudget(questions, bareSearch, settings.peerBudgetMs);
  const bare = timedBare.latency;
  const bareNote = budgetNote(timedBare.timedCount, questions.length, settings.peerBudgetMs).note;
  // Throughput on one core: a single pass, back to back, as a busy bot would run.
  const totalMs = timed(() => {
    for (const q of questions) engine.answer(q);
  }).ms;

  const peers: PeerResult[] = [];
  for (const peer of settings.peers) {
    log(`${settings.sentences} sentences: peer ${peer.name}`);
    peers.push(measurePeer(peer, engine, questions, settings.peerBudgetMs));
  }
  return {
    sentences,
    buildMs: round(built.ms, 1),
    snapshotWriteMs: round(write.ms, 1),
    snapshotLoadMs: round(median(loadTimes), 1),
    snapshotBytes,
    heapMb: megabytes(memory.heapUsed),
    rssMb: megabytes(memory.rss),
    answer,
    bare,
    ratio: bare.p50 > 0 ? round(answer.p50 / bare.p50, 2) : 0,
    answersPerSec: totalMs > 0 ? round((questions.length / totalMs) * 1000, 1) : 0,
    peers,
    ...(bareNote ? { note: `bare search ${bareNote}` } : {}),
  };
}
