/**
 * One key for the spellings of one name across transliterations: "Kharkiv" and "Kharkov",
 * "Saltivka" and "Saltovka", "Luhansk" and "Lugansk", "Odesa" and "Odessa". The key is the name's
 * consonants (g read as h, w as v, doubled letters once); vowels are where transliterations differ.
 * Short names keep their spelling: with three consonants or fewer the skeleton would meet others.
 */
export function nameKey(folded: string): string {
  const skeleton = folded
    .replace(/[^a-z]/g, '')
    .replace(/g/g, 'h')
    .replace(/w/g, 'v')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/(..)\1+/g, '$1');
  return skeleton.length >= 4 ? `~${skeleton}` : folded;
}
