import { UserError } from '../../errors.js';
import { findUrls } from '../../text/find-urls.js';

const MIN_LINKS = 2;
const MAX_LINKS = 5;

/** What /compare was given: the articles' links, or a link to a message that holds them. */
export type CompareInput =
  | { kind: 'links'; urls: string[] }
  | { kind: 'message'; guildId: string; channelId: string; messageId: string };

const MESSAGE_LINK =
  /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/channels\/(\d{17,20})\/(\d{17,20})\/(\d{17,20})\/?$/;

const ASK = 'Give `/compare` two to five article links separated by spaces, or one link to a message that holds them';

/** The links, each once, in the order given; refused unless there are two to five. */
export function checkLinkCount(urls: string[]): string[] {
  const unique = [...new Set(urls)];
  if (unique.length < MIN_LINKS || unique.length > MAX_LINKS) {
    const given = unique.length === 0 ? 'no link' : unique.length === 1 ? 'one link' : `${unique.length} links`;
    throw new UserError('BAD_INPUT', `${ASK}; that was ${given}.`);
  }
  return unique;
}

/** Reads /compare's `links` option: article links (two to five), or one Discord message link on its own. */
export function readCompareInput(text: string): CompareInput {
  const urls = findUrls(text);
  const message = urls.map((url) => MESSAGE_LINK.exec(url)).find((m) => m !== null);
  if (message) {
    if (urls.length > 1) throw new UserError('BAD_INPUT', `${ASK}, not both.`);
    const [, guildId, channelId, messageId] = message as unknown as [string, string, string, string];
    return { kind: 'message', guildId, channelId, messageId };
  }
  if (urls.some((url) => /^https?:\/\/(?:[a-z]+\.)?discord(?:app)?\.com\//i.test(url))) {
    throw new UserError('BAD_INPUT', `${ASK}; a Discord link must point to one message.`);
  }
  return { kind: 'links', urls: checkLinkCount(urls) };
}
