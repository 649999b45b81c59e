import { describe, expect, it } from 'vitest';
import { attributeSnippet, describeSpeaker } from '../../../src/core/answer/speaker-label.ts';

describe('describeSpeaker', () => {
  it('names the outlet of a report, the person of a side, or just the side', () => {
    expect(describeSpeaker({ side: 'reporter', label: 'Reporter' }, ' Bay Weekly ')).toBe(
      'Reporter (Bay Weekly)',
    );
    expect(describeSpeaker({ side: 'reporter', label: 'Reporter' })).toBe('Reporter');
    expect(
      describeSpeaker({ name: 'Omar Haddad', role: 'president', side: 'guild', label: 'Guild' }),
    ).toBe('Guild, Omar Haddad');
    // A group's name without a role would only repeat the label.
    expect(describeSpeaker({ name: 'guild officials', side: 'guild', label: 'Guild' })).toBe(
      'Guild',
    );
    expect(describeSpeaker({ name: 'Ann Lee', side: 'unknown', label: 'Unattributed' })).toBe(
      'Ann Lee',
    );
    expect(describeSpeaker({ side: 'unknown', label: 'Unattributed' })).toBe('Unattributed');
  });
});

describe('attributeSnippet', () => {
  const guild = { side: 'guild', label: 'Guild' };

  it('quotes a side’s claim, leaves a report’s own voice unquoted and adds no second quote marks', () => {
    expect(attributeSnippet('Wards are short.', guild)).toBe('Guild: “Wards are short.”');
    expect(attributeSnippet('“Wards are short,” she said.', guild)).toBe(
      'Guild: “Wards are short,” she said.',
    );
    expect(
      attributeSnippet('Talks resumed.', { side: 'reporter', label: 'Reporter' }, 'KQED'),
    ).toBe('Reporter (KQED): Talks resumed.');
    expect(attributeSnippet('Talks resumed.', undefined)).toBe('“Talks resumed.”');
  });

  it('escapes the speaker’s words with the platform’s escaping', () => {
    const label = { side: 'guild', label: '*Guild*' };
    expect(attributeSnippet('x', label, undefined, (t) => t.replace(/\*/g, '\\*'))).toBe(
      '\\*Guild\\*: “x”',
    );
  });
});
