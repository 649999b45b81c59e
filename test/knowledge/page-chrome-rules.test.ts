import { describe, expect, it } from 'vitest';
import { CLUTTER_RULES } from '../../src/knowledge/clutter-rules.ts';
import { bylineNames, isMenuBar, isShareBar } from '../../src/knowledge/page-chrome-rules.ts';
import { removeClutter } from '../../src/knowledge/remove-clutter.ts';

const TITLE = 'Kaiser therapists strike';

/** Names the rule that drops `line` when it sits between two sentences, or 'kept'. */
function verdictOf(line: string, before = 'Workers walked out on Monday.'): string {
  const lines = [TITLE, '', before, '', line, '', 'They returned Friday.'];
  const { lines: verdicts } = removeClutter(lines, { title: TITLE }, CLUTTER_RULES);
  return verdicts[4]?.dropped?.rule ?? 'kept';
}

describe('PAGE_CHROME_RULES', () => {
  it.each([
    [
      'We use cookies and similar tools to personalize content and measure traffic. By selecting "Accept all," you agree to our use of cookies. [Manage preferences] [Accept all]',
      'cookie-banner',
    ],
    ['Accept all', 'cookie-banner'],
    ['Share this: Facebook | Twitter | Email | Copy link', 'share-bar'],
    ['Click to share on X (Opens in new window)', 'share-bar'],
    ['Facebook Twitter Email', 'share-bar'],
    ['Link copied', 'share-bar'],
    [
      'Sign up for the Morning Ledger newsletter and get local headlines in your inbox every weekday.',
      'newsletter-prompt',
    ],
    ['Support independent journalism. Become a member today.', 'newsletter-prompt'],
    ['By Renata Oduya, Staff Writer', 'byline'],
    ['By The Associated Press', 'byline'],
    ['Reporting by Jonathan Ortiz in Chicago; Editing by Mark Porter', 'byline'],
    ['Published May 9, 2025 | Updated 10:12 AM PDT', 'time-stamp'],
    ['Updated 3:41 PM PST Dec. 16, 2019', 'time-stamp'],
    ['3 min read', 'time-stamp'],
    ['Listen to this article 4 min', 'time-stamp'],
    ['Picketers march in Sacramento on Thursday. Lena Park/The Valley Sun-Times', 'caption-credit'],
    ['Nurses rally on Monday. (KCVR 12 Photo)', 'caption-credit'],
    ['![Picket line](https://example.org/picket.jpg)', 'caption-credit'],
    ['Image 2 of 5', 'caption-credit'],
    ['Related video: City crews begin repaving stretch of Magnolia Avenue (1:15)', 'related-video'],
    ['WATCH: Strikers rally in Oakland', 'related-video'],
    ['Read Next', 'read-next'],
    ['READ MORE: Kaiser therapists begin open-ended strike', 'read-next'],
    ['Previous post: Guild testifies on staffing bill', 'read-next'],
    [
      '© 2025 Inland Coast Ledger. All rights reserved. | Privacy Policy | Terms of Use | Contact Us',
      'copyright-footer',
    ],
    ['Privacy Policy | Terms & Conditions | Accessibility', 'copyright-footer'],
    ['Comments (14)', 'comment-count'],
    ['Log in to comment', 'comment-count'],
    ['Skip to main content', 'navigation'],
    ['News | Sports | Weather | Traffic', 'navigation'],
    ['Politics  Health  Education  Data', 'navigation'],
    ['Tags: Kaiser Permanente, Labor, Riverside', 'tags'],
    ['Media contact: Priya Natarajan, 510-555-0143', 'press-office'],
    ['FOR IMMEDIATE RELEASE', 'press-office'],
    ['The views expressed in this commentary are the author’s own.', 'disclaimer'],
    ['This story was produced with support from the Example Foundation.', 'disclaimer'],
  ])('drops %j by rule %s', (line, rule) => {
    expect(verdictOf(line)).toBe(rule);
  });

  it.each([
    'The union said cookies and coffee were handed out on the picket line.',
    'Kaiser said it would share its proposal with the union on Facebook and by email.',
    'By Friday, the union said, more than 2,000 members had signed the petition.',
    'Published in 2019, the state report found that 43% of therapists planned to leave.',
    'Video shows therapists marching past the medical center on Monday.',
    'The union asked members to sign up for picket shifts by Wednesday.',
    'About Kaiser Permanente',
    'Background',
    'December 2018',
    '  • A 12% raise over two years',
    '1. Hire enough nurses to meet safe staffing ratios in every unit',
    '“We are not going anywhere.”',
    'The strike was reported by Reuters.',
    'Contact tracing was not part of the dispute, Kaiser said.',
  ])('keeps %j', (line) => {
    expect(verdictOf(line)).toBe('kept');
  });

  it('drops a note about the author named in the byline, wherever it sits', () => {
    const lines = [
      'By Naomi Feld | Special to the Courier',
      '',
      'I have worked as a psychologist at Kaiser for nine years, and my caseload has grown.',
      '',
      'Naomi Feld is a licensed psychologist in Pasadena.',
      '',
      'Mercy Valley Health is a nonprofit system of four hospitals.',
    ];
    const verdicts = removeClutter(lines, { title: TITLE }, CLUTTER_RULES).lines;
    expect(verdicts.map((v) => v.dropped?.rule ?? 'kept')).toEqual([
      'byline',
      'kept',
      'kept',
      'kept',
      'author-note',
      'kept',
      'kept',
    ]);
  });
});

describe('bylineNames', () => {
  it('reads the names of a byline and nothing else', () => {
    expect(bylineNames('By Hector Alvarado and Jill Kim')).toEqual(['Hector Alvarado', 'Jill Kim']);
    expect(bylineNames('By Samir Haddad | shaddad@cctribune.example')).toEqual(['Samir Haddad']);
    expect(bylineNames('By The Associated Press')).toEqual([]);
    expect(bylineNames('Workers walked out on Monday.')).toEqual([]);
  });
});

describe('isMenuBar and isShareBar', () => {
  it('tell menus and share buttons from sentences', () => {
    expect(isMenuBar('About | News | Contracts | Join | Contact')).toBe(true);
    expect(isMenuBar('Pay rose 3%. | Staffing fell. | Wait times grew.')).toBe(false);
    expect(isShareBar('Share: Facebook Twitter LinkedIn')).toBe(true);
    expect(isShareBar('Share of members who voted: 96%')).toBe(false);
  });
});
