import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSlackOptions, SLACK_BOT_SCOPES } from '../../../src/adapters/slack/app.ts';
import { eventScopes, slashCommandScope, webApiScopes } from '../../fakes/slack/scopes.ts';

interface Manifest {
  features: {
    app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL('../../../src/adapters/slack/manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('Slack app manifest', () => {
  it('subscribes to exactly the bot events the adapter handles', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_mention',
      'message.channels',
      'message.groups',
      'message.im',
    ]);
  });

  it('declares the /ask, /sources and /timeline commands at the events URL Bolt serves', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/ask',
        url: 'https://YOUR-HOST/slack/events',
        should_escape: false,
      }),
      expect.objectContaining({
        command: '/sources',
        url: 'https://YOUR-HOST/slack/events',
        should_escape: false,
      }),
      expect.objectContaining({
        command: '/timeline',
        url: 'https://YOUR-HOST/slack/events',
        should_escape: false,
      }),
    ]);
    expect(defaultSlackOptions.command).toBe('/ask');
    expect(defaultSlackOptions.sourcesCommand).toBe('/sources');
    expect(defaultSlackOptions.timelineCommand).toBe('/timeline');
    expect(manifest.settings.event_subscriptions.request_url).toBe(
      'https://YOUR-HOST/slack/events',
    );
  });

  it('turns on interactivity for the buttons, at the URL Bolt serves', () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://YOUR-HOST/slack/events',
    });
  });

  it('lets people send the bot direct messages', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('requests exactly the scopes of the events, command and methods used', () => {
    const needed = new Set<string>([
      slashCommandScope,
      ...Object.values(eventScopes),
      ...Object.values(webApiScopes).filter((s): s is string => s !== null),
    ]);
    expect(manifest.oauth_config.scopes.bot).toEqual([...needed].sort());
    expect([...SLACK_BOT_SCOPES]).toEqual([...needed].sort());
  });
});
