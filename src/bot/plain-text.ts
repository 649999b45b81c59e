/**
 * Turns what people type on a chat platform into the plain words the engine reads: mention,
 * channel and link markup of Discord and Slack, Markdown emphasis, code and links, HTML entities,
 * and terminal control characters (ANSI escapes) all become plain text or nothing, so they change
 * neither the answer nor the decision to abstain.
 */

/** ANSI escape sequences (CSI, OSC, and two-character escapes). */
const ANSI =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0 and C1 control characters other than tab and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Removes ANSI escape sequences and control characters (keeps tabs and line breaks), so text
 * can be shown on a terminal without changing its colours, cursor or title.
 *
 * @example
 * stripTerminalControls('\u001b[31mred\u001b[0m'); // 'red'
 */
export function stripTerminalControls(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/** Slack `<target|label>` and Discord `<@id>`, `<#id>`, `<@&id>`, `<:emoji:id>`, `<t:unix:R>`. */
function replaceAngleMarkup(text: string): string {
  return text.replace(/<([^<>\s][^<>]*)>/g, (whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    // Discord custom emoji <:name:id> / <a:name:id>: the name is the word.
    const emoji = /^a?:(\w+):\d+$/.exec(target);
    if (emoji) return ` ${emoji[1]} `;
    // Discord timestamps <t:1700000000:R>: no words.
    if (/^t:\d+(?::[tTdDfFR])?$/.test(target)) return ' ';
    // Slack dates <!date^1700000000^{date}|Nov 14>: the fallback text is what people see.
    if (target.startsWith('!date^')) return label ? ` ${label} ` : ' ';
    // Special mentions (<!here>, <!channel>, <!subteam^S1|@team>): nothing.
    if (target.startsWith('!')) return ' ';
    // Mentions of people, roles and channels: their label, else nothing.
    if (/^[@#]/.test(target)) return label ? ` ${label.replace(/^[@#]/, '')} ` : ' ';
    // Links: their label, else nothing (a URL is not a question word).
    if (/^(?:https?|mailto|tel):/i.test(target)) return label ? ` ${label} ` : ' ';
    return whole;
  });
}

/** Markdown links, images, emphasis, strike-through, spoilers, code and quote/heading marks. */
function replaceMarkdown(text: string): string {
  return (
    text
      // ![alt](url) and [label](url): the words only.
      .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)/g, ' $1 ')
      // Bare URLs.
      .replace(/\bhttps?:\/\/\S+/gi, ' ')
      // Fenced and inline code: keep the words, drop the fences.
      .replace(/```[a-z0-9]*\n?|```/gi, ' ')
      .replace(/`+/g, '')
      // Bold, italics, strike-through, spoilers, underline: the marks, not the words.
      .replace(/(\*{1,3}|_{1,3}|~~|\|\|)(?=\S)([\s\S]*?\S)\1(?![\w*~|])/g, '$2')
      // Headings, block quotes and list bullets at the start of a line.
      .replace(/^[ \t]*(?:#{1,6}|>{1,3}|[-*+•])[ \t]+/gm, '')
  );
}

/** Slack sends `&`, `<` and `>` typed by people as entities. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The plain words of a chat message, for the engine: platform and Markdown markup removed,
 * entities decoded, `@everyone`/`@here`/`@channel` and raw user ids dropped, control characters
 * removed, whitespace folded.
 *
 * @example
 * toPlainWords('<@U024BE7LH> what did **Kaiser** offer? <https://x.org|see> &amp; <!here>');
 * // 'what did Kaiser offer? see &'
 */
export function toPlainWords(text: string): string {
  const words = replaceMarkdown(replaceAngleMarkup(stripTerminalControls(text)));
  return (
    decodeEntities(words)
      // Mentions written as text: @everyone, @here, @channel, and raw ids (@U024BE7LH, @123456789012345678).
      .replace(/(^|\s)@(?:everyone|here|channel|[UW][A-Z0-9]{6,}|\d{15,22})\b/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
