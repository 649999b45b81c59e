import { describe, expect, it } from 'vitest';
import { chunkDocument, splitSentences } from '../../../src/core/index/chunk.ts';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps "Sept. 30" inside one sentence', () => {
    expect(texts('The contract expired Sept. 30 after talks. Workers struck.')).toEqual([
      'The contract expired Sept. 30 after talks.',
      'Workers struck.',
    ]);
  });

  it('keeps "6 a.m. to 2 p.m." and the weekday after it in one sentence', () => {
    expect(
      texts('They picket from 6 a.m. to 2 p.m. Thursday at five sites. Rallies follow.'),
    ).toEqual(['They picket from 6 a.m. to 2 p.m. Thursday at five sites.', 'Rallies follow.']);
  });

  it('breaks after "p.m." when a sentence opener follows', () => {
    expect(texts('The rally ends at 2 p.m. The union will meet later.')).toEqual([
      'The rally ends at 2 p.m.',
      'The union will meet later.',
    ]);
  });

  it('keeps addresses like "4900 California Ave., Bakersfield" whole', () => {
    expect(texts('Offices at 4900 California Ave., Bakersfield open. Next.')).toEqual([
      'Offices at 4900 California Ave., Bakersfield open.',
      'Next.',
    ]);
  });

  it('keeps initials, titles and decimals inside their sentence', () => {
    expect(
      texts('Janet A. Liang met Dr. Smith and Mr. Jones. Members number 4.8 million. Done.'),
    ).toEqual([
      'Janet A. Liang met Dr. Smith and Mr. Jones.',
      'Members number 4.8 million.',
      'Done.',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(texts('“That’s denying care,” he said. “You delay care.” She agreed.')).toEqual([
      '“That’s denying care,” he said.',
      '“You delay care.”',
      'She agreed.',
    ]);
  });

  it('does not break inside a quoted sentence that continues lower-case', () => {
    expect(texts('“We are not asking for much,” said Jim Clifford, who works there.')).toEqual([
      '“We are not asking for much,” said Jim Clifford, who works there.',
    ]);
  });
});

describe('chunkDocument', () => {
  const body = [
    'No Progress in Bargaining',
    '',
    'Kaiser offered nothing new. Talks resume Friday.',
    '',
    'Picket lines:',
    '  • San Diego Medical Center, 9455 Clairemont Mesa Blvd.',
    '  • Fontana Medical Center, 9961 Sierra Ave., Fontana',
  ].join('\n');
  const chunks = chunkDocument({ id: 'doc', title: 'T', body });

  it('makes headings and bullet items chunks of their own', () => {
    expect(chunks.map((c) => [c.kind, c.text])).toEqual([
      ['heading', 'No Progress in Bargaining'],
      ['sentence', 'Kaiser offered nothing new.'],
      ['sentence', 'Talks resume Friday.'],
      ['sentence', 'Picket lines:'],
      ['bullet', 'San Diego Medical Center, 9455 Clairemont Mesa Blvd.'],
      ['bullet', 'Fontana Medical Center, 9961 Sierra Ave., Fontana'],
    ]);
  });

  it('records exact offsets, paragraphs and positions', () => {
    for (const chunk of chunks) expect(body.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunks.map((c) => c.paragraph)).toEqual([0, 1, 1, 2, 2, 2]);
    expect(chunks.map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(chunks.map((c) => c.docId))).toEqual(new Set(['doc']));
  });

  it('joins running text wrapped over several lines into sentences', () => {
    const wrapped = chunkDocument({
      id: 'w',
      title: 'T',
      body: 'The strike began\non Monday. It ended.',
    });
    expect(wrapped.map((c) => c.text)).toEqual(['The strike began\non Monday.', 'It ended.']);
  });
});
