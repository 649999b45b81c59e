import { describe, expect, it } from 'vitest';
import {
  type AttributedDocument,
  attributeChunks,
  type Speaker,
} from '../../../src/core/answer/attribution.ts';
import { chunkDocument } from '../../../src/core/index/chunk.ts';
import { sidesProfileSchema } from '../../../src/domain/sides-schema.ts';

// A made-up dispute (a nurses' guild against a hospital group), so no case comes from the corpus.
const profile = sidesProfileSchema.parse({
  sides: [
    {
      id: 'union',
      label: 'Guild',
      organisations: ['Harbor Nurses Guild', 'the guild', 'guild officials'],
      roles: ['nurse', 'nurses', 'works for'],
      publishers: ['Harbor Nurses Guild'],
    },
    {
      id: 'employer',
      label: 'Bayview',
      organisations: ['Bayview Health', 'Bayview', 'hospital officials'],
    },
    {
      id: 'regulator',
      label: 'Board',
      organisations: ['State Health Board', 'inspectors'],
    },
    { id: 'politician', label: 'Lawmakers', organisations: ['lawmakers'], roles: ['Senator'] },
  ],
  people: [{ name: 'Grace Liu', side: 'regulator', role: 'chief inspector' }],
});

/** The speaker of every sentence of a one-document body. */
function attribute(body: string, extra: Partial<AttributedDocument> = {}): Speaker[] {
  const document = { id: 'doc', title: 'Story', body, ...extra };
  return attributeChunks(chunkDocument(document), document, profile);
}

const REPORTER = { side: 'reporter' };
const HADDAD = {
  name: 'Omar Haddad',
  role: 'president of the Harbor Nurses Guild',
  side: 'union',
};
const PARK = { name: 'Lena Park', role: 'chief executive of Bayview Health', side: 'employer' };

describe('attributeChunks', () => {
  it('names the speaker after a quotation ("…," Ortiz said) from the description given earlier', () => {
    expect(
      attribute(
        'Dana Ortiz, a nurse at Bayview Health, joined the picket at dawn.\n\n' +
          '“We will not back down,” Ortiz said.',
      ),
    ).toEqual([REPORTER, { name: 'Dana Ortiz', role: 'a nurse at Bayview Health', side: 'union' }]);
  });

  it('names the speaker after the verb ("…," said Omar Haddad, president of ...)', () => {
    expect(
      attribute(
        '“The vote was unanimous,” said Omar Haddad, president of the Harbor Nurses Guild.',
      ),
    ).toEqual([HADDAD]);
  });

  it('names the speaker before a quotation (X said: “…”) with a title before the name', () => {
    expect(
      attribute('Harbor Nurses Guild treasurer Ana Silva said: “The strike fund is full.”'),
    ).toEqual([{ name: 'Ana Silva', role: 'Harbor Nurses Guild treasurer', side: 'union' }]);
  });

  it('reads "according to" with the speaker after it', () => {
    expect(attribute('Overtime doubled in the spring, according to the guild.')).toEqual([
      { name: 'the guild', side: 'union' },
    ]);
  });

  it('reads "said in a statement that" with the speaker before it', () => {
    expect(
      attribute('Bayview Health said in a statement that its offer was the best in the region.'),
    ).toEqual([{ name: 'Bayview Health', side: 'employer' }]);
  });

  it('reads a speaker named at the end of the sentence (..., the guild says)', () => {
    expect(attribute('Night shifts run with half the staff, the guild says.')).toEqual([
      { name: 'the guild', side: 'union' },
    ]);
  });

  it('gives both sentences of a two-sentence quotation to the speaker named after it', () => {
    expect(
      attribute(
        '“The wards are full. We need twelve more nurses,” said Omar Haddad, president of the Harbor Nurses Guild.',
      ),
    ).toEqual([HADDAD, HADDAD]);
  });

  it('gives a quotation continued in the next sentence to the speaker of the first', () => {
    expect(
      attribute(
        'Lena Park, chief executive of Bayview Health, spoke after the vote.\n\n' +
          '“We made a fair offer,” Park said. “The guild walked away from it.”',
      ),
    ).toEqual([REPORTER, PARK, PARK]);
  });

  it('follows a quotation across paragraphs when the next paragraph reopens it', () => {
    const ortiz = { name: 'Dana Ortiz', role: 'a nurse on the night ward', side: 'union' };
    expect(
      attribute(
        '“The first shift had no charge nurse.\n\n' +
          '“The second had two nurses for forty beds,” Dana Ortiz, a nurse on the night ward, said.',
      ),
    ).toEqual([ortiz, ortiz]);
  });

  it('takes the speaker of a quotation from a short sentence after it', () => {
    expect(
      attribute(
        'Omar Haddad, president of the Harbor Nurses Guild, met the board on Friday.\n\n' +
          '“We are ready for talks.” Haddad said so twice.',
      ),
    ).toEqual([REPORTER, HADDAD, HADDAD]);
  });

  it('gives a press release its publisher’s voice, except where it quotes someone else', () => {
    expect(
      attribute(
        'Nurses voted to strike on Monday.\n\n' +
          '“Our offer stands,” hospital officials said in a statement.\n\n' +
          'The guild will hold a rally at noon.',
        { publisher: 'Harbor Nurses Guild', kind: 'press-release' },
      ),
    ).toEqual([
      { name: 'Harbor Nurses Guild', side: 'union' },
      { name: 'hospital officials', side: 'employer' },
      { name: 'Harbor Nurses Guild', side: 'union' },
    ]);
  });

  it('finds the side of a press release from its kind when its publisher is only an organisation name', () => {
    const body = 'Bayview Health opened two new wards.';
    expect(attribute(body, { publisher: 'Bayview Health', kind: 'press-release' })).toEqual([
      { name: 'Bayview Health', side: 'employer' },
    ]);
    expect(attribute(body, { publisher: 'Bayview Health', kind: 'news' })).toEqual([
      { name: 'Bayview Health', side: 'reporter' },
    ]);
  });

  it('resolves "she said" to the last person named, with the role given then', () => {
    expect(
      attribute(
        'Lena Park, chief executive of Bayview Health, spoke after the vote.\n\n' +
          '“No hospital can pay that,” she said.',
      ),
    ).toEqual([REPORTER, PARK]);
  });

  it('resolves "it said" to the organisation named before', () => {
    expect(
      attribute('The State Health Board opened an inquiry. It said two wards were unsafe.'),
    ).toEqual([REPORTER, { name: 'State Health Board', side: 'regulator' }]);
  });

  it('reads "the board" as the organisation that was last a subject, not one named later as an object or possessive', () => {
    expect(
      attribute(
        'Last year, the State Health Board fined Bayview Health $2 million. ' +
          'Bayview’s failures included closing two wards.\n\n' +
          'This week, the board announced that it would inspect every ward.',
      ),
    ).toEqual([REPORTER, REPORTER, { name: 'State Health Board', side: 'regulator' }]);
    // Before this, "the board" was the organisation named last: Bayview.
    expect(
      attribute(
        'Inspectors visited in May. Bayview Health said the wards were safe. ' +
          'The State Health Board disagreed with Bayview on Tuesday. The board said two wards had closed.',
      ).at(-1),
    ).toEqual({ name: 'State Health Board', side: 'regulator' });
  });

  it('reads a commitment ("has pledged to", "promised") as its maker’s position, and a statement with a word before "statement" as a statement', () => {
    expect(
      attribute(
        'Bayview Health has also pledged to hire 40 nurses. The guild promised to end the strike by May.',
      ),
    ).toEqual([
      { name: 'Bayview Health', side: 'employer' },
      { name: 'the guild', side: 'union' },
    ]);
    // The outer act speaks: the senator's statement, not the board's announcement within it.
    expect(
      attribute(
        'Senator Ana Cruz issued the following statement after the State Health Board announced an inquiry.',
      ),
    ).toEqual([{ name: 'Ana Cruz', role: 'Senator', side: 'politician' }]);
    expect(attribute('The guild released a joint statement on Friday.')).toEqual([
      { name: 'the guild', side: 'union' },
    ]);
  });

  it('reads another verb of communication before "that" as speech when its subject is a known party', () => {
    // A stand-in for WordNet: "detailed" and "conceded" are communication verbs (category 32).
    const thesaurus = { verbCategory: (w: string) => (/^(detailed|conceded)$/.test(w) ? 32 : 31) };
    const body =
      'The statement from Bayview Health detailed that nurses would get raises. ' +
      'The contract detailed that raises start in May. The guild conceded that talks were slow. ' +
      'Inspectors believed that wards were safe.';
    const document = { id: 'doc', title: 'Story', body };
    expect(attributeChunks(chunkDocument(document), document, profile, thesaurus)).toEqual([
      { name: 'Bayview Health', side: 'employer' },
      // Not a known party: the reporter's sentence; a verb of thought is no speech.
      REPORTER,
      { name: 'the guild', side: 'union' },
      REPORTER,
    ]);
    // Without a thesaurus, only the listed speech verbs count.
    expect(attribute(body)).toEqual([REPORTER, REPORTER, REPORTER, REPORTER]);
  });

  it('gives a title and a surname the full name the speaker was first named under', () => {
    const CRUZ = { name: 'Ana Cruz', role: 'Senator', side: 'politician' };
    expect(
      attribute(
        'Senator Ana Cruz issued a statement on Monday.\n\n“The hospital must reopen the ward,” Senator Cruz said.',
      ),
    ).toEqual([CRUZ, CRUZ]);
  });

  it('places a spokesperson for, or an officer of, an organisation named before on its side', () => {
    expect(
      attribute(
        'Bayview Health defended its record on Monday.\n\n' +
          '“We remain committed to our patients,” said John Doe, a spokesperson for the health care giant.',
      ),
    ).toEqual([
      REPORTER,
      { name: 'John Doe', role: 'a spokesperson for the health care giant', side: 'employer' },
    ]);
    expect(
      attribute(
        'The guild rejected the offer. Its president, Omar Haddad, said the vote was unanimous.',
      ),
    ).toEqual([REPORTER, { name: 'Omar Haddad', role: 'Its president', side: 'union' }]);
    // A professor at "the university" speaks for no organisation named before.
    expect(
      attribute(
        'Bayview Health defended its record. “It is fine,” said Ann Lee, a professor at the university.',
      ),
    ).toEqual([
      REPORTER,
      { name: 'Ann Lee', role: 'a professor at the university', side: 'unknown' },
    ]);
  });

  it('reads news forms of speakers: "said nurse Jane Doe", "company spokesperson", a described "she", blame', () => {
    expect(
      attribute(
        'Bayview Health defended its record. “We are ready,” said company spokesperson Jane Roe.',
      ),
    ).toEqual([REPORTER, { name: 'Jane Roe', role: 'company spokesperson', side: 'employer' }]);
    expect(
      attribute('“We are exhausted,” said nurse Maria Lopez, who has worked there for years.'),
    ).toEqual([{ name: 'Maria Lopez', role: 'nurse', side: 'union' }]);
    expect(attribute('Ana Ortiz is a nurse. “No,” she told reporters.')).toEqual([
      REPORTER,
      { name: 'Ana Ortiz', role: 'a nurse', side: 'union' },
    ]);
    expect(
      attribute('The guild accused Bayview of stalling. Bayview blamed the guild for the delay.'),
    ).toEqual([
      { name: 'the guild', side: 'union' },
      { name: 'Bayview', side: 'employer' },
    ]);
    expect(
      attribute('Nurses, who have been without a contract since May, say they are tired.'),
    ).toEqual([{ name: 'Nurses', side: 'union' }]);
  });

  it('places a person by the role in their apposition', () => {
    expect(
      attribute('Omar Haddad, president of the Harbor Nurses Guild, said the vote was unanimous.'),
    ).toEqual([HADDAD]);
  });

  it('places a worker of the employer on the side their occupation belongs to', () => {
    expect(
      attribute('“Nobody answers the phones,” said Tom Reyes, who works for Bayview Health.'),
    ).toEqual([{ name: 'Tom Reyes', role: 'who works for Bayview Health', side: 'union' }]);
  });

  it('places a lawmaker by a title before the name, and names two speakers joined by "and"', () => {
    expect(
      attribute(
        'Senator Ruth Bell and Harbor Nurses Guild president Omar Haddad called for new talks.',
      ),
    ).toEqual([{ name: 'Ruth Bell and Omar Haddad', side: 'politician' }]);
  });

  it('reads a speaker in a relative clause ("inspectors who said")', () => {
    expect(
      attribute('The dispute follows a fine from inspectors who said the wards were unsafe.'),
    ).toEqual([{ name: 'inspectors', side: 'regulator' }]);
  });

  it('reads "X reports that", "they add" and "issued a statement that read:", but not "news reports"', () => {
    expect(
      attribute(
        'The guild reports that the walkout has left wards short. They add the hospital failed to hire during the winter surge.',
      ),
    ).toEqual([
      { name: 'the guild', side: 'union' },
      { name: 'the guild', side: 'union' },
    ]);
    expect(
      attribute(
        'A spokesperson for Bayview Health issued a statement that read, in part:\n\n' +
          '"We offered a fair raise; however, the guild rejected it."',
      ),
    ).toEqual([
      { name: 'spokesperson for Bayview Health', side: 'employer' },
      { name: 'spokesperson for Bayview Health', side: 'employer' },
    ]);
    expect(attribute('The walkout drew 40 television news reports in a week.')).toEqual([REPORTER]);
  });

  it('falls back to the profile’s people for a person the text does not describe', () => {
    expect(attribute('“The wards failed two checks,” Grace Liu said.')).toEqual([
      { name: 'Grace Liu', role: 'chief inspector', side: 'regulator' },
    ]);
  });

  it('reads a position ("is asking for") as the claim of its subject and passes it to the list after a colon', () => {
    expect(
      attribute(
        'The guild is asking for three things:\n' +
          '- Twelve more nurses\n' +
          '- Paid breaks\n\n' +
          'Talks resume Friday.',
      ),
    ).toEqual([
      { name: 'the guild', side: 'union' },
      { name: 'the guild', side: 'union' },
      { name: 'the guild', side: 'union' },
      REPORTER,
    ]);
  });

  it('keeps an unquoted sentence in the first person with the speaker before it', () => {
    expect(
      attribute(
        'Hospital officials said the offer was generous. We cannot go higher without closing beds.',
      ),
    ).toEqual([
      { name: 'Hospital officials', side: 'employer' },
      { name: 'Hospital officials', side: 'employer' },
    ]);
  });

  it('runs a statement quoted without marks (it speaks in the first person) on to the end of its paragraph', () => {
    const BAYVIEW = { name: 'Bayview', side: 'employer' };
    expect(
      attribute(
        'Bayview said the strike was pointless. We offered a fair raise in May. The guild has moved slowly ever since.\n\n' +
          'Talks resume Friday.',
        { publisher: 'Harbor Times' },
      ),
    ).toEqual([BAYVIEW, BAYVIEW, BAYVIEW, { name: 'Harbor Times', side: 'reporter' }]);
  });

  it('leaves a quotation nobody is named for unknown, and narration to the reporter', () => {
    expect(
      attribute('The vote came late.\n\n“It was chaos.”', { publisher: 'Harbor Times' }),
    ).toEqual([{ name: 'Harbor Times', side: 'reporter' }, { side: 'unknown' }]);
  });

  it('does not read an infinitive, a passive without agent or a scare quote as speech', () => {
    expect(
      attribute(
        'Nurses walked out to demand safer wards. This was stated in a letter on Monday. ' +
          'The hospital opened a “surge” ward in May.',
      ),
    ).toEqual([REPORTER, REPORTER, REPORTER]);
  });

  it('places a person by what a sentence elsewhere in the document says they are', () => {
    expect(
      attribute(
        '“We will hold the line,” said Maya Ross.\n\n' +
          'Ross is one of hundreds of nurses who walked out in May.\n\n' +
          '“Nobody wants this,” Ross said.',
      ),
    ).toEqual([
      { name: 'Maya Ross', role: 'one of hundreds of nurses who walked out in May', side: 'union' },
      REPORTER,
      // The surname is the person first quoted under their full name.
      { name: 'Maya Ross', role: 'one of hundreds of nurses who walked out in May', side: 'union' },
    ]);
  });

  it('places a person by a title in their name', () => {
    expect(attribute('“Both sides must return to the table,” said Senator Bell.')).toEqual([
      { name: 'Senator Bell', side: 'politician' },
    ]);
  });

  it('reads the subject of the sentence as the speaker of a participle after a comma', () => {
    expect(
      attribute('More than 200 nurses have walked out since May 3, demanding safe staffing.'),
    ).toEqual([{ name: 'More than 200 nurses', side: 'union' }]);
  });

  it('reads "they’re" as "they", and "a spokeswoman for the hospital group" as the organisation named before', () => {
    expect(attribute('The guild met on Monday. They’re asking for twelve more nurses.')).toEqual([
      REPORTER,
      { name: 'the guild', side: 'union' },
    ]);
    expect(
      attribute(
        'Bayview Health said talks had stalled. A spokeswoman for the hospital group added that no date was set.',
      ),
    ).toEqual([
      { name: 'Bayview Health', side: 'employer' },
      { name: 'Bayview Health', side: 'employer' },
    ]);
  });

  it('reads a name after "in" as a place, not the speaker ("nurses in Harbor City said")', () => {
    expect(attribute('Nurses in Harbor City said Friday they would strike.')).toEqual([
      { name: 'Nurses in Harbor City', side: 'union' },
    ]);
  });

  it('names a speaker the profile cannot place as unknown', () => {
    expect(attribute('“Parking is impossible,” said Ivy Chen, a visitor.')).toEqual([
      { name: 'Ivy Chen', role: 'a visitor', side: 'unknown' },
    ]);
  });

  it('gives "we" in a party’s own notice to that party, and its account of what the other side wants to it too', () => {
    const body =
      'We have offered every nurse a 9% raise. ' +
      'We are keeping every ward open for any patient seeking care. ' +
      'The guild is demanding a 30% raise instead.';
    const bayview = { name: 'Bayview Health', side: 'employer' };
    expect(attribute(body, { publisher: 'Bayview Health', kind: 'press-release' })).toEqual([
      bayview,
      bayview,
      bayview,
    ]);
  });

  it('gives a group’s later "they" to the group that spoke, not to an organisation its name holds', () => {
    expect(
      attribute(
        'Bayview Health nurses are asking for safer staffing. They also want a pension. ' +
          'Bayview Health said the offer was fair.',
      ),
    ).toEqual([
      { name: 'Bayview Health nurses', side: 'union' },
      { name: 'Bayview Health nurses', side: 'union' },
      { name: 'Bayview Health', side: 'employer' },
    ]);
  });

  it('gives "Many say" to the people last spoken of, and reads a place after "in the" as no speaker', () => {
    expect(
      attribute(
        'Nurses in the Harbor District say they will strike Monday. Many say they are tired.',
      ),
    ).toEqual([
      { name: 'Nurses in the Harbor District', side: 'union' },
      { name: 'Nurses in the Harbor District', side: 'union' },
    ]);
  });

  it('reads raised concerns, an expectation and a call from someone as their words', () => {
    expect(
      attribute(
        'Talks resumed as nurses raised concerns over night shifts. ' +
          'The guild expects to finish its vote Friday. ' +
          'The deal follows a public call from Senator Ana Ruiz urging both sides to settle.',
      ),
    ).toEqual([
      { name: 'nurses', side: 'union' },
      { name: 'the guild', side: 'union' },
      { name: 'Ana Ruiz', role: 'Senator', side: 'politician' },
    ]);
  });
});
