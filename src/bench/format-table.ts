import type { BenchResult, SizeResult } from './types.ts';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function sizeRow(size: SizeResult): string[] {
  return [
    size.sentences.toLocaleString('en-US'),
    fixed(size.buildMs, 0),
    `${fixed(size.snapshotWriteMs, 0)}/${fixed(size.snapshotLoadMs, 0)}`,
    fixed(size.snapshotBytes / 1024 / 1024, 1),
    `${fixed(size.heapMb, 0)}/${fixed(size.rssMb, 0)}`,
    `${fixed(size.answer.p50, 2)}/${fixed(size.answer.p95, 2)}/${fixed(size.answer.p99, 2)}`,
    `${fixed(size.bare.p50, 2)}/${fixed(size.bare.p95, 2)}/${fixed(size.bare.p99, 2)}`,
    fixed(size.ratio, 2),
    fixed(size.answersPerSec, 0),
  ];
}

/**
 * The benchmark report as plain-text tables: strikebot per size, peers per size, quality.
 *
 * @example
 * process.stdout.write(formatBenchTable(await runBenchmark({ sizes: [1000] })));
 */
export function formatBenchTable(result: BenchResult): string {
  const m = result.machine;
  const measured = result.sizes.filter((s) => !s.error);
  const failed = result.sizes.filter((s) => s.error);
  const parts = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, Node ${m.node} (${m.date})`,
    '',
    'strikebot (times in ms; answer/bare are p50/p95/p99)',
    table(
      [
        'sentences',
        'build',
        'snap w/l',
        'snap MB',
        'heap/rss MB',
        'answer',
        'bare search',
        'ratio',
        'answers/s',
      ],
      measured.map(sizeRow),
    ),
    ...failed.map(
      (s) => `${s.sentences.toLocaleString('en-US')} sentences: not measured, ${s.error}`,
    ),
    ...measured
      .filter((s) => s.note)
      .map((s) => `${s.sentences.toLocaleString('en-US')} sentences: ${s.note}`),
    '',
    'peers (build ms, heap MB, query p50/p99 ms)',
    table(
      ['sentences', 'library', 'build', 'heap', 'p50', 'p99'],
      measured.flatMap((size) => [
        [
          size.sentences.toLocaleString('en-US'),
          'strikebot',
          fixed(size.buildMs, 0),
          fixed(size.heapMb, 1),
          fixed(size.answer.p50, 3),
          fixed(size.answer.p99, 3),
        ],
        ...size.peers.map((p) =>
          p.error
            ? ['', p.name, `failed: ${p.error}`, '', '', '']
            : [
                '',
                p.name,
                fixed(p.buildMs, 0),
                fixed(p.heapMb, 1),
                fixed(p.p50, 3),
                `${fixed(p.p99, 3)}${p.note ? ` (${p.note})` : ''}`,
              ],
        ),
      ]),
    ),
    '',
    'quality on the public answerable questions (seed documents only)',
    table(
      ['library', 'hit@1', 'hit@3'],
      result.quality.map((q) => [q.name, fixed(q.hit1, 3), fixed(q.hit3, 3)]),
    ),
  ];
  return `${parts.join('\n')}\n`;
}
