import { describe, expect, it } from 'vitest';
import { docIdFor } from './ids.ts';

describe('docIdFor', () => {
  it('keeps an already URL-safe source id as it is', () => {
    expect(docIdFor('1.000178')).toBe('1.000178');
  });
  it('folds Vietnamese and adds a hash when the slug is lossy', () => {
    const id = docIdFor('Luật Viên chức#5');
    expect(id).toMatch(/^luat-vien-chuc-5-[0-9a-f]{6}$/);
  });
  it('gives different ids to sources whose slugs collide', () => {
    expect(docIdFor('Luật A#1')).not.toBe(docIdFor('Luật A-1'));
    expect(docIdFor('Đường')).not.toBe(docIdFor('Duong'));
  });
  it('is deterministic', () => {
    expect(docIdFor('quang-ngai/Báo cáo.pdf')).toBe(docIdFor('quang-ngai/Báo cáo.pdf'));
  });
});
