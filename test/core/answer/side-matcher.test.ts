import { describe, expect, it } from 'vitest';
import { compileSides } from '../../../src/core/answer/side-matcher.ts';
import { labelSide } from '../../../src/core/answer/sides-profile.ts';
import { sidesProfileSchema } from '../../../src/domain/sides-schema.ts';

const profile = sidesProfileSchema.parse({
  sides: [
    {
      id: 'union',
      label: 'Guild',
      organisations: ['Harbor Nurses Guild', 'the guild'],
      roles: ['nurse'],
      publishers: ['Guild News'],
    },
    { id: 'employer', label: 'Bayview', organisations: ['Bayview Health', 'Bayview'] },
    { id: 'politician', label: 'Lawmakers', organisations: ['lawmakers'], roles: ['Assembly'] },
  ],
  people: [{ name: 'Grace Liu', side: 'employer', role: 'spokesperson' }],
});
const matcher = compileSides(profile);

describe('compileSides', () => {
  it('finds the sides a question names, in any letter case', () => {
    expect(matcher.sidesNamedIn('did bayview and the guild meet? what did LAWMAKERS say')).toEqual([
      'employer',
      'union',
      'politician',
    ]);
    // Organisations only: an occupation is no party named.
    expect(matcher.sidesNamedIn('do nurses want more pay?')).toEqual([]);
  });

  it('places a role by occupation before organisation', () => {
    expect(matcher.sideOfRole('a nurse at Bayview Health')).toEqual({
      side: 'union',
      text: 'nurse',
      index: 2,
    });
    expect(matcher.sideOfRole('chief of staff at Bayview Health')?.side).toBe('employer');
  });

  it('reads a role word inside an organisation’s name as part of the name', () => {
    const guild = compileSides(
      sidesProfileSchema.parse({
        sides: [
          {
            id: 'union',
            label: 'Guild',
            organisations: ['Harbor Nurses Guild'],
            roles: ['nurses'],
          },
          { id: 'employer', label: 'Bayview', organisations: ['Bayview Health'] },
        ],
      }),
    );
    expect(guild.sideOfRole('spokesperson for the Harbor Nurses Guild')).toEqual({
      side: 'union',
      text: 'Harbor Nurses Guild',
      index: 21,
    });
    expect(guild.sideOfRole('one of the nurses at Bayview Health')).toEqual({
      side: 'union',
      text: 'nurses',
      index: 11,
    });
  });

  it('places a person by a title in their name, and by nothing else', () => {
    expect(matcher.sideOfTitle('Assembly Speaker Ana Ruiz')?.side).toBe('politician');
    expect(matcher.sideOfTitle('Bayview Smith')).toBeUndefined();
  });

  it('matches lower-case names in any case and capitalised names only as written', () => {
    expect(matcher.findOrganisations('The guild met Bayview.')).toEqual([
      { side: 'union', text: 'The guild', index: 0 },
      { side: 'employer', text: 'Bayview', index: 14 },
    ]);
    expect(matcher.sideOfRole('an assembly line worker')).toBeUndefined();
    expect(matcher.sideOfRole('Assembly member for Harbor')?.side).toBe('politician');
  });

  it('prefers the longer of two names found at one place', () => {
    expect(matcher.findOrganisations('Bayview Health said')).toEqual([
      { side: 'employer', text: 'Bayview Health', index: 0 },
    ]);
  });

  it('finds a profile person by full name or surname', () => {
    expect(matcher.findPerson('Liu')).toEqual({
      name: 'Grace Liu',
      side: 'employer',
      role: 'spokesperson',
    });
    expect(matcher.findPerson('Ann Liu')).toBeUndefined();
  });

  it('gives a document the voice of a side that publishes it, else the reporter’s', () => {
    const doc = { id: 'd', title: 'T', body: 'x' };
    expect(matcher.ownVoiceOf({ ...doc, publisher: 'Guild News (weekly)' })).toBe('union');
    expect(matcher.ownVoiceOf({ ...doc, publisher: 'Bayview Health', kind: 'press-release' })).toBe(
      'employer',
    );
    expect(matcher.ownVoiceOf({ ...doc, publisher: 'Bayview Health', kind: 'news' })).toBe(
      'reporter',
    );
    expect(matcher.ownVoiceOf(doc)).toBe('reporter');
  });
});

describe('labelSide', () => {
  it('labels a side, the reporter and an unknown speaker', () => {
    expect(labelSide(profile, 'union')).toBe('Guild');
    expect(labelSide(profile, 'reporter')).toBe('Reporter');
    expect(labelSide(profile, 'unknown')).toBe('Unattributed');
  });
});
