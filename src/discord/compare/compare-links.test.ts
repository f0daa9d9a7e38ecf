import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { checkLinkCount, readCompareInput } from './compare-links.js';

const refusal = (text: string) => {
  try {
    readCompareInput(text);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('readCompareInput', () => {
  it('takes two to five links separated by spaces, commas or new lines, each once, in order', () => {
    expect(
      readCompareInput('https://a.example/1, <https://b.example/2>\nhttps://a.example/1 https://c.example/3.'),
    ).toEqual({
      kind: 'links',
      urls: ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'],
    });
  });

  it('takes one Discord message link on its own', () => {
    expect(
      readCompareInput(' https://discord.com/channels/130000000000000001/140000000000000001/150000000000000001 '),
    ).toEqual({
      kind: 'message',
      guildId: '130000000000000001',
      channelId: '140000000000000001',
      messageId: '150000000000000001',
    });
    expect(
      readCompareInput('https://ptb.discord.com/channels/130000000000000001/140000000000000001/150000000000000001')
        .kind,
    ).toBe('message');
  });

  it('refuses one link, six, none, a message link beside articles, and a Discord link that is no message, in one sentence', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://site${i}.example/a`).join(' ');
    expect(refusal(links(1))).toBe(
      'Give `/compare` two to five article links separated by spaces, or one link to a message that holds them; that was one link.',
    );
    expect(refusal(links(6))).toMatch(/; that was 6 links\.$/);
    expect(refusal('just some words')).toMatch(/; that was no link\.$/);
    expect(
      refusal(`${links(2)} https://discord.com/channels/130000000000000001/140000000000000001/150000000000000001`),
    ).toMatch(/, not both\.$/);
    expect(refusal('https://discord.com/channels/130000000000000001/140000000000000001 https://a.example/1')).toMatch(
      /a Discord link must point to one message\.$/,
    );
    for (const n of [1, 6])
      expect(
        refusal(links(n))
          .split(/[.!?](?:\s|$)/)
          .filter(Boolean),
      ).toHaveLength(1);
  });

  it('counts a link given twice once', () => {
    expect(() => checkLinkCount(['https://a.example/1', 'https://a.example/1'])).toThrow(/that was one link/);
  });
});
