import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLUTTER_RULES, isFullSentence, repeatsTitle } from '../../src/knowledge/clutter-rules.ts';
import { removeClutter } from '../../src/knowledge/remove-clutter.ts';

const TITLE = 'Kaiser therapists strike';

/** Names the rule that drops `line` when it sits between two sentences, or 'kept'. */
function verdictOf(line: string, title = TITLE): string {
  const lines = [title, '', 'Workers walked out on Monday.', '', line, '', 'They returned Friday.'];
  const { lines: verdicts } = removeClutter(lines, { title }, CLUTTER_RULES);
  return verdicts[4]?.dropped?.rule ?? 'kept';
}

describe('CLUTTER_RULES', () => {
  it.each([
    ['HomeTop StoriesThousands of Kaiser workers are going on strike across...', 'breadcrumb'],
    ['Home › News › Health', 'breadcrumb'],
    ['See also\u00a0 So far, more than 116,000 people have voted in Collier County.', 'see-also'],
    ['See also: USC football on probation', 'see-also'],
    ['Read more: Kaiser strike enters second week', 'see-also'],
    ['- Advertisement -', 'advertisement'],
    ['ADVERTISEMENT', 'advertisement'],
    ['Story continues', 'continuation-marker'],
    ['Continue reading', 'continuation-marker'],
    ['YOU MIGHT ALSO LIKE', 'widget-heading'],
    ['TRENDING ARTICLES', 'widget-heading'],
    ['RELATED ARTICLES', 'widget-heading'],
    ['Most Popular', 'widget-heading'],
    ['Recent Comments', 'widget-heading'],
    ['LEAVE A REPLY', 'comment-form'],
    ['Please enter your comment!', 'comment-form'],
    ['Please enter your name here', 'comment-form'],
    ['https://img.particlenews.com/image.php?url=4AgTdw_0wKEXL8500', 'bare-url'],
    ['File photo. (AP Photo/Ryan Sun)', 'photo-credit'],
    ['Picketers outside the hospital. (Photo by Jane Doe)', 'photo-credit'],
    ['Photo: NUHW', 'photo-credit'],
    [
      'Support striking mental health workers!\u00a0Contribute to the Hardship Fund >>',
      'link-button',
    ],
    ['Donate today »', 'link-button'],
    ['More from NUHW', 'more-from'],
    ['Follow more of our reporting on Health Care Workers', 'story-list-link'],
    ['See all 10 stories', 'story-list-link'],
    ['Related stories from Sacramento Bee', 'story-list-link'],
    ['Careers', 'site-footer'],
    ['Change-makers wanted!', 'site-footer'],
    ['Join our team', 'site-footer'],
    ['# # #', 'end-mark'],
    ['###', 'end-mark'],
    ['-30-', 'end-mark'],
  ])('drops %j by rule %s', (line, rule) => {
    expect(verdictOf(line)).toBe(rule);
  });

  it.each([
    'The union will see also whether Kaiser returns to the table.',
    'See also the union’s fact sheet, which lists every picket site.',
    'The strike was the most popular topic at the rally, organizers said.',
    'Most popular among members was the demand for more patient time.',
    'Kaiser said the story continues to change as talks go on.',
    'Therapists said they want to leave a reply to every patient email within a day.',
    'The union posted a photo of the picket line (photos are on its website).',
    'Kaiser ran an advertisement in the Bee on Sunday.',
    'More from the union’s statement: “We will not back down.”',
    'More Kaiser workers joined the strike on Tuesday.',
    'Careers in mental health are hard to sustain, therapists said.',
    'No Progress in Bargaining',
    'What You Need To Know',
    '  • San Diego Medical Center, 9455 Clairemont Mesa Blvd.',
    'The union says 2 > 1 is not a staffing plan.',
    'Jane Doe covers the strike for us, the editor said, and will report from the picket lines.',
  ])('keeps %j', (line) => {
    expect(verdictOf(line)).toBe('kept');
  });

  it('drops lines above the headline as page-header, but only when the headline is near the top', () => {
    const lines = ['Health & Medicine', '', TITLE, '', 'Workers walked out.'];
    expect(removeClutter(lines, { title: TITLE }, CLUTTER_RULES).body).toBe('Workers walked out.');
    const late = ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.', TITLE, 'Seven.'];
    expect(removeClutter(late, { title: TITLE }, CLUTTER_RULES).body).toBe(
      'One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.',
    );
  });

  it('after an end mark keeps the "about us" sentence and drops short navigation lines', () => {
    const lines = [
      'Talks resume Friday.',
      '',
      '# # #',
      '',
      'The National Union of Healthcare Workers is a member-led movement that represents 19,000 healthcare workers.',
      '',
      'Stand with us',
      'Press Room',
    ];
    const { body, lines: verdicts } = removeClutter(lines, { title: TITLE }, CLUTTER_RULES);
    expect(body).toBe(
      'Talks resume Friday.\n\nThe National Union of Healthcare Workers is a member-led movement that represents 19,000 healthcare workers.',
    );
    expect(verdicts.filter((v) => v.dropped).map((v) => [v.line, v.dropped?.rule])).toEqual([
      [3, 'end-mark'],
      [7, 'after-end-mark'],
      [8, 'after-end-mark'],
    ]);
  });

  it('drops an author bio only in the trailing block, after the last article line', () => {
    const bio = 'Cathie Anderson covers health care for The Bee. She joined The Bee in 2002.';
    const atEnd = ['Talks resume Friday.', '', 'See all 10 stories', '', bio];
    expect(removeClutter(atEnd, { title: TITLE }, CLUTTER_RULES).lines[4]?.dropped?.rule).toBe(
      'author-bio',
    );
    const midway = ['Talks resume Friday.', '', bio, '', 'Kaiser declined to comment.'];
    expect(removeClutter(midway, { title: TITLE }, CLUTTER_RULES).body).toBe(
      `Talks resume Friday.\n\n${bio}\n\nKaiser declined to comment.`,
    );
  });

  it('gives every rule a distinct kebab-case name and a reason', () => {
    const names = CLUTTER_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of CLUTTER_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.reason.length).toBeGreaterThan(10);
    }
  });

  it('tests long pathological lines in linear time', () => {
    const hostile = [
      `(${'photo '.repeat(50_000)}`,
      `${'Home'.repeat(50_000)}x`,
      `See also${' '.repeat(100_000)}x`,
      `${' '.repeat(100_000)}:x`,
      `${'Aa '.repeat(50_000)}covers`,
      `-${' -'.repeat(50_000)}x`,
      `Contact ${'Ab '.repeat(50_000)}`,
    ];
    // Backtracking blow-ups on 100,000-character lines take minutes; linear scans take milliseconds.
    const started = performance.now();
    for (const line of hostile) {
      removeClutter([line, 'Workers walked out.'], { title: TITLE }, CLUTTER_RULES);
      removeClutter(['# # #', 'Workers walked out.', line], { title: line }, CLUTTER_RULES);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('repeatsTitle', () => {
  it('matches the title, with spacing differences or after a short label', () => {
    expect(repeatsTitle('Press release: Strike  ends', 'Strike ends')).toBe(true);
    expect(repeatsTitle('  Strike ends ', 'Strike ends')).toBe(true);
    expect(repeatsTitle('Kaiser said the Strike ends', 'Strike ends')).toBe(false);
    expect(repeatsTitle('Strike ends', '')).toBe(false);
  });
});

describe('isFullSentence', () => {
  it('needs eight words and final punctuation', () => {
    expect(isFullSentence('The union represents 19,000 healthcare workers in two states.')).toBe(
      true,
    );
    expect(isFullSentence('Change-makers wanted!')).toBe(false);
    expect(isFullSentence('The union represents 19,000 healthcare workers in two states')).toBe(
      false,
    );
  });
});

describe('removeClutter', () => {
  it('returns only whole input lines, in order, with no blank run or blank edge', () => {
    const line = fc.oneof(
      fc.constantFrom('', '  ', 'Most Popular', '# # #', 'See also X', 'Careers', '  • A bullet'),
      fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.string({ maxLength: 20 }),
        (lines, title) => {
          const { body, lines: verdicts } = removeClutter(lines, { title }, CLUTTER_RULES);
          expect(verdicts.map((v) => v.text)).toEqual(lines);
          const kept = verdicts
            .filter((v) => !v.dropped && v.text.trim() !== '')
            .map((v) => v.text);
          expect(body.split('\n').filter((l) => l !== '')).toEqual(kept);
          expect(body).not.toMatch(/\n\n\n|^\n|\n$/);
        },
      ),
    );
  });
});
