/**
 * English function words, for the stop-word density of a line (jusText's main signal: running
 * text is about 40% function words, menus and link lists almost none).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before
  being below between both but by can could did do does doing down during each few for from
  further had has have having he her here hers herself him himself his how i if in into is it
  its itself just let me more most my myself no nor not now of off on once only or other our
  ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were
  what when where which while who whom why will with would you your yours yourself yourselves
  says said say will shall may might must who’s it’s that’s there’s don’t can’t won’t isn’t
  wasn’t aren’t weren’t hasn’t haven’t hadn’t doesn’t didn’t`
    .split(/\s+/)
    .filter((word) => word !== ''),
);
