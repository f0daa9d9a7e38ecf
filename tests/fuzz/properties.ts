import fc from 'fast-check';
import { findTextForMachines } from '../../src/brief/checks/detect-injection.js';
import { groundClaims } from '../../src/brief/checks/ground-claims.js';
import { loadLexicon } from '../../src/brief/checks/loaded-terms.js';
import { quoteLoadedTerms } from '../../src/brief/checks/neutrality.js';
import { articleFromText, extractArticle } from '../../src/brief/extract/extract-article.js';
import type { Brief } from '../../src/brief/schema.js';
import { embedsSize, LIMITS } from '../../src/discord/render/discord-text.js';
import { renderBriefMessage } from '../../src/discord/render/render-brief.js';
import { renderClaimsEmbeds, renderReadEmbed, renderSourceNoteEmbed } from '../../src/discord/render/render-claims.js';

const lexicon = loadLexicon();

/** Text with what breaks naive code: right-to-left marks, zero-width characters, emoji, lone surrogates. */
const hostileChar = fc.constantFrom(
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '🧾',
  '👍🏽',
  '\ud800',
  '\udfff',
  '“',
  '”',
  '"',
  '@everyone',
  '<@&1>',
  '**',
  '[x](http://a)',
  '\n\n',
);
const hostileText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        hostileChar,
        fc.constantFrom('vile', 'regime', 'said', ' '),
      ),
      {
        maxLength: Math.ceil(maxLength / 4),
      },
    )
    .map((parts) => parts.join('').slice(0, maxLength));

const htmlPiece = fc.oneof(
  fc.constantFrom(
    '<p>',
    '</p>',
    '<div class="ad">',
    '</div>',
    '<article>',
    '</article>',
    '<script>',
    '</script>',
    '<h1>',
    '<!--',
    '-->',
    '<',
    '>',
    '&amp;',
    '&#x202e;',
    '<meta charset="x">',
    '<time datetime="oops">',
    '<script type="application/ld+json">{"@type":',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const randomHtml = fc.array(htmlPiece, { maxLength: 80 }).map((p) => p.join(''));

const claimArb = fc.record({
  id: fc.string({ maxLength: 5 }),
  claimant: fc.record({ name: hostileText(120), role: fc.option(hostileText(160), { nil: null }) }),
  statement: hostileText(400),
  quote: fc.option(hostileText(600), { nil: null }),
  kind: fc.constantFrom('fact', 'forecast', 'evaluation', 'threat', 'policy'),
  attribution: fc.constantFrom('direct_quote', 'paraphrase', 'outlet_voice'),
  checkable: fc.boolean(),
  grounded: fc.option(fc.boolean(), { nil: null }),
  quoteSpan: fc.constant(null),
});

const briefArb: fc.Arbitrary<Brief> = fc.record({
  article: fc.record({
    url: fc.option(fc.webUrl(), { nil: null }),
    canonicalUrl: fc.constant(null),
    title: fc.option(hostileText(300), { nil: null }),
    outlet: fc.option(hostileText(300), { nil: null }),
    domain: fc.option(fc.domain(), { nil: null }),
    byline: fc.option(hostileText(300), { nil: null }),
    publishedAt: fc.constant(null),
    language: fc.constant('en'),
    wordCount: fc.nat(),
    truncated: fc.boolean(),
    excerpt: hostileText(1_500),
  }),
  summary: fc.record({
    headline: hostileText(200),
    sentences: fc.array(hostileText(400), { minLength: 1, maxLength: 8 }),
  }),
  claims: fc.array(claimArb, { maxLength: 25 }),
  sourceNote: fc.record({
    outlet: fc.record({
      name: fc.option(hostileText(300), { nil: null }),
      domain: fc.constant(null),
      country: fc.option(hostileText(50), { nil: null }),
      kind: fc.option(hostileText(50), { nil: null }),
      owner: fc.option(hostileText(200), { nil: null }),
      inRegistry: fc.boolean(),
    }),
    quoted: fc.array(
      fc.record({ name: hostileText(120), role: fc.option(hostileText(160), { nil: null }), claims: fc.nat(30) }),
      { maxLength: 25 },
    ),
    independentSources: fc.nat(30),
    unverified: fc.array(hostileText(300), { maxLength: 10 }),
    loadedTerms: fc.array(
      fc.record({ term: hostileText(40), category: fc.constant('name_calling'), context: hostileText(200) }),
      { maxLength: 15 },
    ),
    caveats: fc.array(hostileText(300), { maxLength: 10 }),
  }),
  meta: fc.record({
    engine: fc.constantFrom('anthropic', 'offline'),
    model: fc.option(fc.constant('claude-haiku-4-5'), { nil: null }),
    promptVersion: fc.constant('p'),
    fallbackReason: fc.option(fc.constant('model unavailable'), { nil: null }),
    inputTokens: fc.nat(),
    outputTokens: fc.nat(),
    cacheReadTokens: fc.nat(),
    cacheWriteTokens: fc.nat(),
    repairRounds: fc.nat(2),
    groundingRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    createdAt: fc.constant('2026-11-28T00:00:00.000Z'),
    cacheKey: fc.stringMatching(/^[0-9a-f]{64}$/),
    length: fc.constantFrom('short', 'standard', 'detailed'),
    language: fc.constant('en'),
  }),
}) as fc.Arbitrary<Brief>;

/** Each property names what must hold for every input; a thrown error is a crash. */
export const properties = {
  'extraction never throws on random or malformed HTML': fc.property(randomHtml, (html) => {
    const article = extractArticle(html, 'https://example.com/a');
    return typeof article.text === 'string';
  }),
  'pasted text is read whatever it holds': fc.property(
    hostileText(2_000),
    (text) => typeof articleFromText(text).text === 'string',
  ),
  'grounding offsets always point at the quote they report': fc.property(
    hostileText(1_000),
    fc.array(claimArb, { maxLength: 5 }),
    (text, claims) => {
      const drafts = claims.map(({ id: _id, grounded: _g, quoteSpan: _q, ...draft }) => draft);
      const withSpans = [...drafts, ...drafts.map((d) => ({ ...d, quote: text.slice(0, 30) || null }))];
      return groundClaims(withSpans, text).claims.every(
        (c) => !c.quoteSpan || text.slice(c.quoteSpan.start, c.quoteSpan.end) === c.quote,
      );
    },
  ),
  'neutrality quoting and injection detection never throw': fc.property(hostileText(1_000), (text) => {
    return typeof quoteLoadedTerms(text, lexicon) === 'string' && Array.isArray(findTextForMachines(text));
  }),
  'rendering stays within every Discord limit and never pings': fc.property(
    briefArb,
    fc.boolean(),
    (brief, fromCache) => {
      const message = renderBriefMessage(brief, fromCache);
      const claims = renderClaimsEmbeds(brief);
      const note = renderSourceNoteEmbed(brief);
      const all = [...message.embeds, ...claims, note, renderReadEmbed(brief)];
      const text = JSON.stringify(all);
      return (
        all.every(
          (e) => (e.title?.length ?? 0) <= LIMITS.title && (e.description?.length ?? 0) <= LIMITS.description,
        ) &&
        (message.embeds[0]?.fields ?? []).every((f) => f.value.length <= LIMITS.fieldValue && f.value.length > 0) &&
        embedsSize(message.embeds) <= LIMITS.embedsTotal &&
        embedsSize(claims) <= LIMITS.embedsTotal &&
        claims.length <= 10 &&
        !/@everyone|@here/.test(text)
      );
    },
  ),
};
