/** Said by every Discord command run without a token; its own module so none of them loads the others. */
export const MISSING_TOKEN =
  'DISCORD_TOKEN is not set: create an application and bot in the Discord Developer Portal, then put the bot token in .env (see the README).';
