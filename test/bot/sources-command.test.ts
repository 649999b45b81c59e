import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage, parseSourcesCommand } from '../../src/bot/sources-command.ts';

describe('parsePage', () => {
  it.each([
    ['', 1],
    ['2', 2],
    [' page 3 ', 3],
    ['page:4', 4],
    ['P5', 5],
    ['0', 1],
    ['999999', 10_000],
    ['latest', 1],
    ['-2', 1],
    ['2.5', 1],
  ])('reads %j as page %i', (text, page) => {
    expect(parsePage(text)).toBe(page);
  });
});

describe('parseSourcesCommand', () => {
  it.each([
    ['sources', { kind: 'sources', page: 1 }],
    ['Sources 2', { kind: 'sources', page: 2 }],
    ['/sources page:3', { kind: 'sources', page: 3 }],
    [':sources page 2', { kind: 'sources', page: 2 }],
    ['  sources  ', { kind: 'sources', page: 1 }],
  ])('reads %j as a sources command', (text, command) => {
    expect(parseSourcesCommand(text)).toEqual(command);
  });

  it.each([
    'what sources do you have?',
    'sources of strike pay?',
    'sources say the strike ended',
    'sourcesx',
    'resources',
    '',
  ])('leaves %j to the engine', (text) => {
    expect(parseSourcesCommand(text)).toBeUndefined();
  });
});

describe('reading any text people type', () => {
  it('gives a whole page from 1 to 10,000, or no command, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const page = parsePage(text);
        expect(Number.isInteger(page) && page >= 1 && page <= 10_000).toBe(true);
        const command = parseSourcesCommand(text);
        if (command) {
          expect(Number.isInteger(command.page) && command.page >= 1).toBe(true);
          expect(text.trim().toLowerCase()).toMatch(/^[:/]?sources/);
        }
      }),
    );
  });

  it('reads "sources" followed by any page number as that page', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('', 'page ', 'page:', 'p'),
        (n, prefix) => {
          expect(parseSourcesCommand(`sources ${prefix}${n}`)).toEqual({
            kind: 'sources',
            page: n,
          });
        },
      ),
    );
  });
});
