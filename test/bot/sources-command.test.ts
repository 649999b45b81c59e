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
