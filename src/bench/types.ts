/** The shapes `npm run bench -- --json` prints (milliseconds and megabytes throughout). */

import type { Percentiles } from './stats.ts';

/** One peer library at one corpus size. */
export interface PeerResult {
  name: string;
  buildMs: number;
  /** Heap growth from building the peer's index. */
  heapMb: number;
  p50: number;
  p99: number;
  /** Set (and the figures are 0) when the peer failed at this size. */
  error?: string;
  /** Set when the peer was too slow to time on every question (e.g. "timed 40 of 200 questions"). */
  note?: string;
}

/** Everything measured at one corpus size. */
export interface SizeResult {
  sentences: number;
  buildMs: number;
  snapshotWriteMs: number;
  snapshotLoadMs: number;
  snapshotBytes: number;
  /** Heap used after loading the engine from its snapshot. */
  heapMb: number;
  rssMb: number;
  answer: Percentiles;
  bare: Percentiles;
  /** answer p50 / bare MiniSearch search p50. */
  ratio: number;
  answersPerSec: number;
  peers: PeerResult[];
  /** Set when the size could not be measured (out of memory, time limit); figures are then 0. */
  error?: string;
  /** Set when part of the size was timed on fewer questions to stay within a time budget. */
  note?: string;
}

/** hit@1 and hit@3 on the public answerable questions over the seed documents. */
export interface QualityResult {
  name: string;
  hit1: number;
  hit3: number;
}

/** The machine the figures were taken on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  node: string;
  date: string;
}

/** The whole benchmark report. */
export interface BenchResult {
  machine: MachineInfo;
  sizes: SizeResult[];
  quality: QualityResult[];
}
