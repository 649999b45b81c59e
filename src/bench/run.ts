/**
 * `npm run bench`: strikebot against lunr, flexsearch, orama and wink-bm25 on generated corpora.
 *
 *   npm run bench                                  # 1k, 10k and 100k sentences, tables on stdout
 *   npm run bench -- --sizes 1000,1000000 --json   # only one JSON object on stdout
 *
 * Flags: --sizes a,b,c  --questions N  --seed N  --peers lunr,orama|none  --max-heap-mb N
 * --timeout-s N  --json. Progress goes to stderr.
 */
import { parseArgs } from 'node:util';
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

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    questions: { type: 'string' },
    seed: { type: 'string' },
    peers: { type: 'string' },
    'max-heap-mb': { type: 'string' },
    'timeout-s': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const result = await runBenchmark({
  ...(values.sizes ? { sizes: numbers(values.sizes, '--sizes') } : {}),
  ...(values.questions ? { questions: numbers(values.questions, '--questions')[0] } : {}),
  ...(values.seed ? { seed: numbers(values.seed, '--seed')[0] } : {}),
  ...(values['max-heap-mb']
    ? { maxHeapMb: numbers(values['max-heap-mb'], '--max-heap-mb')[0] }
    : {}),
  ...(values['timeout-s'] ? { timeoutS: numbers(values['timeout-s'], '--timeout-s')[0] } : {}),
  ...(values.peers
    ? {
        peers:
          values.peers === 'none'
            ? []
            : values.peers.split(',').filter((p) => defaultBenchOptions.peers.includes(p)),
      }
    : {}),
});
process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatBenchTable(result));
