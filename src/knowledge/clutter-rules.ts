/**
 * The rules that tell page clutter (navigation, ads, widgets, comment forms, banners, footers)
 * from article text, as data: each rule has a name, a reason and a test on one line.
 * `knowledge:check` prints the name of the rule that dropped each line.
 *
 * Rules look at a whole line (trimmed), never at part of one, so a sentence that merely
 * mentions "see also" or "most popular" is kept. Every regular expression is anchored and free
 * of nested quantifiers, so none can backtrack catastrophically on long lines.
 */

import { PAGE_CHROME_RULES } from './page-chrome-rules.ts';

/** Where in a document a rule may drop lines. */
export type RuleScope =
  /** Any line of the body. */
  | 'anywhere'
  /** Lines above the headline, when the headline appears among the first body lines. */
  | 'before-headline'
  /** Lines after a press-release end mark such as `# # #`. */
  | 'after-end-mark'
  /** The trailing block: lines after the last line of article text. */
  | 'tail';

/** What a rule knows about the document besides the line itself. */
export interface RuleContext {
  /** The document's title (from front matter, or the first line of a plain-text file). */
  title: string;
  /** Names in the page's bylines ("By Jane Doe" gives "Jane Doe"), for author bios. */
  authors?: readonly string[];
}

/** One named way to recognise a clutter line. */
export interface ClutterRule {
  /** Short kebab-case name shown by `knowledge:check`. */
  readonly name: string;
  /** Why lines matching this rule are not article text. */
  readonly reason: string;
  /** Where in the document the rule applies. */
  readonly scope: RuleScope;
  /** True when the line (trimmed, never blank) is clutter. */
  matches(line: string, context: RuleContext): boolean;
}

/** Lines longer than this are never captions, buttons or widget labels. */
const SHORT_LINE = 300;

/** How many non-blank lines from the top the headline may sit at to count as the headline. */
export const HEADLINE_WINDOW = 5;

/** Collapses runs of whitespace (including no-break spaces) so titles compare by words. */
function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * True when `line` is the document's headline: the title itself, or the title after a short
 * label such as `Press release:`.
 *
 * @example
 * repeatsTitle('Press release: Strike ends', 'Strike ends'); // true
 */
export function repeatsTitle(line: string, title: string): boolean {
  // A headline is about as long as the title; skip normalising long lines of running text.
  if (line.length > 3 * title.length + 100) return false;
  const text = normalizeSpace(line);
  const wanted = normalizeSpace(title);
  if (wanted === '') return false;
  if (text === wanted) return true;
  if (!text.endsWith(wanted)) return false;
  const label = text.slice(0, text.length - wanted.length);
  return /^[\p{L}\p{N} &'’-]{1,30}: ?$/u.test(label);
}

/**
 * True when the line reads as a complete sentence of running text: at least `minWords` words
 * and ending in `.`, `!` or `?` (optionally followed by closing quotes or brackets).
 */
export function isFullSentence(line: string, minWords = 8): boolean {
  if (!/[.!?]["”’')\]]*$/.test(line)) return false;
  return line.split(/\s+/).length >= minWords;
}

/** Builds a test that matches when the whole line is one of `labels` (case-insensitive). */
function wholeLine(labels: readonly string[]): (line: string) => boolean {
  const set = new Set(labels.map((label) => label.toLowerCase()));
  // Labels are short; the length check also keeps the trailing-colon strip cheap on long lines.
  return (line) => line.length <= 60 && set.has(line.toLowerCase().replace(/[\s:]+$/, ''));
}

/** Site navigation trail glued or separated: `HomeTop Stories...`, `Home › News › Health`. */
const BREADCRUMB = /^Home(?:\p{Lu}|\s*[›»>|/]\s*)/u;

/** A link label at the start of a line followed by a link text, not by running text. */
const SEE_ALSO =
  /^(?:See also|Read more|Read also|Also read|Related|Recommended)(?:\s*[:|»>\u00a0]|\s+[\p{Lu}\p{N}"“]|$)/u;

/** `- Advertisement -`, `ADVERTISEMENT`, `Sponsored content`... as a whole line. */
const ADVERTISEMENT =
  /^[-–—_*•\s]*(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|story continues below advertisement)[-–—_*•\s]*$/i;

/** `Story continues`, `Continue reading`, `Article continues below`. */
const CONTINUATION =
  /^(?:story continues(?: below)?|continue reading(?: below| the main story)?|article continues(?: below)?)(?: this)?(?: ad| advertisement)?\.?$/i;

/** A line that is only a link: an image, an embed or a bare address. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

/** A caption credit in parentheses at the end of the line: `(AP Photo/Ryan Sun)`, `(Photo by X)`. */
const CREDIT_IN_PARENS =
  /\([^()]*\b(?:photo|photos|photograph|image|images)(?:\s*\/|\s+by\b|\s*:|\s+courtesy\b)[^()]*\)$/i;

/** A caption or credit line: `Photo: ...`, `Image credit: ...`, `File photo. ...`. */
const CREDIT_LINE =
  /^(?:(?:photo|image|photograph|picture)(?: credit)?\s*(?::|by\b)|credit\s*:|file (?:photo|image)\b)/i;

/** A link button: short text ending in `>>`, `»`, `→` or `›`. */
const LINK_BUTTON = /(?:>>|»|→|›)$/;

/** `More from NUHW`, `More on Health`: a link to a section, with no sentence punctuation. */
const MORE_FROM = /^More (?:from|on|in|about) [^.!?]{1,60}$/;

/** Links to story lists: `See all 10 stories`, `Related stories from X`, `Follow more of our reporting on X`. */
const STORY_LIST =
  /^(?:Follow more of our reporting on .{1,80}|See all \d+ (?:stories|articles|posts)|(?:Related|More) (?:stories|articles|coverage) (?:from|on|in|by) .{1,60})$/i;

/** A job advert slogan: `Change-makers wanted!`, `Organizers wanted`. */
const WANTED_SLOGAN = /^[\p{L}-]{1,30} wanted!?$/iu;

/** Press-release end marks: `# # #`, `###`, `-30-`, `- 30 -`. */
const END_MARK = /^(?:# ?# ?#|-+ ?30 ?-+)$/;

/** `Jane Doe covers health care for The Bee.`, `John Roe is a staff writer at ...`. */
const AUTHOR_BIO =
  /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3} (?:covers|writes about|reports on|has covered|is an? [^.]{0,60}?(?:reporter|writer|editor|correspondent|journalist|columnist|contributor))\b/u;

/** `Contact the author at ...`, `Reach Jane Doe at ...`. */
const AUTHOR_CONTACT =
  /^(?:Contact|Reach|Email) (?:the (?:author|reporter|writer)|\p{Lu}[\p{L}'’.-]*)\b.{0,60} at\b/u;

/** Whole-line site footer and navigation links. */
const isFooterLink = wholeLine([
  'careers',
  'jobs',
  'join our team',
  'join us',
  'work with us',
  'contact us',
  'about us',
  'privacy policy',
  'terms of service',
  'terms of use',
  'subscribe',
  'donate',
  'newsletter',
  'sign up for our newsletter',
  'follow us',
  'share this article',
  'share this story',
  'share',
]);

/** The clutter rules, in the order they are tried; the first that matches names the drop. */
const NAMED_RULES: readonly ClutterRule[] = [
  {
    name: 'headline',
    reason: 'repeats the title, which is already in the front matter',
    scope: 'anywhere',
    matches: (line, { title }) => repeatsTitle(line, title),
  },
  {
    name: 'breadcrumb',
    reason: 'site navigation trail (Home › Section › Headline), not article text',
    scope: 'anywhere',
    matches: (line) => BREADCRUMB.test(line),
  },
  {
    name: 'see-also',
    reason: 'a "See also"/"Read more" link to another story',
    scope: 'anywhere',
    matches: (line) => SEE_ALSO.test(line),
  },
  {
    name: 'advertisement',
    reason: 'an advertisement label',
    scope: 'anywhere',
    matches: (line) => ADVERTISEMENT.test(line),
  },
  {
    name: 'continuation-marker',
    reason: 'a "Story continues" marker between page sections',
    scope: 'anywhere',
    matches: (line) => CONTINUATION.test(line),
  },
  {
    name: 'widget-heading',
    reason: 'the heading of a recommendation, trending or comments widget',
    scope: 'anywhere',
    matches: wholeLine([
      'you might also like',
      'you may also like',
      'trending',
      'trending now',
      'trending articles',
      'trending stories',
      'related articles',
      'related stories',
      'related content',
      'related posts',
      'recommended',
      'recommended for you',
      'most popular',
      'most read',
      'popular posts',
      'popular stories',
      'latest news',
      'latest stories',
      'more stories',
      'top stories',
      'more to read',
      'more to explore',
      'what to read next',
      'related reading',
      "editor's picks",
      'editor’s picks',
      'recent comments',
      'recent posts',
    ]),
  },
  {
    name: 'comment-form',
    reason: 'a comment form prompt, not article text',
    scope: 'anywhere',
    matches: wholeLine([
      'leave a reply',
      'leave a comment',
      'post a comment',
      'add a comment',
      'comments',
      'please enter your comment!',
      'please enter your name here',
      'please enter your email address here',
      'you have entered an incorrect email address!',
      'save my name, email, and website in this browser for the next time i comment.',
    ]),
  },
  {
    name: 'bare-url',
    reason: 'a line that is only a link (an image or an embed); it holds no sentence',
    scope: 'anywhere',
    matches: (line) => BARE_URL.test(line),
  },
  {
    name: 'photo-credit',
    reason: 'a photo caption or credit, not reporting',
    scope: 'anywhere',
    matches: (line) =>
      line.length <= SHORT_LINE && (CREDIT_IN_PARENS.test(line) || CREDIT_LINE.test(line)),
  },
  {
    name: 'link-button',
    reason: 'a link button (donate, subscribe, read more) ending in >> or an arrow',
    scope: 'anywhere',
    matches: (line) => line.length <= SHORT_LINE && LINK_BUTTON.test(line),
  },
  {
    name: 'more-from',
    reason: 'a "More from X" link to a section of the site',
    scope: 'anywhere',
    matches: (line) => MORE_FROM.test(line),
  },
  {
    name: 'story-list-link',
    reason: 'a link to a list of other stories',
    scope: 'anywhere',
    matches: (line) => STORY_LIST.test(line),
  },
  {
    name: 'site-footer',
    reason: 'a site footer or job-advert link',
    scope: 'anywhere',
    matches: (line) => WANTED_SLOGAN.test(line) || isFooterLink(line),
  },
  {
    name: 'end-mark',
    reason: 'a press-release end mark (# # #); what follows is boilerplate',
    scope: 'anywhere',
    matches: (line) => END_MARK.test(line),
  },
  {
    name: 'page-header',
    reason: 'text above the headline is site chrome (section label, banner, navigation)',
    scope: 'before-headline',
    matches: () => true,
  },
  {
    name: 'after-end-mark',
    reason:
      'after a press-release end mark only full sentences (the "about us" paragraph) are information',
    scope: 'after-end-mark',
    matches: (line) => !isFullSentence(line),
  },
  {
    name: 'author-bio',
    reason: 'an author biography or contact line at the end of the page',
    scope: 'tail',
    matches: (line) => AUTHOR_BIO.test(line) || AUTHOR_CONTACT.test(line),
  },
];

/**
 * Every clutter rule, in the order tried: the rules above that apply anywhere, then the page-chrome
 * rules of `page-chrome-rules.ts`, then the rules scoped to part of the page.
 */
export const CLUTTER_RULES: readonly ClutterRule[] = [
  ...NAMED_RULES.filter((rule) => rule.scope === 'anywhere'),
  ...PAGE_CHROME_RULES,
  ...NAMED_RULES.filter((rule) => rule.scope !== 'anywhere'),
];

/** True when `line` is a press-release end mark such as `# # #`. */
export function isEndMark(line: string): boolean {
  return END_MARK.test(line.trim());
}
