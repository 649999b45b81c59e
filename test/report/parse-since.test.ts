import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/report/parse-since.ts';

describe('parseSince', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it.each([
    ['7d', '2026-11-23T12:00:00.000Z'],
    ['24h', '2026-11-29T12:00:00.000Z'],
    ['30m', '2026-11-30T11:30:00.000Z'],
    ['2w', '2026-11-16T12:00:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseSince(text, now)).toISOString()).toBe(iso);
  });
  it.each(['7', 'd7', 'last week', '7 days'])('refuses %j', (text) => {
    expect(parseSince(text, now)).toBeNaN();
  });
});
