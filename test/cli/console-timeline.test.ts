import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/cli/console-chat.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { documents } from '../adapters/slack/fixtures.ts';

describe('console chat :timeline', () => {
  it('lists the dated events for a year or words, and all of them without one', async () => {
    let out = '';
    const output = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const engine = createStrikebotEngine(documents);
    await runConsoleChat({
      engine: () => engine,
      input: Readable.from([':timeline expired\n', ':TIMELINE\n', ':timeline 1999\n']),
      output,
      interactive: false,
    });
    expect(out).toBe(
      [
        'Q: :timeline expired',
        'Timeline for “expired”: 1 dated event, oldest first.',
        'September 30, 2024 — “The union’s contract with Kaiser expired on September 30.” (CBS Los Angeles)',
        '',
        'Q: :TIMELINE',
        'Timeline of the documents: 2 dated events, oldest first.',
        'September 30, 2024 — “The union’s contract with Kaiser expired on September 30.” (CBS Los Angeles)',
        'October 14, 2024 — “Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system.” (CBS Los Angeles)',
        '',
        'Q: :timeline 1999',
        'No dated events in the documents match “1999”. Try a year (for example 2024) or fewer words.',
        '',
        '',
      ].join('\n'),
    );
  });
});
