/**
 * Which bot scope each Slack feature strikebot uses needs, from Slack's method and event
 * reference pages. Tests check the manifest against these and the fake's recorded calls.
 */

/** Web API methods the adapter calls, with the scope each needs (`null`: none). */
export const webApiScopes: Readonly<Record<string, string | null>> = {
  'auth.test': null,
  'chat.postEphemeral': 'chat:write',
  'chat.postMessage': 'chat:write',
  'reactions.add': 'reactions:write',
  'reactions.remove': 'reactions:write',
};

/** Bot events the adapter subscribes to, with the scope each needs. */
export const eventScopes: Readonly<Record<string, string>> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
};

/** Scope a slash command needs. */
export const slashCommandScope = 'commands';
