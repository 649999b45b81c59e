/**
 * Named rules for the page chrome that news, union and hospital sites put around a story:
 * consent banners, share bars, newsletter and membership prompts, bylines and time stamps,
 * captions and image links, related-video and read-next blocks, copyright and legal footers,
 * comment counters, site navigation. Like the rules in `clutter-rules.ts`, each looks at a whole
 * trimmed line, every pattern is anchored and has no nested quantifier, and a line of running
 * text that merely mentions cookies, newsletters or a share of something is not matched.
 */
import type { ClutterRule, RuleContext } from './clutter-rules.ts';
import { LIST_ITEM } from './line-features.ts';

/** Lines longer than this are running text, never a banner, a stamp or a button. */
const BANNER_LINE = 400;
/** Lines longer than this are never a byline, a time stamp or a navigation label. */
const LABEL_LINE = 160;

const COOKIE = /\bcookies?\b/i;
const CONSENT =
  /\b(?:accept|consent|agree|preferences|settings|privacy|personali[sz]e|we use|this (?:site|website) uses|learn more|manage)\b/i;
/** How a long consent banner starts or what buttons it carries. */
const COOKIE_NOTICE =
  /^(?:we|this (?:site|website)|our (?:site|website)) (?:and our partners )?uses? cookies\b|\b(?:accept all|reject all|manage (?:preferences|cookies|settings)|cookie settings)\b/i;
/** Consent buttons alone on a line: `Accept all`, `Reject all`, `Manage preferences`. */
const CONSENT_BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:preferences|cookies|settings)|cookie (?:settings|policy|preferences)|your privacy choices|do not sell(?: or share)? my personal information)$/i;

/** Names of social networks and sharing actions. */
const SOCIAL =
  /^(?:share(?: this(?: story| article| page)?)?(?: on)?|tweet|email|e-mail|print|copy(?: link)?(?: url)?(?: copied!?)?|url copied!?|link copied!?|follow|print friendly(?:, pdf (?:&|and) email)?|facebook|twitter|x|linkedin|whatsapp|reddit|instagram|youtube|tiktok|threads|bluesky|pinterest|flipboard|messenger|comment|comments|save|gift(?: this)? article)$/i;
/** `Click to share on Facebook (Opens in new window)` and the like. */
const CLICK_TO_SHARE = /^click to (?:share|email|print)\b.{0,80}$/i;
/** `Share on Facebook`, `Share via Email`, `Connect with us: ...`, `Follow us on ...`. */
const SHARE_LEAD =
  /^(?:[Ss]hare (?:on|via|to|with)|[Ss]hare this:?|[Ss]hare:|[Cc]onnect with us|[Ff]ollow (?:us|\p{Lu}[\p{L}&' .-]{0,40}) on|[Ff]ollow \p{Lu}[\p{L}&' .-]{0,40}$)/u;

/** Newsletter, subscription and membership prompts. */
const NEWSLETTER_WORDS =
  /\b(?:newsletters?|inbox|sign up|signup|subscribe|subscription|subscriber|become a member|membership|support (?:independent|local|our) journalism|donate|op-ed|letters? to the editor)\b/i;
const PROMPT_START =
  /^(?:sign up|subscribe|get (?:our|the|free|unlimited|more|\d)|join|don[’']t miss|stay (?:informed|up to date|in the know)|want (?:more|the latest)|never miss|enter your email|support|become|donate|give|like what you|love what you|already a subscriber|have a tip|got a tip|submit|send us)\b/i;
/** Appeals to the reader under a story: `We want to hear from you`, `Have a question? ...`. */
const READER_APPEAL =
  /^(?:we noticed you(?:[’']re| are| have)? (?:using )?an ad ?blocker|please (?:consider )?(?:supporting|support|donating|subscribing)\b|we want to hear from you|we[’']d like to hear from you|tell us (?:your|what|about)|have a (?:question|tip|story idea)\b|got a (?:question|tip)\b|share your (?:story|thoughts|experience)|what do you think\?|do you have a story\b)/i;

/** True when one sentence of the line starts like a prompt ("... inbox. Sign up for ..."). */
function hasPromptSentence(line: string): boolean {
  return line.split(/(?<=[.!?])\s+/).some((sentence) => PROMPT_START.test(sentence));
}

/** `By Jane Doe`, `By Jane Doe and John Roe, Staff Writers`, `By The Associated Press`. */
const BYLINE =
  /^(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor:|[Ss]tory by|[Ww]ords by)\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:and|&|de|van|von|la|del)?\s*\p{Lu}[\p{L}'’.-]*){0,5}(?:\s*[,|•·]\s*.{0,80})?$/u;
/** `Reporting by X; Editing by Y`, `Additional reporting by X`. */
const WIRE_CREDIT =
  /^(?:(?:additional )?(?:reporting|writing|editing|compiled) by\b|contributing(?: reports?| reporting| writers?)?(?: from| by)?\s*[:\p{Lu}])/iu;
/** `Published May 9, 2025`, `Updated: 9:40 PM PDT ...`, `Posted on April 8, 2024 by X`. */
const TIME_STAMP =
  /^(?:published|updated|posted|last updated|first published|originally published|modified|date)(?:\s+on)?\s*:?\s*(?=.{0,120}\d)/i;
/** `3 min read`, `Reading time: 6 minutes`, `2 minute read`, `Listen to this article 3 min`. */
const READING_TIME =
  /^(?:\d{1,2}[ -]min(?:ute)?s? read|reading time:?\s*\d{1,2}\s*min(?:ute)?s?|(?:listen to|listen:)(?: this)? (?:article|story)(?:\s*\d{1,2}\s*min(?:ute)?s?)?|\d{1,2} minute read)$/i;

/** A caption that ends with its credit after a slash or in parentheses. */
const CAPTION_CREDIT =
  /(?:\((?:[^()]{1,60}\/[^()]{1,60}|[^()]{0,40}\b(?:[Pp]hotos?|[Ff]ile|[Cc]ourtesy)\b[^()]{0,40})\)|\b[Cc]ourtesy(?: of)?\s+\p{Lu}[^.]{0,60}|\b\p{Lu}[\p{L}.'-]+ \p{Lu}[\p{L}.'-]+\/(?:The )?\p{Lu}[\p{L} .&-]{2,40}|\b(?:Getty Images|Shutterstock|iStock|AP Photo)\b\.?|\b(?:[Pp]hoto|[Pp]hotograph|[Ii]mage)s? by \p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){0,3}|^\p{Lu}[\p{L}.'-]+ \p{Lu}[\p{L}.'-]+ for (?:[Tt]he )?\p{Lu}[\p{L}&' -]{1,40})$/u;
/** `Image: ...`, `[Image]`, `![alt](url)`, `Photo illustration by ...`, `Image 1 of 5`. */
const IMAGE_LINE =
  /^(?:!\[[^\]]{0,200}\]\([^)]{0,500}\)|\[(?:image|photo|video|embed)[^\]]{0,200}\]|(?:images?|photos?|photographs?|pictures?|illustration|photo illustration|graphic|video)\s*(?:\d+ of \d+|:|by\b|credit\b))/i;

/** `Related video: ... (1:15)`, `Video: ...`, `WATCH: ...`, a title ending in its duration. */
const VIDEO =
  /^(?:(?:related |more |latest |featured )?videos?\s*(?::|$)|watch(?: live| now| more)?\s*[:|]|(?:next up(?: in \d+)?|now playing|up next)$|▶)|\(\d{1,2}:\d{2}\)$/i;

/** Links to more stories: `Read Next`, `RELATED:`, `Previous post: ...`, `More explainers`. */
const READ_NEXT =
  /^(?:read next|read more|up next|related(?: news| video| coverage| links| reading| topics)?\s*:|related (?:news|coverage|links|reading)$|more (?:videos|opinion|news|explainers|stories|headlines|in [\p{L} ]{1,30})$|(?:previous|next) (?:post|article|story)\s*:|also (?:read|see|on [\p{L} ]{1,30}):|latest (?:news|videos|headlines)$|trending(?: now| nationally| stories| topics)?$|top (?:picks|stories|videos)$|in case you missed it|most (?:read|viewed|shared|popular|watched)(?: stories)?$|what to read next|recommended(?: for you| stories| reading)?$)/iu;

/** `© 2025 Site`, `Copyright 2024 ...`, `All rights reserved`, syndication notices. */
const COPYRIGHT =
  /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|\bmay not be (?:published|reproduced|redistributed)\b|^powered by\b|(?:^|[.!?]\s+)republish (?:this|our) (?:story|stories|article|articles)\b/i;
/** Legal and policy links: `Privacy Policy | Terms of Use | ...`. */
const LEGAL =
  /^(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|terms (?:&|and) conditions|terms (?:&|and) privacy(?: policy)?|privacy dashboard|accessibility|cookie policy|notice of nondiscrimination|nondiscrimination notice|eeo report|fcc public file|ad choices|sitemap|site map|contact|advertise|about|about us|contact us)(?:\s*[|·•]\s*.{0,200})?$/i;

/** `Comments (14)`, `12 comments`, `Log in to comment`, `Join the conversation`. */
const COMMENTS =
  /^(?:comments?\s*\(?\d{1,5}\)?|\d{1,5}\s+comments?|(?:log in|sign in) to comment|be the first to comment|join the conversation\b.{0,120}|show comments|view comments|add your comment|comments are closed)\.?$/i;

/** Site navigation and account links alone on a line. */
const NAVIGATION =
  /^(?:skip to (?:main )?content|skip navigation|menu|search|sign in|log in|login|register|my account|sections|home|e-edition|newsletters|subscribe(?: now)?|watch live|live tv|listen live|back to (?:top|[\p{L} ]{1,30})|« ?back to [\p{L} ]{1,30}|go to|print this page|print|download pdf|download the [\p{L}\d ]{1,30} app\b.{0,60}|stream [\p{L}\d ]{1,30} on\b.{0,60}|was this (?:page|article) helpful\?.{0,20}|report an? (?:correction|typo|error)(?: or (?:a )?(?:typo|correction|error))?|enter your email|email address|sign up)$/iu;

/** Credits and disclaimers printed under a story: funding, republishing, the author's views. */
const DISCLAIMER =
  /^(?:the )?(?:views|opinions) expressed\b|\breflects the (?:views|opinions) of the author\b|^this (?:story|article|report|commentary|column|piece) (?:was|is) (?:originally |first )?(?:produced|published|made possible|supported|funded|written|reported|part of)\b|^editor[’']s note\s*:/i;

/** `Tags: a, b`, `Filed under: ...`, `Topics: ...`, `Categories: ...`. */
const TAGS =
  /^(?:(?:this (?:article|story|post) (?:is )?)?tagged(?: under| with| as)?|tags?|topics?|suggested topics|categories|category|related topics|keywords)\s*:|^filed under\b/i;

/** Press-office lines: `Media contact: ...`, `For immediate release`, `Contact: ...`. */
const PRESS_OFFICE =
  /^(?:(?:media|press)(?: contacts?| inquiries| relations)?\s*:|(?:media|press) (?:contacts?|inquiries|relations)$|for media inquiries\b|contact\s*:|for immediate release\b|embargoed until\b|news release$|press release$|news provided by$)/i;

/** A line made of short link labels separated by `|`, `·`, `•` or wide spaces: a menu bar. */
export function isMenuBar(line: string): boolean {
  if (line.length > LABEL_LINE || /[.!?]["”’)]?$/.test(line)) return false;
  const parts = line.split(/\s*[|·•]\s*|\s{2,}|\t/).filter((part) => part !== '');
  if (parts.length < 3) return false;
  return parts.every((part) => part.split(' ').length <= 4 && !/[.!?;]$/.test(part));
}

/** A line made only of social-network names and share actions. */
export function isShareBar(line: string): boolean {
  if (line.length > LABEL_LINE) return false;
  if (CLICK_TO_SHARE.test(line) || SOCIAL.test(line)) return true;
  const parts = line
    .replace(/^share(?: this)?:\s*/i, '')
    .split(/\s*[|·•,]\s*|\s+/)
    .filter((p) => p !== '');
  if (SHARE_LEAD.test(line) && parts.length <= 12) return true;
  const joined = line.split(/\s*[|·•]\s*/).filter((p) => p !== '');
  const units = joined.length > 1 ? joined : parts;
  return units.length > 0 && units.length <= 12 && units.every((p) => SOCIAL.test(p));
}

/** True when the line has the shape of a sentence of running text (some words, a verb-like end). */
function isLongSentence(line: string): boolean {
  return line.split(/\s+/).length >= 25;
}

/**
 * The names in a byline line: `By Jane Doe and John Roe, Staff Writers` gives `Jane Doe` and
 * `John Roe`; any other line gives none.
 */
export function bylineNames(line: string): string[] {
  if (line.length > LABEL_LINE || !BYLINE.test(line)) return [];
  const names = line
    .replace(/^(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor:|[Ss]tory by|[Ww]ords by)\s+/, '')
    .split(/\s*[,|•·]\s*/)[0] as string;
  return names
    .split(/\s+(?:and|&)\s+/)
    .map((name) => name.trim())
    .filter((name) => name.split(' ').length >= 2 && !/^the\b/i.test(name));
}

/** `Jane Doe is a ...`, `Jane Doe covers ...`: a sentence about a byline's author. */
function isBioOf(line: string, authors: readonly string[]): boolean {
  return authors.some(
    (name) =>
      line.startsWith(`${name} `) &&
      /^(?:is|was|covers|writes|reports|has|teaches|works|serves|lives|can be)\b/.test(
        line.slice(name.length + 1),
      ),
  );
}

/**
 * A rule that applies anywhere and only to lines of at most `maxLength` characters (longer lines
 * are running text, never a banner, a stamp or a button).
 */
function lineRule(
  name: string,
  reason: string,
  maxLength: number,
  test: (line: string, context: RuleContext) => boolean,
): ClutterRule {
  return {
    name,
    reason,
    scope: 'anywhere',
    matches: (line, context) => line.length <= maxLength && test(line, context),
  };
}

/** The page-chrome rules, tried after the rules of `clutter-rules.ts`. */
export const PAGE_CHROME_RULES: readonly ClutterRule[] = [
  lineRule(
    'cookie-banner',
    'a cookie or consent banner, or one of its buttons',
    BANNER_LINE,
    (line) =>
      (COOKIE.test(line) &&
        CONSENT.test(line) &&
        (!isLongSentence(line) || COOKIE_NOTICE.test(line))) ||
      CONSENT_BUTTON.test(line),
  ),
  lineRule('share-bar', 'share buttons (Facebook, X, Email, Copy link...)', LABEL_LINE, isShareBar),
  // "3. Donate to the strike fund" in a union's list of actions is the story itself.
  lineRule(
    'newsletter-prompt',
    'a newsletter, subscription, membership, donation or reader prompt',
    250,
    (line) =>
      !isLongSentence(line) &&
      !LIST_ITEM.test(line) &&
      (READER_APPEAL.test(line) ||
        (NEWSLETTER_WORDS.test(line) &&
          (hasPromptSentence(line) || (line.split(/\s+/).length <= 6 && !/[.]$/.test(line))))),
  ),
  lineRule(
    'byline',
    'the byline or a wire credit, not reporting',
    LABEL_LINE,
    (line) =>
      WIRE_CREDIT.test(line) ||
      (!/[.!?]$/.test(line.replace(/\b(?:Jr|Sr|Dr|St|[A-Z])\.$/, '')) && BYLINE.test(line)),
  ),
  lineRule(
    'time-stamp',
    'a "Published"/"Updated" time stamp or a reading-time label',
    LABEL_LINE,
    (line) =>
      READING_TIME.test(line) ||
      (TIME_STAMP.test(line) && (!/[.!?]$/.test(line) || /\b[ap]\.m\.$/i.test(line))),
  ),
  lineRule(
    'caption-credit',
    'a photo caption that ends with its credit, or an image link',
    300,
    (line) => IMAGE_LINE.test(line) || CAPTION_CREDIT.test(line),
  ),
  lineRule('related-video', 'a video player, its title or a related-video link', 200, (line) =>
    VIDEO.test(line),
  ),
  lineRule('read-next', 'a "Read next"/"Related:"/"Trending" link or widget heading', 200, (line) =>
    READ_NEXT.test(line),
  ),
  lineRule(
    'copyright-footer',
    'a copyright, syndication or legal footer',
    BANNER_LINE,
    (line) => COPYRIGHT.test(line) || LEGAL.test(line),
  ),
  lineRule('comment-count', 'a comment counter or comment prompt', 200, (line) =>
    COMMENTS.test(line),
  ),
  lineRule(
    'navigation',
    'a site navigation, account or tool link (Menu, Sign in, Print...)',
    120,
    (line) => NAVIGATION.test(line) || isMenuBar(line),
  ),
  lineRule(
    'author-note',
    'a note about the author named in the byline ("Jane Doe is a nurse in Fresno.")',
    400,
    (line, context) => isBioOf(line, context.authors ?? []),
  ),
  lineRule(
    'disclaimer',
    'a credit or disclaimer printed under the story (funding, republishing, views)',
    300,
    (line) => DISCLAIMER.test(line),
  ),
  lineRule('tags', 'a list of tags or topics', 300, (line) => TAGS.test(line)),
  lineRule(
    'press-office',
    'a press-office line (media contact, release label), not the release itself',
    250,
    (line) => PRESS_OFFICE.test(line) || /^SOURCE \p{Lu}[^.!?]{0,80}$/u.test(line),
  ),
];
