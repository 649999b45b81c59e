/**
 * `npm run bench`: strikebot against lunr, flexsearch, orama and wink-bm25 on generated corpora.
 *
 *   npm run bench                                  # 1k, 10k and 100k sentences, tables on stdout
 *   npm run bench -- --sizes 1000,1000000 --json   # only one JSON object on stdout
 *
 * Flags: --sizes a,b,c  --questions N  --seed N  --peers lunr,orama|none  --max-heap-mb N
 * --timeout-s N  --json. Progress goes to stderr.
 */
import { parseFlags } from '../cli/parse-flags.ts';
import { defaultBenchOptions, runBenchmark } from './benchmark.ts';
import { formatBenchTable } from './format-table.ts';

function numbers(text: string, flag: string): number[] {
  const values = text.split(',').map((s) => Number(s.replace(/_/g, '').trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) {
    process.stderr.write(`bench: ${flag} needs positive whole numbers, got "${text}"\n`);
    process.exit(2);
  }
  return values;
}

function peerNames(text: string): string[] {
  if (text === 'none') return [];
  const names = text.split(',').map((s) => s.trim());
  const unknown = names.filter((name) => !defaultBenchOptions.peers.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown peer ${unknown.join(', ')}; choose from ${defaultBenchOptions.peers.join(', ')} or none\n`,
    );
    process.exit(2);
  }
  return names;
}

const USAGE = [
  'usage: npm run bench -- [--sizes 1000,100000] [--questions N] [--seed N]',
  '       [--peers minisearch,lunr,flexsearch,orama,wink-bm25|none] [--max-heap-mb N] [--timeout-s N] [--json]',
].join('\n');

const values = parseFlags(
  {
    sizes: { type: 'string' },
    questions: { type: 'string' },
    seed: { type: 'string' },
    peers: { type: 'string' },
    'max-heap-mb': { type: 'string' },
    'timeout-s': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  USAGE,
);

const result = await runBenchmark({
  ...(values.sizes ? { sizes: numbers(values.sizes, '--sizes') } : {}),
  ...(values.questions ? { questions: numbers(values.questions, '--questions')[0] } : {}),
  ...(values.seed ? { seed: numbers(values.seed, '--seed')[0] } : {}),
  ...(values['max-heap-mb']
    ? { maxHeapMb: numbers(values['max-heap-mb'], '--max-heap-mb')[0] }
    : {}),
  ...(values['timeout-s'] ? { timeoutS: numbers(values['timeout-s'], '--timeout-s')[0] } : {}),
  ...(values.peers ? { peers: peerNames(values.peers) } : {}),
});
process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatBenchTable(result));
