import type { CommandInteractionOption } from 'discord.js';
import type { z } from 'zod';
import { UserError } from '../errors.js';

function flatten(options: readonly CommandInteractionOption[], into: Record<string, unknown>): Record<string, unknown> {
  for (const option of options) {
    if (option.options) flatten(option.options, into);
    else if (option.value !== undefined) into[option.name] = option.value;
  }
  return into;
}

/** A command's options (subcommands flattened) parsed with the command's own zod schema. */
export function readOptions<S extends z.ZodType>(options: readonly CommandInteractionOption[], schema: S): z.infer<S> {
  const parsed = schema.safeParse(flatten(options, {}));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError('BAD_INPUT', `Invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}
