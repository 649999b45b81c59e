import { describe, expect, it } from 'vitest';
import { findPeople } from '../../../src/core/answer/people.ts';

const none = (): boolean => false;

describe('findPeople', () => {
  it('finds people with a description after their name, a title before it, or a preposition', () => {
    expect(
      findPeople(
        'Jane Doe, a nurse in Fresno, met Board Director Amy Wu and Bo Kim with the guild.',
        none,
      ),
    ).toEqual([
      { name: 'Jane Doe', role: 'a nurse in Fresno' },
      { name: 'Amy Wu', role: 'Board Director' },
      { name: 'Bo Kim', role: 'with the guild' },
    ]);
  });

  it('skips names given without a description, addresses and organisations', () => {
    const isGuild = (text: string, start: number, end: number): boolean => {
      const at = text.indexOf('Harbor Nurses Guild');
      return at >= 0 && at < end && at + 19 > start;
    };
    expect(
      findPeople(
        'Ann Lee joined the Harbor Nurses Guild at 12 Ocean Blvd. in Long Beach.',
        isGuild,
      ),
    ).toEqual([]);
  });
});
