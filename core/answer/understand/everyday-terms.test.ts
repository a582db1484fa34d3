import { describe, expect, it } from 'vitest';
import { contentUnits, coverage, passageTerms } from '../retrieve/coverage.ts';
import { EVERYDAY_OFFICIAL, everydayExpansions, withEverydayTerms } from './everyday-terms.ts';
import { analyzeQuestion } from './question.ts';

describe('officials\' everyday words', () => {
  it('loads the table from prompts/cues as dictionary entries', () => {
    expect(EVERYDAY_OFFICIAL.length).toBeGreaterThan(20);
    expect(EVERYDAY_OFFICIAL.every((e) => e.kind === 'everyday' && e.official.length > 0)).toBe(true);
  });

  it('expands everyday words to official ones, typed with or without diacritics', () => {
    expect(everydayExpansions('Phần mềm diệt virus xử lý bao nhiêu file?')).toEqual(expect.arrayContaining(['phòng chống mã độc', 'tệp tin']));
    expect(everydayExpansions('phan mem diet virus')).toContain('phòng chống mã độc');
    expect(everydayExpansions('Kế hoạch chuyển đổi số năm 2025')).toEqual([]);
  });

  it('makes a passage in official words cover the everyday question', () => {
    const question = 'Phần mềm diệt virus đã xử lý bao nhiêu file?';
    const passage = passageTerms('Phần mềm phòng chống mã độc đã phát hiện và xử lý 99.694 tệp tin chứa mã độc.');
    const plain = analyzeQuestion(question);
    const everyday = withEverydayTerms(plain);
    expect(everyday.terms.length).toBeGreaterThan(plain.terms.length);
    expect(coverage(contentUnits(everyday), passage)).toBeGreaterThan(coverage(contentUnits(plain), passage));
    expect(coverage(contentUnits(everyday), passage)).toBe(1);
  });

  it('adds its official phrases to a dictionary term over the same words, and leaves a question without everyday words as it was', () => {
    const q = withEverydayTerms(analyzeQuestion('Khám bệnh bằng căn cước gắn chip được chưa?'));
    const chip = q.terms.find((t) => t.match.entry.term === 'căn cước gắn chip')!;
    expect(chip.match.entry.official).toEqual(expect.arrayContaining(['thẻ căn cước', 'cccd gắn chip']));
    const plain = analyzeQuestion('Kế hoạch chuyển đổi số năm 2025 số mấy?');
    expect(withEverydayTerms(plain)).toBe(plain);
  });
});
