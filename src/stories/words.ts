/** Function words and the reporting vocabulary every news item shares: they say nothing about which event it is. */
const STOPWORDS = new Set(
  `a about above across after again against all almost also although always am among an and another any are around as
  at be became because been before being below between both but by can could did do does doing done down during each
  either else even ever every few for from further had has have having he her here hers herself him himself his how
  however i if in into is it its itself just least less many may me might more most much must my near nearly neither
  no nor not now of off on once one only onto or other others our ours out over own per perhaps rather same several
  she should since so some still such than that the their theirs them themselves then there these they this those
  though through thus to too toward towards under until up upon us very via was we were what whatever when where
  whether which while who whom whose why will with within without would yet you your
  said says say saying told tell added adding according reported reports report reporting stated statement
  announced noted claimed claims claim confirmed called described news agency official officials source sources
  spokesperson spokesman spokeswoman ministry minister government day days week weeks today yesterday tonight
  morning evening night overnight earlier later last next new recent recently time times year years month months
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december first second third two three four five six seven eight nine ten`.split(/\s+/),
);

function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A light suffix stripper: "drones"/"drone", "struck"/"strike" stay apart, but plurals and -ing/-ed forms meet. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('es') && /(?:ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  return word;
}

/** Letters without accents, lower case: "Türkiye" and "Turkiye" are one word. */
export function foldCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/** Content words of a text, folded and stemmed, without stopwords or words under three letters. */
export function contentWords(text: string): string[] {
  return (foldCase(text).match(/[\p{L}][\p{L}\p{N}'-]*[\p{L}\p{N}]|\p{L}/gu) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length >= 3 && !isStopword(w))
    .map(stem);
}
