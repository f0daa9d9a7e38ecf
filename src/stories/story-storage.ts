import { z } from 'zod';

/** What the index keeps of a filed brief: its weighted features, enough to score it again. */
export const IndexedBriefSchema = z.object({
  key: z.string().min(1),
  /** Publication time (ms), or when the brief was made when the article gives none. */
  time: z.number(),
  storyId: z.string().min(1),
  /** Euclidean norm of the weights, stored so a candidate is scored without reading anything else. */
  norm: z.number().positive(),
  /** Who published it (domain, else outlet name). */
  source: z.string().nullable(),
  /** Days its headline and lead name. */
  days: z.array(z.string()),
  features: z.array(z.tuple([z.string(), z.number()])),
});
export type IndexedBrief = z.infer<typeof IndexedBriefSchema>;

export const StoryMemberSchema = z.object({
  key: z.string().min(1),
  /** The outlet's name or domain as the brief has it, so a door can count outlets without loading briefs. */
  outlet: z.string().nullable(),
  time: z.number(),
});
export type StoryMember = z.infer<typeof StoryMemberSchema>;

/** A feature too common in the window to find candidates by (its posting list is full). */
export const COMMON = 'common' as const;
/** The briefs filed under one feature: [brief key, publication time]. */
export type Postings = [key: string, time: number][] | typeof COMMON;

/**
 * Where stories live. Three implementations: in memory (tests, benchmark), keyv (SQLite or Redis
 * through keyv) and Redis sets (several processes filing at once). Everything here expires: postings
 * and indexed briefs after the window, memberships and stories after `retainMs` of the index.
 */
export interface StoryStorage {
  /** Briefs filed under each feature and not yet expired; a list that reached `limit` comes back as COMMON. */
  postings(features: string[], limit: number): Promise<Map<string, Postings>>;
  /** Adds the brief to each feature's list unless the list is full; entries expire at `expiresAt`. */
  addPostings(key: string, time: number, features: string[], limit: number, expiresAt: number): Promise<void>;
  /** How many briefs were indexed on each of these days (UTC day numbers), for how rare a feature is. */
  countIndexed(days: number[]): Promise<number>;
  noteIndexed(day: number, ttlMs: number): Promise<void>;
  getBriefs(keys: string[]): Promise<(IndexedBrief | undefined)[]>;
  putBrief(brief: IndexedBrief, ttlMs: number): Promise<void>;
  storyOf(key: string): Promise<string | undefined>;
  setStoryOf(key: string, storyId: string, ttlMs: number): Promise<void>;
  members(storyId: string): Promise<StoryMember[]>;
  /** Adds a member unless the story already has `max`; returns the members after. */
  addMember(storyId: string, member: StoryMember, max: number, ttlMs: number): Promise<StoryMember[]>;
  /** Forgets a story's member list (its one brief was folded into another story). */
  dropStory(storyId: string): Promise<void>;
}
