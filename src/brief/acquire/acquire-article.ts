import type { Dispatcher } from 'undici';
import { UserError } from '../../errors.js';
import { unbriefableText } from '../extract/briefable-text.js';
import { NOT_ARTICLE_SENTENCES, notAnArticle } from '../extract/classify-page.js';
import { articleFromText, domainOf, extractArticle } from '../extract/extract-article.js';
import type { BriefCache, PipelineObserver, SingleFlight } from '../ports.js';
import type { ExtractedArticle, ParsedBriefRequest } from '../schema.js';
import { timed } from '../timed.js';
import { checkUrl, type FetchLimits, fetchPage } from './fetch-page.js';

export interface AcquireContext {
  fetchLimits: FetchLimits;
  dispatcher: Dispatcher;
  cache: BriefCache;
  singleFlight: SingleFlight;
  observer?: PipelineObserver;
}

/** Pages that are not the article (paywalls, consent walls, error pages…) stop here, before any model call. */
function requireArticle(article: ExtractedArticle): ExtractedArticle {
  const kind = notAnArticle(article);
  if (kind) throw new UserError('NO_ARTICLE', NOT_ARTICLE_SENTENCES[kind]);
  return article;
}

export type AcquireStage = 'fetching' | 'reading';

/**
 * The article a request points to: pasted text as it is, a URL fetched safely and extracted. A URL's
 * extraction is cached briefly, and concurrent requests for one URL share a single fetch.
 */
export async function acquireArticle(
  source: ParsedBriefRequest['source'],
  ctx: AcquireContext,
  onStage: (stage: AcquireStage) => void,
): Promise<ExtractedArticle> {
  if (source.kind === 'text') {
    const refusal = unbriefableText(source.text);
    if (refusal) throw new UserError('BAD_INPUT', refusal);
    return articleFromText(source.text, source.title, source.url);
  }
  if (source.kind === 'html') return requireArticle(extractArticle(source.html, source.url));
  // Checked before the cache too, so a cached page never outlives a policy that now refuses it.
  const url = checkUrl(source.url.trim(), ctx.fetchLimits).href;
  return ctx.singleFlight(`acquire:${url}`, async () => {
    const cached = await ctx.cache.getArticle(url);
    ctx.observer?.cache('article', cached !== undefined);
    if (cached) return cached;
    onStage('fetching');
    const page = await timed(
      () => fetchPage(url, ctx.fetchLimits, ctx.dispatcher),
      (ms, ok) => ctx.observer?.fetch({ ms, ok }),
    );
    onStage('reading');
    const article = page.isHtml
      ? extractArticle(page.text, page.finalUrl)
      : { ...articleFromText(page.text), url: page.finalUrl, domain: domainOf(page.finalUrl) };
    await ctx.cache.setArticle(url, requireArticle(article));
    return article;
  });
}
