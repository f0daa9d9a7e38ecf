import { z } from 'zod';

/** Lower-case words joined by hyphens: article ids and story labels. */
const LabelSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const TopicSchema = z.string().min(3).max(80);
/** A short exact substring of the article's text: the clause that states the point. */
const CueSchema = z.string().min(3).max(160);

const ArticleFields = {
  id: LabelSchema,
  outlet: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
  publishedAt: z.iso.datetime(),
  title: z.string().min(1).max(300),
  text: z.string().min(1).max(20_000),
};

/** In an event file every article is about the file's event, so none names a story of its own. */
const EventArticleSchema = z.strictObject(ArticleFields);

/**
 * In a distractor file each article names its own story (`event`; articles sharing it are one
 * story) and, when it is a hard distractor, the labelled event it is built to be confused with.
 */
const DistractorArticleSchema = z.strictObject({
  ...ArticleFields,
  event: LabelSchema,
  decoyFor: LabelSchema.optional(),
});

const SideSchema = z.strictObject({ article: LabelSchema, cue: CueSchema });

/** `value` is the side's version in a few words: sides with equal values agree with each other. */
const ConflictSideSchema = z.strictObject({
  article: LabelSchema,
  cue: CueSchema,
  value: z.string().min(1).max(60),
});

const ConflictKindSchema = z.enum(['number', 'place', 'time', 'outcome', 'cause', 'identity']);

const ConflictSchema = z.strictObject({
  topic: TopicSchema,
  kind: ConflictKindSchema,
  sides: z.array(ConflictSideSchema).min(2),
});

const AgreementSchema = z.strictObject({ topic: TopicSchema, sides: z.array(SideSchema).min(2) });

const OneSideSchema = z.strictObject({ topic: TopicSchema, article: LabelSchema, cue: CueSchema });

const LabelFields = {
  event: LabelSchema,
  description: z.string().min(10).max(600),
  conflicts: z.array(ConflictSchema),
  agreements: z.array(AgreementSchema),
  oneSide: z.array(OneSideSchema),
};

export const StorySetFileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), ...LabelFields, articles: z.array(EventArticleSchema).min(1) }),
  z.strictObject({ kind: z.literal('distractors'), ...LabelFields, articles: z.array(DistractorArticleSchema).min(1) }),
]);
export type StorySetFile = z.infer<typeof StorySetFileSchema>;
export type StorySetArticle = StorySetFile['articles'][number];
