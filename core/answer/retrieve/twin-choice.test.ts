import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../understand/question.ts';
import { chooseAmongTwins, sharedLead } from './twin-choice.ts';

const WORKERS = 'Cấp giấy thông hành biên giới Việt Nam – Lào cho công dân Việt Nam làm việc trong các cơ quan, tổ chức, doanh nghiệp có trụ sở tại tỉnh có chung đường biên giới với Lào';
const RESIDENTS = 'Cấp giấy thông hành biên giới Việt Nam - Lào cho công dân Việt Nam có hộ khẩu thường trú ở tỉnh có chung đường biên giới với Lào (thực hiện tại cấp tỉnh)';

describe('chooseAmongTwins', () => {
  const twins = [{ title: RESIDENTS, score: 1.0, preference: 0 }, { title: WORKERS, score: 0.9, preference: 0 }];

  it('chooses the twin whose own words the question says ("tại tỉnh" of the workers\' pass)', () => {
    expect(chooseAmongTwins(analyzeQuestion('Tôi làm ở công ty tại tỉnh giáp Lào, xin giấy thông hành biên giới Việt Nam – Lào thì lệ phí bao nhiêu?'), twins, 0)).toBe(1);
  });

  it('keeps the best when the question says the best\'s own words, or neither twin\'s', () => {
    expect(chooseAmongTwins(analyzeQuestion('Tôi có hộ khẩu thường trú ở tỉnh giáp Lào, xin giấy thông hành biên giới thì lệ phí bao nhiêu?'), twins, 0)).toBe(0);
    expect(chooseAmongTwins(analyzeQuestion('giấy thông hành biên giới Việt Nam Lào lệ phí bao nhiêu'), twins, 0)).toBe(0);
  });

  it('weighs only twins: a name sharing few leading words, or one scored far below, is left alone', () => {
    const q = analyzeQuestion('Tôi làm ở công ty tại tỉnh giáp Lào, xin giấy thông hành thì lệ phí bao nhiêu?');
    expect(chooseAmongTwins(q, [{ title: RESIDENTS, score: 1.0, preference: 0 }, { title: WORKERS, score: 0.5, preference: 0 }], 0)).toBe(0);
    expect(chooseAmongTwins(q, [{ title: RESIDENTS, score: 1.0, preference: 0 }, { title: 'Cấp giấy phép lao động cho người làm việc tại tỉnh', score: 0.95, preference: 0 }], 0)).toBe(0);
    expect(chooseAmongTwins(q, [{ title: RESIDENTS, score: 1.0, preference: 0 }, { title: WORKERS, score: 0.9, preference: -0.12 }], 0)).toBe(0);
    expect(sharedLead(['cap', 'giay', 'thong'], ['cap', 'giay', 'phep'])).toBe(2);
  });
});
