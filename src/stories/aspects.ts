/** Aerial munitions: what an interception or a "destroyed" of air defence is about. */
const MUNITION = '(?:drones?|missiles?|rockets?|uavs?|projectiles?|targets?)';

/**
 * Points of an event that outlets of opposite sides tell differently, each with the values a report
 * can give it. Two reports of one story that give different values of one aspect conflict. Values
 * are tried in the order listed and what one matches is taken out before the next is tried, so a
 * negated form listed first ("not disrupted") is not read again as its opposite ("disrupted").
 * An aspect with a marker is read only from a text that has the marker. Labels are our own neutral
 * words; the patterns are the English of news reports and official statements.
 */
export const ASPECTS = {
  strike: {
    subject: 'Whether the target was hit',
    values: {
      intercepted: new RegExp(
        `\\b(?:intercepted|interceptions?|shot down|downed|neutrali[sz]ed|debris|thwarted|(?:destroyed|eliminated)\\s+(?:\\S+\\s+){0,4}${MUNITION}|${MUNITION}\\s+(?:\\S+\\s+){0,5}?(?:were|was|had been|have been)\\s+(?:destroyed|eliminated)|no (?:\\w+ )?damage (?:was |had been |has been )?(?:reported|caused)|caused no damage|without (?:causing )?(?:any )?damage)\\b`,
        'i',
      ),
      hit: new RegExp(
        `\\b(?:struck|hit|hitting|explosions?\\s+(?:at|on|were|was|rocked)|damaged|set (?:on )?fire|ablaze|(?:a|large|major)\\s+fire\\s+(?:at|broke out|erupted)|destroyed\\s+(?!(?:\\S+\\s+){0,4}${MUNITION}\\b))`,
        'i',
      ),
    },
  },
  operations: {
    subject: 'Whether operations continued',
    values: {
      normal:
        /\b(?:continu(?:ed|es|ing) to (?:operate|work|function)|operat(?:ing|ed|es) (?:normally|as usual)|(?:was|were|is|are|has been|have been|remained?) (?:not|un)(?: )?(?:disrupted|affected|interrupted|halted|stopped|damaged)|without (?:any )?(?:disruption|interruption)|no (?:disruption|interruption)s?|resumed|back to normal|fully operational)\b/i,
      stopped:
        /\b(?:halt(?:ed|ing)?|suspended|shut down|out of (?:service|action|operation)|knocked out|disrupted|(?:production|operations?|work|output|traffic|flights)\s+(?:had |has |have |was |were )?(?:stopped|halted|ceased|suspended))\b/i,
    },
  },
  character: {
    subject: 'How the activity was described',
    values: {
      routine:
        /\b(?:routine|regular|scheduled|planned (?:long )?in advance|pre-planned|defensive in nature|annual (?:exercise|drill)s?)\b/i,
      provocation: /\b(?:provocat(?:ion|ions|ive)|escalat(?:ion|ory)|aggressi(?:on|ve)|intimidat(?:ion|e|ing))\b/i,
    },
  },
  security: {
    subject: 'Effect on peace and security',
    values: {
      harmless:
        /\b(?:no (?:adverse )?(?:effect|impact|threat) (?:on|to) (?:the )?(?:\w+ ){0,2}(?:security|peace|stability)|poses? no threat|not (?:directed|aimed) at|(?:help|assist)\w* (?:in |to )?maintain\w* (?:\w+,? ){0,5}?(?:peace|stability|balance)|contribut\w+ to (?:\w+ ){0,3}(?:peace|stability))\b/i,
      harmful:
        /\b(?:threat\w*\s+(?:to\s+)?(?:the\s+)?(?:\w+\s+)?(?:peace|stability|security)|undermin\w+ (?:\w+ ){0,3}(?:peace|stability|security)|destabili[sz]\w*|jeopardi[sz]\w* (?:\w+ ){0,2}(?:peace|stability))/i,
    },
  },
  test: {
    subject: 'Outcome of the test',
    marker: /\b(?:test(?:-fire|ed|s)?|launch(?:ed|es)?|fired|warhead|flight path|flew)\b/i,
    values: {
      failed:
        /\b(?:broke(?:n)? apart|(?:exploded|blew up|disintegrated) (?:shortly |soon )?after|in mid-?(?:air|flight)|failed|failure|crashed|fell short)\b/i,
      succeeded:
        /\b(?:(?:precisely |accurately )?hit (?:the |its )?(?:\w+ )?target|successful(?:ly)?|landed (?:in|within) the target)\b/i,
    },
  },
  supply: {
    subject: 'Whether weapons were supplied',
    marker: /\b(?:weapons?|drones?|uavs?|missiles?|arms|components|parts|munitions|shells)\b/i,
    values: {
      denied:
        /\b(?:never (?:\w+ )?(?:supplied|sent|transferred|provided|delivered|shipped|sold)|(?:has|have|had|did) not (?:\w+ )?(?:supplied|sent|transferred|provided|delivered|shipped)|entirely (?:indigenous|domestic|home-?grown))\b/i,
      supplied: /\b(?:transferred|supplied|delivered|shipped|procur(?:ed|ing)|sourc(?:ed|ing))\b/i,
    },
  },
  legality: {
    subject: 'Whether it was lawful',
    values: {
      unlawful: /\b(?:smuggl\w*|illegal(?:ly)?|illicit(?:ly)?|unlawful(?:ly)?|contraband)\b/i,
      lawful:
        /\b(?:lawful(?:ly)?|legal(?:ly)?|legitimate(?:ly)?|in (?:line|accordance|compliance) with (?:international )?(?:law|rules|regulations)|in international waters|correct documentation)\b/i,
    },
  },
  interference: {
    subject: 'Whether it was interfered with',
    values: {
      unimpeded:
        /\b(?:not impeded|unimpeded|without (?:any )?(?:incident|interference|interruption)|nothing unusual|no unusual|safe(?:ly)? and professional(?:ly)?)\b/i,
      expelled:
        /\b(?:dr(?:ove|iven) (?:it |them |the \w+ )?(?:away|off|out)|expelled|chased (?:it |the \w+ )?(?:away|off)|forced (?:it |the \w+ )?to (?:leave|turn back|change course)|warned (?:it |the \w+ )?(?:off|away))\b/i,
    },
  },
  target: {
    subject: 'What was targeted',
    marker:
      /\b(?:target\w*|struck|hit|strike|attack\w*|shell\w*|bomb\w*|fire|(?:was|were) (?:a|an|purely|entirely|only))\b/i,
    values: {
      military:
        /\b(?:(?:weapons?|munitions?|military|missile|rocket|launch(?:ing)?|storage|production|ammunition) (?:site|depot|facility|facilities|infrastructure|launchers?|components|stores?)|military (?:targets?|posts?|positions?|bases?|objects?|facilit(?:y|ies))|(?:army )?posts (?:from which|used)|command (?:cent(?:er|re)|post)|training (?:cent(?:er|re)|camp|ground)|barracks|(?:\w+ )?site used to)\b/i,
      civilian:
        /\b(?:farm|livestock|residential|civilian (?:homes?|houses?|buildings?|areas?|population|cars?|vehicles?|infrastructure|targets?)|homes?|houses|school|hospital|mosque|church|market)\b/i,
    },
  },
  victims: {
    subject: 'Who the dead were',
    marker: /\b(?:killed|dead|martyr\w*|died|eliminated|victims?|bodies|men|served|belonged|one of the)\b/i,
    values: {
      combatants:
        /\b(?:terrorists?|militants?|operatives?|fighters?|commanders?|combatants?|members? of (?:the )?\p{Lu}\w+|(?:\p{Lu}\w+ )?(?:Force|Brigades?) (?:member|commander)s?)\b/iu,
      civilians:
        /\b(?:civilians?|residents?|municipal (?:worker|employee)s?|farmers?|passers?-by|children|women|shepherds?|fishermen)\b/i,
    },
  },
  novelty: {
    subject: 'Whether it is new',
    values: {
      variant:
        /\b(?:variant|upgraded version|modified version|(?:not|rather than|instead of) a new|derivative|(?:all but |nearly |virtually )?identical to)\b/i,
      new: /\b(?:new[- ]type|newly[- ]developed|new (?:design|model|weapon system)|first (?:test|launch|flight) of (?:a|the|its) new)\b/i,
    },
  },
  motive: {
    subject: 'Why it was done',
    values: {
      pretext: /\b(?:pretext|excuse (?:to|for)|as cover for)\b/i,
      response: /\b(?:punish(?:ment)?|warning to|deterrent|in response to|retaliation for)\b/i,
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
        /\b(?:(?:an|the) accident|accidental(?:ly)?|malfunction(?:ed|ing)?|technical (?:fault|failure|problem|malfunction)|short circuit|negligence|careless(?:ness)?|faulty|mishap|pilot error|(?:torn loose|lost|dragged) (?:\w+ ){0,3}(?:in|by|during) a storm)\b/i,
      deliberate:
        /\b(?:sabotage|deliberate(?:ly)?|intentional(?:ly)?|on purpose|act of war|(?:caused by|due to|result(?:ed)? (?:of|from)|because of|triggered by) (?:an? |the )?(?:\w+ )?(?:attack|strike|drone|missile|rocket|shelling))\b/i,
    },
  },
} as const;

export type AspectName = keyof typeof ASPECTS;

/**
 * What other events and running totals are told with: "since the truce", "last week", "two days
 * after", "so far this year". Their counts and outcomes are not this event's.
 */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const BACKGROUND = new RegExp(
  `\\b(?:since (?:the|its|it|\\d{4}|${MONTHS})|so far (?:this|in)|(?:last|earlier this|previous|past) (?:week|month|year)s?|in recent (?:days|weeks|months|years)|(?:days?|weeks?|months?|years?) (?:after|before|earlier|ago)|last (?:fired|launched|tested)|tally|cumulative|to date|in (?:${MONTHS})(?! \\d))\\b`,
);

/** A sentence that reports a denial is the opposite of what it denies. */
export const DENIAL =
  /\b(?:denied|denies|deny|dismissed|rejected|refuted|baseless|untrue|fabricated|false (?:claim|report)s?|no truth)\b/i;

/** Verbs of starting a clash; the country named before them is who the report says started it. */
export const STARTED =
  /\b(?:initiated|started|began|opened fire|resorted to|violated|launched an? (?:unprovoked )?(?:attack|assault|offensive)|fired first|provoked)\b/i;

/** What a count of people means when a casualty word stands near it. */
export const CASUALTY = {
  killed:
    /\b(?:kill(?:ed|ing)?|dead|deaths?|died|fatalit(?:y|ies)|lost (?:their|his|her) lives|loss(?:es)? of life|martyr(?:ed|dom)|embraced (?:shahadat|martyrdom)|eliminated)\b/i,
  injured: /\b(?:wounded|injur(?:ed|ies|y)|hurt|hospitali[sz]ed|taken to (?:a |the )?hospital|burns)\b/i,
  any: /\b(?:casualt(?:y|ies)|loss(?:es)?|harmed|unharmed)\b/i,
} as const;

/** Counted things that are people, so a count of them near a casualty word is a casualty count. */
export const PERSON_NOUNS = new Set(
  `soldier civilian people militant fighter worker employee child children woman women man men officer policeman
  police sailor pilot crew casualty casualtie death injury loss losse member guard marine recruit volunteer prisoner
  hostage detainee settler`.split(/\s+/),
);
