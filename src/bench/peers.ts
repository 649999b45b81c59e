import { createRequire } from 'node:module';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { Index as FlexIndex } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';

/** One sentence as every library indexes it. */
export interface BenchSentence {
  id: number;
  text: string;
}

/** A search library set up as its documentation shows for full-text search over sentences. */
export interface PeerIndex {
  /** Ids of the best sentences for a free-text query, best first (at most `limit`). */
  search(query: string, limit: number): number[];
}

/** How to build one peer's index. */
export interface Peer {
  name: string;
  build(sentences: readonly BenchSentence[]): PeerIndex;
}

/**
 * lunr's query language treats `:`, `~`, `^`, `*`, `+` and `-` as operators, so a question such as
 * "Kaiser's 2-year deal?" would be a syntax error; they are replaced by spaces.
 */
function lunrQuery(query: string): string {
  return query.replace(/[:~^*+-]/g, ' ');
}

const lunrPeer: Peer = {
  name: 'lunr',
  build(sentences) {
    const index = lunr(function () {
      this.ref('id');
      this.field('text');
      for (const s of sentences) this.add({ id: String(s.id), text: s.text });
    });
    return {
      search: (query, limit) =>
        index
          .search(lunrQuery(query))
          .slice(0, limit)
          .map((r) => Number(r.ref)),
    };
  },
};

const flexsearchPeer: Peer = {
  name: 'flexsearch',
  build(sentences) {
    // The default Index; `suggest` lets a many-word question match sentences with only some words.
    const index = new FlexIndex();
    for (const s of sentences) index.add(s.id, s.text);
    return {
      search: (query, limit) => index.search(query, { limit, suggest: true }) as number[],
    };
  },
};

const oramaPeer: Peer = {
  name: 'orama',
  build(sentences) {
    const db = create({ schema: { text: 'string' } as const });
    const inserted = insertMultiple(
      db,
      sentences.map((s) => ({ id: String(s.id), text: s.text })),
    );
    if (inserted instanceof Promise) throw new Error('orama inserted asynchronously');
    return {
      search(query, limit) {
        const results = oramaSearch(db, { term: query, limit });
        if (results instanceof Promise) throw new Error('orama searched asynchronously');
        return results.hits.map((h) => Number(h.id));
      },
    };
  },
};

interface WinkEngine {
  defineConfig(config: { fldWeights: Record<string, number> }): void;
  definePrepTasks(tasks: unknown[]): void;
  addDoc(doc: Record<string, string>, id: number): void;
  consolidate(): void;
  search(text: string, limit?: number): Array<[number | string, number]>;
}

const winkPeer: Peer = {
  name: 'wink-bm25',
  build(sentences) {
    // CommonJS packages without types; loaded as their README shows.
    const require = createRequire(import.meta.url);
    const bm25 = require('wink-bm25-text-search') as () => WinkEngine;
    const nlp = require('wink-nlp-utils') as {
      string: { lowerCase: unknown; tokenize0: unknown };
      tokens: { removeWords: unknown; stem: unknown; propagateNegations: unknown };
    };
    const engine = bm25();
    engine.defineConfig({ fldWeights: { text: 1 } });
    engine.definePrepTasks([
      nlp.string.lowerCase,
      nlp.string.tokenize0,
      nlp.tokens.removeWords,
      nlp.tokens.stem,
      nlp.tokens.propagateNegations,
    ]);
    for (const s of sentences) engine.addDoc({ text: s.text }, s.id);
    engine.consolidate();
    return { search: (query, limit) => engine.search(query, limit).map(([id]) => Number(id)) };
  },
};

/** The peer libraries compared with strikebot, in table order. */
/** MiniSearch as its README shows it, with no strikebot tokenizer, features or model. */
export const plainMiniSearchPeer: Peer = {
  name: 'minisearch',
  build(sentences) {
    const index = new MiniSearch<BenchSentence>({ fields: ['text'] });
    index.addAll(sentences);
    return {
      search: (query, limit) =>
        index
          .search(query, { combineWith: 'OR' })
          .slice(0, limit)
          .map((hit) => hit.id as number),
    };
  },
};

export const PEERS: readonly Peer[] = [
  plainMiniSearchPeer,
  lunrPeer,
  flexsearchPeer,
  oramaPeer,
  winkPeer,
];
