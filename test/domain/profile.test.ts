import { describe, expect, it } from 'vitest';
import { parseProfile, strikebotProfile } from '../../src/domain/profile.ts';

describe('strikebotProfile', () => {
  it('holds the sides of the dispute with their labels', () => {
    const sides = strikebotProfile.sides;
    expect(sides?.sides.map((s) => [s.id, s.label])).toEqual([
      ['union', 'Union (NUHW)'],
      ['employer', 'Kaiser'],
      ['regulator', 'Regulator (DMHC)'],
      ['politician', 'Lawmakers'],
    ]);
    expect(sides?.reporterLabel).toBe('Reporter');
    expect(strikebotProfile.subject).toBe(
      'the Kaiser Permanente mental health strikes and bargaining',
    );
  });
});

describe('parseProfile', () => {
  const side = { id: 'union', label: 'Union', organisations: ['the union'] };

  it('fills in the defaults of the sides section and drops its comment', () => {
    expect(parseProfile({ sides: { $comment: 'note', sides: [side] } }, 'p.json').sides).toEqual({
      sides: [{ ...side, roles: [], publishers: [] }],
      people: [],
      ownVoiceKinds: ['press-release', 'statement'],
      reporterLabel: 'Reporter',
      unknownLabel: 'Unattributed',
    });
  });

  it('leaves the sides out when the file has none', () => {
    expect(parseProfile({ subject: 'the Rhine' }, 'rhine.json')).toEqual({ subject: 'the Rhine' });
  });

  it('names the file and the field at fault', () => {
    const bad = (sides: unknown) => () => parseProfile({ sides }, 'p.json');
    expect(bad({ sides: [{ ...side, label: ' ' }] })).toThrow(
      'p.json: sides.sides.0.label: must be a non-empty string',
    );
    expect(bad({ sides: [side, side] })).toThrow('p.json: sides.sides.1.id: is used twice');
    expect(bad({ sides: [side], people: [{ name: 'Jo Ray', side: 'boss' }] })).toThrow(
      'p.json: sides.people.0.side: must be one of the side ids (union)',
    );
    expect(bad({ sides: [{ ...side, id: 'reporter' }] })).toThrow(
      'p.json: sides.sides.0.id: "reporter" and "unknown" are reserved',
    );
  });

  it('throws a StrikebotError with code CONFIG_INVALID', () => {
    expect(() => parseProfile({ sides: 'nope' }, 'p.json')).toThrow(
      expect.objectContaining({ name: 'StrikebotError', code: 'CONFIG_INVALID' }),
    );
  });
});
