import { describe, expect, it } from 'vitest';
import { QUOTE } from '../../../src/core/answer/quotations.ts';
import {
  isApposition,
  readSpeakerAfter,
  readSpeakerBefore,
} from '../../../src/core/answer/speaker-phrase.ts';

/** Treats "Bayview Health" as the only organisation. */
const isOrganisation = (text: string, start: number, end: number): boolean => {
  const at = text.indexOf('Bayview Health');
  return at >= 0 && at < end && at + 'Bayview Health'.length > start;
};

describe('readSpeakerBefore', () => {
  it('reads a person with the descriptions after their name', () => {
    expect(
      readSpeakerBefore('Jane Doe, a nurse in Fresno, the guild’s steward, ', isOrganisation),
    ).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Doe', role: 'a nurse in Fresno, the guild’s steward' }],
    });
  });

  it('reads a description after a dash as part of the person’s role, stops the subject at a verb, and shares it across "and"', () => {
    expect(
      readSpeakerBefore(
        'Omar Haddad, president of the guild - the union of the city’s nurses, ',
        isOrganisation,
      ),
    ).toEqual({
      kind: 'people',
      people: [
        { name: 'Omar Haddad', role: 'president of the guild, the union of the city’s nurses' },
      ],
    });
    expect(
      readSpeakerBefore('Jane Doe, a nurse in the night ward, repeated the guild ', isOrganisation),
    ).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Doe', role: 'a nurse in the night ward' }],
    });
    expect(
      readSpeakerBefore('The guild will review the offer with its members and ', isOrganisation),
    ).toEqual({ kind: 'group', text: 'The guild', core: 'The guild' });
    expect(readSpeakerBefore('The talks broke down - the guild ', isOrganisation)).toEqual({
      kind: 'group',
      text: 'the guild',
      core: 'the guild',
    });
  });

  it('reads a description before a person’s name as their role ("Its president, Jane Doe,")', () => {
    expect(readSpeakerBefore('Its president, Omar Haddad, ', isOrganisation)).toEqual({
      kind: 'people',
      people: [{ name: 'Omar Haddad', role: 'Its president' }],
    });
    expect(
      readSpeakerBefore('On Monday, a spokesperson for the hospital, Jane Roe, ', isOrganisation),
    ).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Roe', role: 'a spokesperson for the hospital' }],
    });
    // An opening phrase is no description.
    expect(readSpeakerBefore('In Fresno, Jane Roe ', isOrganisation)).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Roe', role: '' }],
    });
  });

  it('reads past a relative clause between the subject and its verb', () => {
    // The same as the subject alone.
    expect(
      readSpeakerBefore('Nurses, who have been without a contract since May, ', isOrganisation),
    ).toEqual(readSpeakerBefore('Nurses ', isOrganisation));
    expect(readSpeakerBefore('The guild, which represents 2,000 nurses, ', isOrganisation)).toEqual(
      { kind: 'group', text: 'The guild', core: 'The guild' },
    );
  });

  it('reads the subject after a quotation and an opening phrase', () => {
    expect(readSpeakerBefore(`${QUOTE}, the Bayview board `, isOrganisation)).toEqual({
      kind: 'group',
      text: 'the Bayview board',
      core: 'the Bayview board',
    });
    expect(readSpeakerBefore('In a letter on Friday, hospital officials ', isOrganisation)).toEqual(
      { kind: 'group', text: 'hospital officials', core: 'hospital officials' },
    );
  });

  it('reads the subject of the clause holding the verb, past auxiliaries', () => {
    expect(readSpeakerBefore('Wards closed, while the guild has also ', isOrganisation)).toEqual({
      kind: 'group',
      text: 'the guild',
      core: 'the guild',
    });
  });

  it('reads a pronoun and an organisation name that looks like a person’s', () => {
    expect(readSpeakerBefore('But she ', isOrganisation)).toEqual({
      kind: 'pronoun',
      pronoun: 'she',
    });
    expect(readSpeakerBefore('Bayview Health ', isOrganisation)).toEqual({
      kind: 'group',
      text: 'Bayview Health',
      core: 'Bayview Health',
    });
  });

  it('reads two people described in turn ("A, x, and B, y,")', () => {
    expect(
      readSpeakerBefore(
        'Ann Lee, the chair, and Bo Kim, chief nurse of the ward, ',
        isOrganisation,
      ),
    ).toEqual({
      kind: 'people',
      people: [
        { name: 'Ann Lee', role: 'the chair' },
        { name: 'Bo Kim', role: 'chief nurse of the ward' },
      ],
    });
  });

  it('reads the antecedent of a relative clause after its preposition', () => {
    expect(readSpeakerBefore('a deal with state inspectors, who ', isOrganisation)).toEqual({
      kind: 'group',
      text: 'state inspectors',
      core: 'state inspectors',
    });
  });

  it('keeps the head of a described group apart from its modifiers', () => {
    expect(readSpeakerBefore('The guild representing 4,000 nurses ', isOrganisation)).toEqual({
      kind: 'group',
      text: 'The guild representing 4,000 nurses',
      core: 'The guild',
    });
  });

  it('finds nothing when no words come before the verb', () => {
    expect(readSpeakerBefore(`${QUOTE}, `, isOrganisation)).toBeUndefined();
  });
});

describe('readSpeakerAfter', () => {
  it('reads an inverted speaker with a description', () => {
    expect(readSpeakerAfter(' Jane Doe, a nurse in Fresno.', isOrganisation)).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Doe', role: 'a nurse in Fresno' }],
    });
    expect(readSpeakerAfter(' Jane Doe with the guild.', isOrganisation)).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Doe', role: 'with the guild' }],
    });
  });

  it('reads a description before a full name ("said nurse Jane Doe")', () => {
    expect(
      readSpeakerAfter(' nurse Maria Lopez, who has worked there for years.', isOrganisation),
    ).toEqual({
      kind: 'people',
      people: [{ name: 'Maria Lopez', role: 'nurse, who has worked there for years' }],
    });
    expect(readSpeakerAfter(' company spokesperson Jane Roe.', isOrganisation)).toEqual({
      kind: 'people',
      people: [{ name: 'Jane Roe', role: 'company spokesperson' }],
    });
    // Not a name after a description: "told reporters Friday that ...", "said on Monday".
    expect(
      readSpeakerAfter(' reporters Friday that talks stalled.', isOrganisation),
    ).toBeUndefined();
    expect(readSpeakerAfter(' on Monday Jane Roe.', isOrganisation)).toBeUndefined();
  });

  it('stops at the clause after an "according to" speaker', () => {
    expect(readSpeakerAfter(' Bayview Health, wards reopened.', isOrganisation)).toEqual({
      kind: 'group',
      text: 'Bayview Health',
      core: 'Bayview Health',
    });
  });

  it('finds no inverted speaker after "said in ..."', () => {
    expect(readSpeakerAfter(' in a statement on Monday.', isOrganisation)).toBeUndefined();
  });
});

describe('isApposition', () => {
  it('tells descriptions from clauses', () => {
    expect(isApposition('president of the guild')).toBe(true);
    expect(isApposition('who works nights')).toBe(true);
    expect(isApposition('proposed new rules')).toBe(false);
  });
});
