import type { BriefDraft } from '../../schema.js';

type Kind = BriefDraft['claims'][number]['kind'];

const KIND_RULES: [Kind, RegExp][] = [
  [
    'threat',
    /\b(warn\w*|retaliat\w*|swift response|respond\w*|regret|punish\w*|consequences|destroy\w*|pay a heavy price)\b/i,
  ],
  [
    'policy',
    /\b(never be negotiable|necessity|decided|policy|must|will not allow|will not accept|without hesitation)\b/i,
  ],
  ['forecast', /\b(will|going to|expects?|is expected|would)\b/i],
  ['evaluation', /\b(recogni[sz]\w*|believes?|shows?|proves?|declin\w*|significant|great|seeks?|trying|called)\b/i],
];

/** What kind of claim a sentence makes, by its wording: threat, policy, forecast, evaluation, or fact. */
export function claimKind(text: string): Kind {
  return KIND_RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'fact';
}
