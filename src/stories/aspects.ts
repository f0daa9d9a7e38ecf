/**
 * Points of an event that outlets of opposite sides tell differently, each with the values a report
 * can give it. Two reports of one story that give different values of one aspect conflict. Labels
 * are our own neutral words; the patterns are the English of news reports and official statements.
 */
export const ASPECTS = {
  strike: {
    subject: 'Whether the target was hit',
    values: {
      intercepted:
        /\b(?:intercept(?:ed|s|ion)?|shot down|shoot down|downed|neutrali[sz]ed|debris|wreckage|repelled|repulsed|thwarted|foiled|(?:destroyed|eliminated)\s+(?:\S+\s+){0,4}(?:drones?|missiles?|rockets?|uavs?)|(?:drones?|missiles?|rockets?|uavs?)\s+(?:\S+\s+){0,5}?(?:were|was|had been|have been)\s+(?:destroyed|eliminated))\b/i,
      hit: /\b(?:struck|hit|explosions?\s+(?:at|on|were|was|rocked)|damaged|set (?:on )?fire|ablaze|(?:a|large|major)\s+fire\s+(?:at|broke out|erupted)|destroyed\s+(?!(?:\S+\s+){0,4}(?:drones?|missiles?|rockets?|uavs?)\b))/i,
    },
  },
  operations: {
    subject: 'Whether operations continued',
    values: {
      normal:
        /\b(?:continu(?:ed|es|ing) to (?:operate|work|function)|operat(?:ing|ed|es) (?:normally|as usual)|(?:was|were|is|are|remained?) unaffected|no (?:disruption|interruption)s?|resumed|back to normal|fully operational)\b/i,
      stopped:
        /\b(?:halted|suspended|shut down|out of (?:service|action|operation)|knocked out|disrupted|(?:production|operations?|work|output|traffic|flights)\s+(?:had |has |have |was |were )?(?:stopped|halted|ceased|suspended))\b/i,
    },
  },
  character: {
    subject: 'How the activity was described',
    values: {
      routine:
        /\b(?:routine|regular|scheduled|planned (?:long )?in advance|pre-planned|defensive in nature|not (?:directed|aimed) at|annual (?:exercise|drill)s?)\b/i,
      provocation:
        /\b(?:provocat(?:ion|ions|ive)|escalat(?:ion|ory)|aggressi(?:on|ve)|destabili[sz]ing|intimidat(?:ion|e|ing)|threat(?:ens|ened|ening)? (?:to )?(?:regional |the region's )?(?:peace|stability|security))\b/i,
    },
  },
  territory: {
    subject: 'Control of the ground',
    values: {
      taken:
        /\b(?:captured|seized|took (?:control of|over)|taken (?:control of|over)|liberated|occupied|gained control|raised (?:the|its|their) flag|advanced (?:in|into|on|towards?))\b/i,
      held: /\b(?:repelled|repulsed|pushed back|beat back|fought off|held (?:the|their|its|our) (?:positions?|lines?|ground)|remains? under (?:\S+ )?control|failed to (?:capture|take|advance|break))\b/i,
    },
  },
  cause: {
    subject: 'What caused it',
    values: {
      accident:
        /\b(?:accident(?:al|ally)?|malfunction(?:ed|ing)?|technical (?:fault|failure|problem|malfunction)|short circuit|negligence|careless(?:ness)?|faulty|mishap|pilot error)\b/i,
      attack: /\b(?:attack(?:ed)?|strike|shelling|shelled|sabotage|deliberate(?:ly)?|drone|missile|rocket)\b/i,
    },
  },
} as const;

export type AspectName = keyof typeof ASPECTS;

/** Words that make a cause aspect a statement about the cause, not just a mention of an attack. */
export const CAUSE_MARKER =
  /\b(?:caused by|due to|result(?:ed)? (?:of|from)|because of|blamed|attributed to|triggered by|the cause|was sparked by)\b/i;

/** A sentence that reports a denial is the opposite of what it denies. */
export const DENIAL =
  /\b(?:denied|denies|deny|dismissed|rejected|refuted|baseless|untrue|fabricated|false (?:claim|report)s?|no truth)\b/i;

/** Verbs of starting a clash; the country named before them is who the report says started it. */
export const STARTED =
  /\b(?:initiated|started|began|opened fire|resorted to|violated|launched an? (?:unprovoked )?(?:attack|assault|offensive)|fired first|provoked)\b/i;

/** What a count of people means when a casualty word stands near it. */
export const CASUALTY = {
  killed: /\b(?:kill(?:ed|ing)?|dead|deaths?|died|fatalit(?:y|ies)|lost (?:their|his|her) lives|martyred)\b/i,
  injured: /\b(?:wounded|injur(?:ed|ies|y)|hurt|hospitali[sz]ed|taken to hospital|burns)\b/i,
  any: /\b(?:casualt(?:y|ies)|loss(?:es)?|harmed|unharmed)\b/i,
} as const;

/** Counted things that are people, so a count of them near a casualty word is a casualty count. */
export const PERSON_NOUNS = new Set(
  `soldier civilian people militant fighter worker employee child children woman women man men officer policeman
  police sailor pilot crew casualty casualtie death injury loss losse member guard marine recruit volunteer`.split(
    /\s+/,
  ),
);
