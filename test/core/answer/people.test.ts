import { describe, expect, it } from 'vitest';
import { findDescribed, findPeople } from '../../../src/core/answer/people.ts';

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

  it('leaves a possessive out of the name ("Governor Jane Doe’s request")', () => {
    expect(findPeople('Talks began at Governor Jane Doe’s request.', none)).toEqual([
      { name: 'Jane Doe', role: 'Governor' },
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

describe('findDescribed', () => {
  const noOrganisation = () => false;

  it('reads who a sentence says a person is, by full name or surname', () => {
    expect(findDescribed('Dana Ortiz is a nurse at the clinic.', noOrganisation)).toEqual({
      name: 'Dana Ortiz',
      role: 'a nurse at the clinic',
    });
    expect(findDescribed('Ortiz was one of the first to walk out.', noOrganisation)).toEqual({
      name: 'Ortiz',
      role: 'one of the first to walk out',
    });
  });

  it('skips openers, organisations and descriptions that are not "a", "an" or "one of"', () => {
    expect(findDescribed('This is a hard week.', noOrganisation)).toBeUndefined();
    expect(findDescribed('Bayview is a large employer.', () => true)).toBeUndefined();
    expect(findDescribed('Ortiz is tired.', noOrganisation)).toBeUndefined();
  });
});
