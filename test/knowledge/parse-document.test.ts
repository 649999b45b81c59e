import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StrikebotError } from '../../src/core/errors.ts';
import { CLUTTER_RULES } from '../../src/knowledge/clutter-rules.ts';
import { parseKnowledgeFile } from '../../src/knowledge/parse-document.ts';

describe('parseKnowledgeFile', () => {
  it('strips a byte order mark and CRLF line breaks, keeps unknown fields as metadata and the type as kind', () => {
    const report = parseKnowledgeFile(
      'k/a.md',
      '\uFEFF---\r\ntitle: "Strike: day one"\r\ntype: news\r\n---\r\nPickets went up.\r\n',
      CLUTTER_RULES,
    );
    expect(report.document).toEqual({
      id: 'a',
      title: 'Strike: day one',
      body: 'Pickets went up.',
      kind: 'news',
    });
    expect(report.metadata).toEqual({ title: 'Strike: day one', type: 'news' });
  });

  it('either throws a StrikebotError or returns a body made of whole lines of the input', () => {
    const line = fc.oneof(
      fc.constantFrom('---', 'title: T', 'date: 2024-01-01', 'url: x', '', 'Most Popular', '# # #'),
      fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n\uFEFF]/g, ' ')),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        let body: string;
        try {
          body = parseKnowledgeFile('k/p.txt', text, CLUTTER_RULES).document.body;
        } catch (error) {
          expect(error).toBeInstanceOf(StrikebotError);
          return;
        }
        expect(body.trim()).not.toBe('');
        for (const kept of body.split('\n')) {
          if (kept !== '') expect(lines).toContain(kept);
        }
      }),
    );
  });
});
