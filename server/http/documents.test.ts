import { describe, expect, it } from 'vitest';
import { pageStart } from './documents.ts';

describe('pageStart', () => {
  it('starts a document that fits one page at its beginning', () => {
    expect(pageStart(12, 60, 9)).toBe(0);
    expect(pageStart(0, 60, -1)).toBe(0);
  });

  it('centres a page on the cited section, kept inside the document', () => {
    expect(pageStart(500, 3, 40)).toBe(39);
    expect(pageStart(500, 60, 100)).toBe(71);
    expect(pageStart(500, 60, 5)).toBe(0);
    expect(pageStart(500, 60, 499)).toBe(440);
  });

  it('starts at the beginning without a cited section, and at the asked offset (at most the end) when given', () => {
    expect(pageStart(500, 60, -1)).toBe(0);
    expect(pageStart(500, 60, 100, 300)).toBe(300);
    expect(pageStart(500, 60, 100, 900)).toBe(500);
  });
});
