import { describe, expect, it } from 'vitest';
import { listSources } from '../../src/knowledge/list-sources.ts';

describe('listSources', () => {
  it('lists dated documents newest first, then undated ones by title, with sentence counts', () => {
    const list = listSources({
      documents: [
        { id: 'a', title: 'Strike begins', date: '2024-10-14', publisher: 'NUHW', body: 'x' },
        { id: 'b', title: 'Undated explainer', body: 'x' },
        { id: 'c', title: 'Strike ends', date: '2025-05-24', body: 'x' },
        { id: 'd', title: 'Another undated page', body: 'x' },
      ],
      sentences: new Map([
        ['a', 12],
        ['b', 3],
        ['c', 7],
        ['d', 1],
      ]),
      rebuiltAt: new Date('2026-01-15T12:00:00Z'),
      refused: [
        {
          file: 'knowledge/bad.md',
          error:
            'knowledge/bad.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"',
          code: 'KNOWLEDGE_MALFORMED',
        },
      ],
    });
    expect(list).toEqual({
      documents: [
        { id: 'c', title: 'Strike ends', date: '2025-05-24', sentences: 7 },
        { id: 'a', title: 'Strike begins', publisher: 'NUHW', date: '2024-10-14', sentences: 12 },
        { id: 'd', title: 'Another undated page', sentences: 1 },
        { id: 'b', title: 'Undated explainer', sentences: 3 },
      ],
      totalSentences: 23,
      rebuiltAt: '2026-01-15T12:00:00.000Z',
      refused: [
        {
          file: 'knowledge/bad.md',
          error:
            'knowledge/bad.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"',
        },
      ],
    });
  });
});
