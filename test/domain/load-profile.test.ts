import { describe, expect, it } from 'vitest';
import { loadDomainProfile, parseSidesProfile } from '../../src/domain/load-profile.ts';

describe('loadDomainProfile', () => {
  it('loads the bundled sides with their labels', () => {
    const { sides } = loadDomainProfile();
    expect(sides.sides.map((s) => [s.id, s.label])).toEqual([
      ['union', 'Union (NUHW)'],
      ['employer', 'Kaiser'],
      ['regulator', 'Regulator (DMHC)'],
      ['politician', 'Lawmakers'],
    ]);
    expect(sides.reporterLabel).toBe('Reporter');
  });
});

describe('parseSidesProfile', () => {
  const side = { id: 'union', label: 'Union', organisations: ['the union'] };

  it('fills in the defaults', () => {
    expect(parseSidesProfile({ sides: [side] }, 'sides.json')).toEqual({
      sides: [{ ...side, roles: [], publishers: [] }],
      people: [],
      ownVoiceKinds: ['press-release', 'statement'],
      reporterLabel: 'Reporter',
      unknownLabel: 'Unattributed',
    });
  });

  it('names the file and the field at fault', () => {
    expect(() => parseSidesProfile({ sides: [{ ...side, label: ' ' }] }, 'sides.json')).toThrow(
      'sides.json: sides.0.label: must be a non-empty string',
    );
    expect(() => parseSidesProfile({ sides: [side, side] }, 'sides.json')).toThrow(
      'sides.json: sides.1.id: is used twice',
    );
    expect(() =>
      parseSidesProfile({ sides: [side], people: [{ name: 'Jo Ray', side: 'boss' }] }, 'p.json'),
    ).toThrow('p.json: people.0.side: must be one of the side ids (union)');
    expect(() => parseSidesProfile({ sides: [{ ...side, id: 'reporter' }] }, 'sides.json')).toThrow(
      'sides.json: sides.0.id: "reporter" and "unknown" are reserved',
    );
  });

  it('throws a StrikebotError with code PROFILE_INVALID', () => {
    expect(() => parseSidesProfile('nope', 'sides.json')).toThrow(
      expect.objectContaining({ name: 'StrikebotError', code: 'PROFILE_INVALID' }),
    );
  });
});
