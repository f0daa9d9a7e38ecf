import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { articleFromText } from '../extract/extract-article.js';
import type { BriefDraft, BriefLength } from '../schema.js';
import { createOfflineEngine } from './offline-engine.js';

const seed = readFileSync(new URL('../../../examples/tehran-times-bagheri.txt', import.meta.url), 'utf8');
const engine = createOfflineEngine();

async function brief(text: string, length: BriefLength = 'standard', language: string | null = null) {
  const article = { ...articleFromText(text), language };
  return engine.draft(article, { length, language: 'en', sourceContext: '', deadlineAt: Date.now() + 60_000 });
}

const claimantsOf = (draft: BriefDraft) => draft.claims.map((c) => c.claimant.name);
const claimFor = (draft: BriefDraft, words: string) => draft.claims.find((c) => c.statement.includes(words));
const NOT_A_NAME = /^(?:he|she|they|it|the \p{L}+(?: \p{L}+)?)$/iu;

describe('offline engine on the seed article', async () => {
  const { draft, usage } = await brief(seed);

  it('keeps the outlet headline inside quotation marks and attributed', () => {
    expect(draft.summary.headline).toBe(
      'Tehran Times reports: “World powers trying to buy arms from Iran: military chief”',
    );
  });

  it('gives both of Bagheri’s quotations as direct quotes by him, verbatim', () => {
    const quotes = draft.claims.filter((c) => c.attribution === 'direct_quote');
    expect(quotes.map((c) => c.quote)).toEqual([
      'American power is declining. Today, Russia is standing against the expansionism of the North Atlantic Treaty, and China is also seeking to strengthen its military power to confront the United States.',
      'All this shows the decline of American power. Also, international unions such as the Shanghai [Cooperation Organization] and BRICS have shown their power in the world.',
    ]);
    for (const claim of quotes) {
      expect(claim.claimant.name).toBe('Major General Mohammad Bagheri');
      expect(seed).toContain(claim.quote);
    }
  });

  it('resolves "he", "the commander", "the general" and "the Armed Forces chief" to Bagheri, never to a pronoun', () => {
    expect(claimantsOf(draft).filter((n) => NOT_A_NAME.test(n))).toEqual([]);
    const byBagheri = draft.claims.filter((c) => c.claimant.name.includes('Bagheri'));
    expect(byBagheri.length).toBeGreaterThanOrEqual(6);
    expect(byBagheri[0]?.claimant.role).toBe('the chief of staff of the Armed Forces');
    for (const words of ['necessity of increasing', 'swift response', 'derived from indigenously generated']) {
      expect(claimFor(draft, words)?.claimant.name).toBe('Major General Mohammad Bagheri');
    }
    expect(claimFor(draft, 'swift response')).toMatchObject({ kind: 'threat' });
  });

  it('ties the lede’s unnamed "top Iranian military commander" to the general named next', () => {
    expect(claimFor(draft, 'want access to Iran’s')?.claimant.name).toBe('Major General Mohammad Bagheri');
  });

  it('does not take the addressee of a message for its speaker', () => {
    expect(claimantsOf(draft).some((n) => n.includes('Ashtiani'))).toBe(false);
  });

  it('separates the outlet’s own voice and unnamed officials', () => {
    expect(claimFor(draft, 'Recent innovations')).toMatchObject({
      attribution: 'outlet_voice',
      claimant: { name: 'Tehran Times' },
    });
    expect(claimFor(draft, 'according to officials')?.claimant.name).toBe('officials');
  });

  it('keeps the quotations in a short brief too', async () => {
    const short = (await brief(seed, 'short')).draft;
    expect(short.claims.length).toBe(5);
    expect(short.claims.filter((c) => c.attribution === 'direct_quote').length).toBe(2);
  });

  it('picks summary sentences from the article in reading order, within the length', () => {
    expect(draft.summary.sentences.length).toBe(5);
    const positions = draft.summary.sentences.map((s) => seed.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('says it is offline and costs no tokens', () => {
    expect(draft.caveats[0]).toContain('offline engine');
    expect(usage.inputTokens + usage.outputTokens).toBe(0);
  });
});

describe('offline engine: who says what', () => {
  it('resolves pronouns and role nouns to the most recent fitting person', async () => {
    const { draft } = await brief(
      [
        'Navy to retire two frigates early',
        'ARDENPORT – Defence Minister Clara Voss said on Monday that two frigates would leave service in March.',
        'She said the savings would pay for new patrol drones. The minister added that no sailors would lose their jobs.',
        'Admiral Tomas Berg, the head of the navy, said the ships had become too costly to repair. The admiral said the fleet would still meet its commitments. He said crews would move to the new drone squadron.',
        'A spokeswoman for the shipyard union, Ines Marlow, said workers had not been consulted. The spokeswoman said the union would ask for a meeting.',
      ].join('\n\n'),
    );
    const who = (words: string) => claimFor(draft, words)?.claimant.name;
    expect(who('savings would pay')).toBe('Clara Voss');
    expect(who('no sailors would lose')).toBe('Clara Voss');
    expect(who('meet its commitments')).toBe('Admiral Tomas Berg');
    expect(who('crews would move')).toBe('Admiral Tomas Berg');
    expect(who('ask for a meeting')).toBe('Ines Marlow');
    expect(claimFor(draft, 'ask for a meeting')?.statement).toMatch(/^Ines Marlow said/);
    expect(claimantsOf(draft).filter((n) => NOT_A_NAME.test(n))).toEqual([]);
  });

  it('names organisations as claimants: "the ministry", "the movement", an acronym, "they", "officials"', async () => {
    const { draft } = await brief(
      [
        'Strikes and counter-claims on the border',
        'The Israel Defense Forces said it struck a launch site overnight. The IDF said no civilians were near the site.',
        'Hamas accused Israel of targeting a school. "The school was full of displaced families," the movement said in a statement.',
        'The Pentagon said it was watching the situation closely. Officials said talks would resume on Sunday.',
        'The Kostran defense ministry said its air defenses had been put on alert. They said two drones had been shot down.',
      ].join('\n\n'),
    );
    const who = (words: string) => claimFor(draft, words)?.claimant.name;
    expect(who('no civilians were near')).toBe('Israel Defense Forces');
    expect(who('targeting a school')).toBe('Hamas');
    expect(who('full of displaced families')).toBe('Hamas');
    expect(who('watching the situation')).toBe('Pentagon');
    expect(who('talks would resume')).toBe('Officials');
    expect(who('two drones had been shot down')).toBe('Kostran defense ministry');
  });

  it('reads the forms quotations come in, curly and straight, and quotations that carry on', async () => {
    const { draft } = await brief(
      [
        'Shipyard chief defends delays',
        'Chief executive Marta Quell said, “We found the fault early. We fixed it before any ship left the yard.”',
        '"Nobody was put at risk," Quell told reporters. "The checks did what they were meant to do."',
        'Union leader Paul Arne disagreed. “Workers warned about this for a year,” he said.',
      ].join('\n\n'),
    );
    const quotes = draft.claims.filter((c) => c.attribution === 'direct_quote');
    expect(quotes.map((c) => [c.claimant.name, c.quote])).toEqual([
      ['Marta Quell', 'We found the fault early. We fixed it before any ship left the yard.'],
      ['Marta Quell', 'Nobody was put at risk'],
      ['Marta Quell', 'The checks did what they were meant to do.'],
      ['Paul Arne', 'Workers warned about this for a year'],
    ]);
  });

  it('makes one claim per reported clause and turns notes on sourcing into caveats', async () => {
    const { draft } = await brief(
      [
        'Clash on the ridge',
        'The Arvenian army said its positions came under mortar fire and that it returned fire, adding that two soldiers were wounded.',
        'The account could not be independently verified.',
      ].join('\n\n'),
    );
    expect(draft.claims.map((c) => c.statement)).toEqual([
      'The Arvenian army said its positions came under mortar fire.',
      'Arvenian army said that it returned fire.',
      'Arvenian army added that two soldiers were wounded.',
    ]);
    expect(draft.caveats).toContain('The article says: “The account could not be independently verified.”');
  });
});

describe('offline engine: languages', () => {
  it('refuses an article in a language it cannot read, in one sentence', async () => {
    const french =
      'Le ministère de la Défense a annoncé lundi l’envoi de deux patrouilleurs vers l’île disputée, après des tirs signalés par des pêcheurs. Une porte-parole a déclaré qu’aucune victime n’avait été signalée.';
    const russian =
      'Министерство обороны в понедельник сообщило, что к спорному острову направлены два патрульных катера. Представитель ведомства заявила, что жертв нет.';
    for (const [text, name] of [
      [french, 'French'],
      [russian, 'Russian'],
    ] as const) {
      const refusal = await brief(text).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(UserError);
      expect(refusal).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE' });
      expect((refusal as UserError).message).toContain(name);
    }
  });

  it('goes by the text when the page metadata names another language, and by the metadata when the text is too short', async () => {
    const { draft } = await brief(seed, 'standard', 'fr');
    expect(draft.claims.length).toBeGreaterThan(0);
    await expect(brief('Ja.', 'standard', 'de')).rejects.toMatchObject({ code: 'UNSUPPORTED_LANGUAGE' });
  });
});
