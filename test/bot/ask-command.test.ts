import { describe, expect, it } from 'vitest';
import {
  parseAskCommand,
  parseConsoleCommand,
  parseTimelineCommand,
} from '../../src/bot/ask-command.ts';

describe('parseTimelineCommand', () => {
  it.each([
    ['timeline', { kind: 'timeline', query: '' }],
    ['timeline 2019', { kind: 'timeline', query: '2019' }],
    ['Timeline: contract talks', { kind: 'timeline', query: 'contract talks' }],
    ['TIMELINE   picket  ', { kind: 'timeline', query: 'picket' }],
  ])('reads %j as a timeline', (text, command) => {
    expect(parseTimelineCommand(text)).toEqual(command);
  });

  it.each(['timelines?', 'what is the timeline?', ':timeline 2019', 'timeline_2019'])(
    'reads %j as something else',
    (text) => {
      expect(parseTimelineCommand(text)).toBeUndefined();
    },
  );
});

describe('parseAskCommand', () => {
  it.each([
    ['sources', { kind: 'sources', page: 1 }],
    ['sources page 3', { kind: 'sources', page: 3 }],
    ['timeline 2024', { kind: 'timeline', query: '2024' }],
  ])('reads %j as a command', (text, command) => {
    expect(parseAskCommand(text)).toEqual(command);
  });

  it.each(['sources of strike pay?', 'when did the strike start?', ''])(
    'reads %j as a question',
    (text) => {
      expect(parseAskCommand(text)).toBeUndefined();
    },
  );
});

describe('parseConsoleCommand', () => {
  it.each([
    [':sources', { kind: 'sources', page: 1 }],
    [':SOURCES page 2', { kind: 'sources', page: 2 }],
    [':sources latest', { kind: 'sources', page: 1 }],
    [':timeline', { kind: 'timeline', query: '' }],
    [':Timeline **contract** expired', { kind: 'timeline', query: 'contract expired' }],
  ])('reads %j as a command', (line, command) => {
    expect(parseConsoleCommand(line)).toEqual(command);
  });

  it.each([':help', 'sources', 'timeline 2019', 'why did they strike?'])(
    'reads %j as no command',
    (line) => {
      expect(parseConsoleCommand(line)).toBeUndefined();
    },
  );
});
