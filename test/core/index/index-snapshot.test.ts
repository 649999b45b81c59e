import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { indexDocuments } from '../../../src/core/index/build-index.ts';
import { decodeSnapshot, encodeSnapshot } from '../../../src/core/index/index-snapshot.ts';
import { tokenize } from '../../../src/core/index/text.ts';
import type { SourceDocument } from '../../../src/core/types.ts';

const docs: SourceDocument[] = [
  {
    id: 'a',
    title: 'Strike',
    body: [
      'Nearly 2,400 mental health workers at Kaiser went on strike Monday.',
      'The strike lasted five days. Workers want more therapists and shorter waits.',
      '',
      '- Union rally at noon',
    ].join('\n'),
  },
  {
    id: 'b',
    title: 'Deal',
    body: 'Kaiser and the union reached a tentative agreement. Therapists voted to ratify the deal.',
  },
];

const buildParts = () => indexDocuments(docs);
const queryTerms = (q: string) => tokenize(q).join(' ');

const queries = [
  'strike workers',
  'kaiser union therapists',
  'deal ratify',
  'monday 2400',
  'rally',
];

describe('encodeSnapshot / decodeSnapshot', () => {
  it('restores every posting, document length and chunk exactly', () => {
    const parts = buildParts();
    const restored = decodeSnapshot(docs, encodeSnapshot(docs, parts));
    expect(restored.chunks).toEqual(parts.chunks);
    expect([...restored.df]).toEqual([...parts.df]);
    expect([...restored.words]).toEqual([...parts.words]);
    expect(restored.evidence).toEqual(parts.evidence);
    // Searched first, while the postings are still unread slices of the snapshot.
    for (const q of queries) {
      expect(restored.index.search(queryTerms(q), { combineWith: 'OR' })).toEqual(
        parts.index.search(queryTerms(q), { combineWith: 'OR' }),
      );
    }
    // MiniSearch's own JSON lists every term, posting and field length.
    expect(JSON.stringify(restored.index)).toBe(JSON.stringify(parts.index));
  });

  it('keeps the restored index usable for adding and discarding documents', () => {
    const parts = buildParts();
    const restored = decodeSnapshot(docs, encodeSnapshot(docs, parts)).index;
    for (const index of [parts.index, restored]) {
      index.add({ id: 99, text: 'strike vote kaiser' });
      index.discard(1);
      index.vacuum({ batchSize: 1000, batchWait: 0 });
    }
    expect(JSON.stringify(restored)).toBe(JSON.stringify(parts.index));
    for (const q of queries) {
      expect(restored.search(queryTerms(q), { combineWith: 'OR' })).toEqual(
        parts.index.search(queryTerms(q), { combineWith: 'OR' }),
      );
    }
  });

  it('rejects a snapshot whose postings are cut short', () => {
    const parts = buildParts();
    const data = deserialize(encodeSnapshot(docs, parts)) as { postings: Int32Array };
    data.postings = data.postings.slice(0, data.postings.length - 3);
    expect(() => decodeSnapshot(docs, serialize(data))).toThrow(
      'index snapshot is cut short (index tree)',
    );
  });

  it('rejects a document table that points past the chunks', () => {
    const parts = buildParts();
    const data = deserialize(encodeSnapshot(docs, parts)) as { docs: Int32Array };
    data.docs[1] = 500;
    expect(() => decodeSnapshot(docs, serialize(data))).toThrow(
      `index snapshot indexes chunk 500 of ${parts.chunks.length}`,
    );
  });

  it('rejects a snapshot of another format', () => {
    const parts = buildParts();
    const data = deserialize(encodeSnapshot(docs, parts)) as { version: string };
    data.version = 'strikebot-index-1';
    expect(() => decodeSnapshot(docs, serialize(data))).toThrow(
      /has format strikebot-index-1, expected strikebot-index-\d+/,
    );
  });
});
