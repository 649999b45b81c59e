/**
 * The `/ask`, `/sources` and `/timeline` slash commands, their registration, and the invite URL
 * with the exact permissions the adapter uses.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  OAuth2Scopes,
  PermissionsBitField,
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import {
  DISCORD_ASK_DESCRIPTION,
  DISCORD_PAGE_DESCRIPTION,
  DISCORD_QUESTION_DESCRIPTION,
  DISCORD_SOURCES_DESCRIPTION,
  DISCORD_TIMELINE_DESCRIPTION,
  DISCORD_TIMELINE_QUERY_DESCRIPTION,
} from '../../bot/wording.ts';
import { StrikebotError } from '../../core/errors.ts';
import type { Logger } from '../../logger.ts';

/** Name of the slash command. */
export const ASK_COMMAND = 'ask';
/** Name of its one string option. */
export const QUESTION_OPTION = 'question';
/** Longest question Discord lets a user type into the option (the engine's own limit is 500). */
const MAX_QUESTION_OPTION_LENGTH = 500;

/** The `/ask question:<text>` command, usable in servers and in DMs with the bot. */
export const askCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = new SlashCommandBuilder()
  .setName(ASK_COMMAND)
  .setDescription(DISCORD_ASK_DESCRIPTION)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((option) =>
    option
      .setName(QUESTION_OPTION)
      .setDescription(DISCORD_QUESTION_DESCRIPTION)
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_OPTION_LENGTH),
  )
  .toJSON();

/** Name of the command that lists the sources. */
export const SOURCES_COMMAND = 'sources';
/** Name of its optional page option. */
export const PAGE_OPTION = 'page';

/** The `/sources [page:<n>]` command, usable in servers and in DMs with the bot. */
export const sourcesCommand: RESTPostAPIChatInputApplicationCommandsJSONBody =
  new SlashCommandBuilder()
    .setName(SOURCES_COMMAND)
    .setDescription(DISCORD_SOURCES_DESCRIPTION)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addIntegerOption((option) =>
      option.setName(PAGE_OPTION).setDescription(DISCORD_PAGE_DESCRIPTION).setMinValue(1),
    )
    .toJSON();

/** Name of the timeline command. */
export const TIMELINE_COMMAND = 'timeline';
/** Name of its optional string option: a year or words. */
export const TIMELINE_QUERY_OPTION = 'query';
/** Longest year-or-words option Discord lets a user type (Discord allows up to 6,000). */
const MAX_TIMELINE_QUERY_LENGTH = 100;

/** The `/timeline [query:<year or words>]` command, usable in servers and in DMs with the bot. */
export const timelineCommand: RESTPostAPIChatInputApplicationCommandsJSONBody =
  new SlashCommandBuilder()
    .setName(TIMELINE_COMMAND)
    .setDescription(DISCORD_TIMELINE_DESCRIPTION)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((option) =>
      option
        .setName(TIMELINE_QUERY_OPTION)
        .setDescription(DISCORD_TIMELINE_QUERY_DESCRIPTION)
        .setRequired(false)
        .setMaxLength(MAX_TIMELINE_QUERY_LENGTH),
    )
    .toJSON();

/** Every command strikebot registers, in the order Discord lists them. */
const commandDefinitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  askCommand,
  sourcesCommand,
  timelineCommand,
];

/**
 * The permissions the bot uses, and why: read and answer in channels (ViewChannel,
 * SendMessages, EmbedLinks for the answer embed, ReadMessageHistory to reply to a message),
 * open a thread on a message (CreatePublicThreads) and answer inside it (SendMessagesInThreads).
 */
export const requiredPermissions = new PermissionsBitField([
  PermissionsBitField.Flags.ViewChannel,
  PermissionsBitField.Flags.SendMessages,
  PermissionsBitField.Flags.SendMessagesInThreads,
  PermissionsBitField.Flags.CreatePublicThreads,
  PermissionsBitField.Flags.EmbedLinks,
  PermissionsBitField.Flags.ReadMessageHistory,
]).freeze();

/**
 * The OAuth2 URL that adds the bot to a server with the `bot` and `applications.commands`
 * scopes and exactly {@link requiredPermissions}; with `guildId` that server is preselected.
 *
 * @example
 * discordInviteUrl('123456789012345678');
 * // 'https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot+applications.commands&permissions=309237730304'
 */
export function discordInviteUrl(applicationId: string, guildId?: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: requiredPermissions.bitfield.toString(),
  });
  if (guildId) {
    params.set('guild_id', guildId);
    params.set('disable_guild_select', 'true');
  }
  return `https://discord.com/oauth2/authorize?${params}`;
}

/** Options for {@link registerCommands}. */
export interface RegisterCommandsOptions {
  /** Bot token (Developer Portal > Bot > Reset Token). Required. */
  token: string;
  /** Application id (Developer Portal > General Information). Required. */
  applicationId: string;
  /** Register to this one server (instant) instead of globally (may take up to an hour). Default: global. */
  guildId?: string;
  /** REST base URL, `https://discord.com/api` by default; tests point it at a fake. */
  apiUrl?: string;
  /** Where progress is logged. */
  logger: Logger;
}

/** What {@link registerCommands} did. */
export interface RegisteredCommands {
  /** `guild` when registered to one server, `global` otherwise. */
  scope: 'guild' | 'global';
  /** Names of the commands Discord now holds for that scope. */
  names: string[];
}

/**
 * Replaces the application's slash commands with `/ask`, `/sources` and `/timeline`, for one server or globally. Throws a
 * {@link StrikebotError} (`PLATFORM_ERROR`) naming the variable to check when Discord refuses.
 *
 * @example
 * await registerCommands({ token, applicationId, guildId, logger });
 */
export async function registerCommands(
  options: RegisterCommandsOptions,
): Promise<RegisteredCommands> {
  const { token, applicationId, guildId, apiUrl, logger } = options;
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const scope = guildId ? 'guild' : 'global';
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  try {
    const result = (await rest.put(route, { body: commandDefinitions })) as { name: string }[];
    const names = result.map((command) => command.name);
    logger.info('discord commands registered', { scope, names, guildId });
    return { scope, names };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 401
        ? 'check DISCORD_TOKEN'
        : status === 403 || status === 404
          ? `check DISCORD_APPLICATION_ID${guildId ? ' and DISCORD_GUILD_ID (is the bot in that server with the applications.commands scope?)' : ''}`
          : 'check the network and DISCORD_API_URL';
    throw new StrikebotError(
      'PLATFORM_ERROR',
      `Registering the Discord ${scope} commands failed (${(error as Error).message}): ${hint}.`,
      { cause: error },
    );
  }
}
