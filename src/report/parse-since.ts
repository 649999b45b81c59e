/** Units of a `--since` period, in ms. */
const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * The start of a report period, in ms since the epoch: `7d`, `24h`, `30m`, `2w` before `now`, or
 * an ISO date or time. NaN when `text` is neither.
 *
 * @example
 * parseSince('7d', Date.parse('2026-11-30T00:00:00Z')); // Date.parse('2026-11-23T00:00:00Z')
 */
export function parseSince(text: string, now: number): number {
  const period = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  if (period) return now - Number(period[1]) * (UNIT_MS[period[2] as string] as number);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return Number.NaN;
  return Date.parse(text.trim());
}
