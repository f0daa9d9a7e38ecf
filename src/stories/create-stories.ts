import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Lexicon } from '../brief/checks/loaded-terms.js';
import { chooseEngine } from '../brief/choose-engine.js';
import { type ComparePrompts, loadComparePrompts } from '../brief/engines/compare-prompts.js';
import { type Engine, ModelError, NO_USAGE, type TokenUsage } from '../brief/engines/engine.js';
import type { EngineName } from '../brief/engines/registry.js';
import type { ModelHooks } from '../brief/make-brief.js';
import type { Brief, EngineChoice } from '../brief/schema.js';
import type { Logger } from '../logger.js';
import { compared, compareStory, memberOf } from './compare-story.js';
import { type Comparison, ComparisonSchema } from './comparison-schema.js';
import { type CountryGazetteer, loadCountries } from './countries.js';
import { comparisonRequest, letterMembers, pointsFromDraft } from './model-comparison.js';
import { storyBriefOf } from './story-brief-of.js';
import { storyCoverage } from './story-coverage.js';
import { createStoryIndex, type FiledBrief, type StoryIndex } from './story-index.js';
import type { StoryMember, StoryStorage } from './story-storage.js';

/** Part of every offline comparison's cache key: bump when the offline comparison changes. */
const OFFLINE_COMPARE_VERSION = 'offline-compare-2026-11-29.1';
const COMPARISON_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface StoriesDeps {
  storage: StoryStorage;
  /** Where comparisons are cached (the shared store). */
  keyv: Keyv;
  engines: ReadonlyMap<EngineName, Engine>;
  defaultEngine: EngineChoice;
  lexicon: Lexicon;
  logger: Logger;
  /** A comparison's whole model time, as for a brief. */
  modelDeadlineMs: number;
  countries?: CountryGazetteer;
  prompts?: () => ComparePrompts;
}

export interface ComparedStory {
  comparison: Comparison;
  /** The comparison's cache key (its members, engine and prompt), for a button to find it again. */
  key: string;
  fromCache: boolean;
  usage: TokenUsage;
}

export interface Stories {
  /**
   * Files a brief into its story; null when the store failed (logged), or for a brief that is not of
   * a web page: stories are shared by every server, and pasted text may be private to one.
   */
  file(brief: Brief): Promise<FiledBrief | null>;
  storyOf(briefKey: string): Promise<string | null>;
  /** The brief keys of a story's members, in filing order. */
  memberKeys(storyId: string): Promise<string[]>;
  /** A story's members with their outlets, in filing order: a door counts outlets without loading briefs. */
  members(storyId: string): Promise<StoryMember[]>;
  /**
   * Points of the event with their sides: by the chosen engine (the setting's by default) when it is
   * a model, else offline; cached by members.
   */
  compare(briefs: Brief[], hooks?: ModelHooks, choice?: EngineChoice): Promise<ComparedStory>;
  getComparison(key: string): Promise<Comparison | undefined>;
}

/**
 * Stories for every door: briefs filed into the story of the same event (kept in the store), and
 * comparisons of a story's briefs. A comparison is made from the briefs, not the articles, by the
 * configured model engine with the compare prompt (the same structured output, repair rounds and
 * deadline as a brief), or offline; the model's is cached under its members' keys, a stand-in never.
 */
export function createStories(deps: StoriesDeps): Stories {
  // Read on first use: a CLI brief that files nothing never pays for the gazetteer or the index.
  let countries = deps.countries;
  let index: StoryIndex | undefined;
  const gazetteer = () => {
    countries ??= loadCountries();
    return countries;
  };
  const storyIndex = () => {
    index ??= createStoryIndex(deps.storage, gazetteer());
    return index;
  };
  let prompts: ComparePrompts | undefined;
  const comparePrompts = () => {
    prompts ??= deps.prompts?.() ?? loadComparePrompts();
    return prompts;
  };

  const cacheKeyOf = (engine: Engine, briefs: Brief[]) => {
    const version = engine.structured ? comparePrompts().version : OFFLINE_COMPARE_VERSION;
    const members = briefs.map((b) => b.meta.cacheKey).sort();
    return createHash('sha256')
      .update(JSON.stringify(['comparison', engine.name, engine.model, version, members]))
      .digest('hex');
  };

  const offline = (briefs: Brief[], fallbackReason: string | null): Comparison => ({
    ...compareStory(briefs.map(storyBriefOf), { countries: gazetteer(), lexicon: deps.lexicon }),
    fallbackReason,
  });

  async function withModel(engine: Engine, briefs: Brief[]): Promise<{ comparison: Comparison; usage: TokenUsage }> {
    const members = letterMembers(compared(briefs.map(storyBriefOf)));
    const request = comparisonRequest(comparePrompts(), members, deps.lexicon, Date.now() + deps.modelDeadlineMs);
    const structured = engine.structured?.bind(engine);
    if (!structured) throw new ModelError('this engine makes no structured answers');
    const { value, usage } = await structured(request);
    const storyMembers = members.map((m) => m.member);
    return {
      comparison: {
        members: storyMembers.map(memberOf),
        points: pointsFromDraft(value, members, deps.lexicon),
        coverage: storyCoverage(storyMembers, gazetteer()),
        engine: engine.name as EngineName,
        fallbackReason: null,
      },
      usage,
    };
  }

  return {
    async file(brief) {
      if (!/^https?:\/\//.test(brief.article.url ?? '')) return null;
      try {
        return await storyIndex().fileBrief(brief);
      } catch (error) {
        deps.logger.warn({ err: error, brief: brief.meta.cacheKey }, 'could not file the brief into a story');
        return null;
      }
    },
    storyOf: (briefKey) => storyIndex().storyOf(briefKey),
    memberKeys: async (storyId) => (await storyIndex().membersOf(storyId)).map((m) => m.key),
    members: (storyId) => storyIndex().membersOf(storyId),
    async compare(briefs, hooks = {}, choice = deps.defaultEngine) {
      const engine = chooseEngine(choice, deps.engines);
      const key = cacheKeyOf(engine, briefs);
      const cached = await this.getComparison(key);
      if (cached) return { comparison: cached, key, fromCache: true, usage: NO_USAGE };
      const gate = engine.structured ? ((await hooks.modelGate?.()) ?? null) : null;
      if (!engine.structured || gate) {
        const comparison = offline(briefs, gate);
        if (!gate) await deps.keyv.set(`comparison:${key}`, comparison, COMPARISON_TTL_MS);
        return { comparison, key, fromCache: false, usage: NO_USAGE };
      }
      try {
        const { comparison, usage } = await withModel(engine, briefs);
        await hooks.onModelUsage?.(usage.inputTokens + usage.outputTokens);
        await deps.keyv.set(`comparison:${key}`, comparison, COMPARISON_TTL_MS);
        return { comparison, key, fromCache: false, usage };
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        deps.logger.warn({ err: error, engine: engine.name }, 'model gave no comparison; comparing offline');
        const reason = error.failure === 'timeout' ? 'model too slow' : 'model unavailable';
        return { comparison: offline(briefs, reason), key, fromCache: false, usage: NO_USAGE };
      }
    },
    async getComparison(key) {
      const parsed = ComparisonSchema.safeParse(await deps.keyv.get(`comparison:${key}`));
      return parsed.success ? parsed.data : undefined;
    },
  };
}
