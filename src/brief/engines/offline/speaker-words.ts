/** Word lists the offline engine reads speakers with. Lowercase; matched against lowercased words. */

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Titles, ranks and offices that stand before a name ("Rear Admiral", "Deputy Press Secretary"). */
export const TITLE_WORDS = words(`
  general major lieutenant colonel admiral rear vice brigadier captain commander sergeant marshal field
  minister secretary president prime deputy press spokesman spokeswoman spokesperson ambassador governor
  mayor chief director senator representative sen. rep. gen. col. lt. maj. adm. capt. cmdr. sgt. mr. mrs.
  ms. dr. prof. analyst program programme manager chairman chairwoman chair executive officer commissioner
  envoy king queen prince princess sheikh emir ayatollah pope premier chancellor speaker foreign defence
  defense interior finance opposition regional military secretary-general undersecretary attorney justice
  judge lord sir dame head leader lawmaker mp adviser advisor ceo cfo coo cto founder co-founder administrator
  president-elect
`);

/** Ranks and forms of address, which stay with a name ("Major General Mohammad Bagheri"). */
export const RANK_WORDS = words(`
  general major lieutenant colonel admiral rear vice brigadier captain commander sergeant marshal field
  gen. col. lt. maj. adm. capt. cmdr. sgt. mr. mrs. ms. dr. prof. sir dame lord sheikh ayatollah
`);

/** Offices after which "General" is part of the office, not a rank ("Secretary General"). */
export const OFFICES_BEFORE_GENERAL = words(
  'secretary attorney inspector director consul solicitor surgeon governor auditor',
);

/** Title words that only follow "of" ("Chief of Staff", "Secretary of State"). */
export const TITLE_AFTER_OF = words('staff state defence defense the');

/** Words that make a capitalized name an organisation, not a person. */
export const ORG_WORDS = words(`
  ministry department office forces force army navy marine marines corps guard guards command staff agency
  service services union council committee commission organisation organization authority authorities
  embassy mission party movement front brigade brigades group company corporation corp. inc. ltd industries
  systems aerospace dynamics technologies bank fund parliament government administration cabinet pentagon
  kremlin house times post news tv television radio daily herald journal gazette tribune institute
  university laboratory lab center centre court police presidency secretariat alliance coalition league association
  federation nations bureau directorate division regiment battalion fleet monitor observatory network
`);

/** People by role, as a descriptor's head noun ("a spokesman for …", "the commander"). */
export const PERSON_ROLES = words(`
  spokesman spokeswoman spokesperson commander general admiral colonel brigadier officer chief minister
  president official secretary ambassador envoy diplomat governor mayor analyst expert executive director
  manager lawmaker senator leader premier chancellor head aide adviser advisor source witness resident
  researcher professor negotiator prosecutor judge pilot captain engineer founder chairman chairwoman
  monitor observer representative administrator ceo
`);

/** Several people as speakers ("officials said", "rescue teams said"). */
export const GROUP_NOUNS = words(`
  officials sources analysts witnesses residents experts diplomats lawmakers teams medics doctors rescuers
  observers activists critics protesters investigators prosecutors soldiers militants commanders
  spokespeople representatives leaders ministers officers researchers engineers negotiators members
`);

/** Bodies by kind, as a descriptor's head noun ("the ministry", "Kostrana's army", "the movement"). */
export const ORG_NOUNS = words(`
  ministry department army military navy forces force service agency embassy mission movement group company
  firm shipbuilder manufacturer contractor government administration command council committee office
  alliance coalition bloc party organisation organization union court parliament cabinet presidency staff
  corps guard authority authorities police network broadcaster newspaper outlet bureau centre center
  institute monitor observatory militia
`);

/** Nouns for a body that can stand for any earlier organisation ("the movement said" after "Hamas …"). */
export const GENERIC_ORG_NOUNS = words(`
  movement group organisation organization service company firm shipbuilder manufacturer contractor force
  militia alliance bloc
`);

/** Ranks and roles that a "commander", "general" or "chief" may be. */
export const MILITARY_ROLES = words(`
  general admiral colonel brigadier commander major lieutenant captain marshal chief officer
`);
