import type { Brief } from '../../brief/schema.js';
import { buildBrief } from './build-brief.js';

/**
 * Small fictional reports for tests: one border clash told by both armies and a wire, and
 * unrelated items from the same days and region. Written for Sitrep's tests.
 */
export const clashByArmenia: Brief = buildBrief({
  key: 'am-mod-1',
  outlet: 'Ministry of Defence of Armenia',
  domain: 'mil.am',
  country: 'Armenia',
  kind: 'government or military',
  publishedAt: '2026-11-25T06:00:00Z',
  title: 'Azerbaijani units attack positions near Sotk; attack repelled',
  text: 'YEREVAN, November 25. Azerbaijani units opened fire on Armenian positions near Sotk in the Gegharkunik province on the night of November 24, the Ministry of Defence said.\n\nThe attack was repelled and the 3rd Army Corps held its positions, the ministry said. Two Armenian servicemen were wounded.\n\nThe ministry said the Azerbaijani side used 82mm mortars and a Bayraktar TB2 drone.',
  claims: [
    {
      claimant: 'Ministry of Defence of Armenia',
      statement:
        'Azerbaijani units opened fire on Armenian positions near Sotk in the Gegharkunik province on the night of November 24, the Ministry of Defence said.',
    },
    {
      claimant: 'Ministry of Defence of Armenia',
      statement: 'Two Armenian servicemen were wounded.',
    },
  ],
});

export const clashByAzerbaijan: Brief = buildBrief({
  key: 'az-mod-1',
  outlet: 'Ministry of Defense of Azerbaijan',
  domain: 'mod.gov.az',
  country: 'Azerbaijan',
  kind: 'government or military',
  publishedAt: '2026-11-25T08:30:00Z',
  title: 'Armenian armed forces fire on Azerbaijani positions in Kalbajar direction',
  text: 'BAKU. On November 24 at 23:10, units of the Armenian armed forces opened fire on Azerbaijani army positions in the Kalbajar direction near Sotk, the Ministry of Defense reported.\n\nAzerbaijani units took adequate retaliatory measures, the ministry said. There were no losses among Azerbaijani servicemen.\n\nFive Armenian servicemen were killed in the return fire, the ministry said.',
  claims: [
    {
      claimant: 'Ministry of Defense of Azerbaijan',
      statement:
        'On November 24 at 23:10, units of the Armenian armed forces opened fire on Azerbaijani army positions in the Kalbajar direction near Sotk, the Ministry of Defense reported.',
    },
    {
      claimant: 'Ministry of Defense of Azerbaijan',
      statement: 'Five Armenian servicemen were killed in the return fire, the ministry said.',
      quote: 'Five Armenian servicemen were killed in the return fire',
    },
  ],
});

export const clashByWire: Brief = buildBrief({
  key: 'wire-1',
  outlet: 'Reuters',
  domain: 'reuters.com',
  country: 'United Kingdom',
  kind: 'wire',
  publishedAt: '2026-11-25T12:00:00Z',
  title: 'Armenia and Azerbaijan trade blame over border firing near Sotk',
  text: 'Nov 25 (Reuters) - Armenia and Azerbaijan accused each other on Tuesday of opening fire near the village of Sotk on their disputed border overnight.\n\nArmenia said two of its servicemen were wounded; Azerbaijan said five Armenian servicemen were killed and that it suffered no losses.\n\nNeither account could be independently verified.',
  claims: [
    {
      claimant: 'Reuters',
      statement:
        'Armenia said two of its servicemen were wounded; Azerbaijan said five Armenian servicemen were killed and that it suffered no losses.',
    },
  ],
});

export const unrelatedNaval: Brief = buildBrief({
  key: 'naval-1',
  outlet: 'Naval News',
  domain: 'navalnews.com',
  country: 'France',
  kind: 'independent',
  publishedAt: '2026-11-25T10:00:00Z',
  title: 'Second Type 054B frigate joins the fleet in Qingdao',
  text: 'The second Type 054B frigate was commissioned into the Northern Theater Command navy at Qingdao on Tuesday, state television showed.\n\nThe ship carries a 32-cell vertical launch system and a new radar, analysts said.',
});

export const unrelatedSameRegion: Brief = buildBrief({
  key: 'am-gov-2',
  outlet: 'Armenpress',
  domain: 'armenpress.am',
  country: 'Armenia',
  kind: 'state-controlled',
  publishedAt: '2026-11-24T15:00:00Z',
  title: 'Armenia signs contract for 24 howitzers with India',
  text: 'YEREVAN. Armenia signed a contract with Bharat Forge for 24 ATAGS howitzers worth about $155 million, Defence Minister Suren Papikyan said on Monday.\n\nDeliveries will begin in 2027, he said.',
});
