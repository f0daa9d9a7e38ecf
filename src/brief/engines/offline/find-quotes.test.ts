import { describe, expect, it } from 'vitest';
import { findQuotes, maskQuotes } from './find-quotes.js';

describe('findQuotes', () => {
  it('finds curly, straight, guillemet and single quotations, without the marks or a trailing comma', () => {
    const text =
      '“We are ready,” he said. She called it "a dangerous game" and «a provocation». He said ‘we will not yield now’.';
    expect(findQuotes(text).map((q) => q.text)).toEqual([
      'We are ready',
      'a dangerous game',
      'a provocation',
      'we will not yield now',
    ]);
  });

  it('keeps apostrophes and short single-quoted words out', () => {
    expect(findQuotes('The soldiers’ families met at the ‘hub’ on Monday.')).toEqual([]);
  });

  it('runs an unclosed quotation to the end, as a paragraph whose quotation carries on', () => {
    expect(findQuotes('He said: “The first point is this.')).toEqual([
      { start: 9, end: 34, text: 'The first point is this.' },
    ]);
  });

  it('blanks quoted words so they are not read as attribution', () => {
    const text = '“I said nothing,” she said.';
    expect(maskQuotes(text, findQuotes(text))).toBe(`${'◊'.repeat(17)} she said.`);
  });
});
