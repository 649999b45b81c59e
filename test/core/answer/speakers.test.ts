import { describe, expect, it } from 'vitest';
import { compileSides } from '../../../src/core/answer/side-matcher.ts';
import { createSpeakerLookup, NO_SIDES } from '../../../src/core/answer/speakers.ts';
import { indexDocuments } from '../../../src/core/index/build-index.ts';
import type { SourceDocument } from '../../../src/core/types.ts';
import { sidesProfileSchema } from '../../../src/domain/sides-schema.ts';

// A made-up dispute: a nurses' guild and a hospital group.
const sides = sidesProfileSchema.parse({
  sides: [
    {
      id: 'guild',
      label: 'Guild',
      organisations: ['Harbor Nurses Guild', 'the guild'],
      roles: ['nurse'],
      publishers: [],
    },
    { id: 'hospital', label: 'Bayview', organisations: ['Bayview Health', 'Bayview'] },
  ],
});

const documents: SourceDocument[] = [
  {
    id: 'news',
    title: 'Nurses strike',
    publisher: 'Bay Weekly',
    body: 'Nurses walked out on Monday.\n\n“We are short every night,” said Dana Ortiz, a nurse at Bayview Health.\n\nBayview said staffing meets every state ratio.',
  },
  {
    id: 'release',
    title: 'Guild statement',
    publisher: 'Harbor Nurses Guild',
    kind: 'press-release',
    body: 'Bayview refuses to hire enough nurses.',
  },
];
const { chunks } = indexDocuments(documents);
const docById = new Map(documents.map((d) => [d.id, d]));

describe('createSpeakerLookup', () => {
  it('gives each chunk its speaker and whether the text reports them', () => {
    const speakerOf = createSpeakerLookup(chunks, docById, compileSides(sides));
    expect(chunks.map((c) => speakerOf(c))).toEqual([
      { speaker: { name: 'Bay Weekly', side: 'reporter' }, reported: false },
      {
        speaker: { name: 'Dana Ortiz', role: 'a nurse at Bayview Health', side: 'guild' },
        reported: true,
      },
      { speaker: { name: 'Bayview', side: 'hospital' }, reported: true },
      // A press release speaks for its publisher's side (front matter type → kind).
      { speaker: { name: 'Harbor Nurses Guild', side: 'guild' }, reported: false },
    ]);
  });

  it('attributes a document whichever of its chunks is asked about first', () => {
    const speakerOf = createSpeakerLookup(chunks, docById, compileSides(sides));
    expect(speakerOf(chunks[2] as (typeof chunks)[number]).speaker.side).toBe('hospital');
    expect(speakerOf(chunks[0] as (typeof chunks)[number]).speaker.side).toBe('reporter');
  });

  it('makes every sentence a document’s own voice when the profile names no sides', () => {
    const speakerOf = createSpeakerLookup(chunks, docById, compileSides(NO_SIDES));
    expect(chunks.map((c) => speakerOf(c).speaker.side)).toEqual([
      'reporter',
      'unknown',
      'unknown',
      'reporter',
    ]);
  });
});
