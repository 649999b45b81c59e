/**
 * The URL as a parsed `http(s)` href, or undefined for anything else (`javascript:`, `data:`,
 * unparsable text): only web links are ever shown.
 *
 * @example
 * safeUrl('javascript:alert(1)'); // undefined
 * safeUrl('https://example.org/a b'); // 'https://example.org/a%20b'
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
