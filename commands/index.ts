import type { Command } from '../src/discord/command.js';
import { compare } from './compare.js';
import { sitrep } from './sitrep.js';
import { summarize } from './summarize.js';
import { summarizeArticle } from './summarize-article.js';

/** Every command Sitrep registers, one module each. */
export const commands: Command[] = [summarize, summarizeArticle, compare, sitrep];
