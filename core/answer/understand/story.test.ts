import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from './question.ts';
import { requestStart, storyOnlyWords } from './story.ts';

describe('the asker\'s story and the request', () => {
  it('opens the request at the last wish word, with or without diacritics', () => {
    const q = analyzeQuestion('Nhà tôi có giấy phép xây dựng rồi nhưng giờ muốn đổi thiết kế, xây thêm một tầng, xin điều chỉnh giấy phép thì mất bao lâu?');
    expect(q.tokens[requestStart(q)]!.token).toBe('xin');
    const bare = analyzeQuestion('rung keo nha toi bi bao quat do het, muon xa xuong kiem tra thiet hai thi mat may ngay');
    expect(bare.tokens[requestStart(bare)]!.folded).toBe('muon');
  });

  it('finds the words said only before the request', () => {
    const story = storyOnlyWords(analyzeQuestion('Rừng keo nhà tôi trồng bị bão quật đổ hết, muốn xã xuống kiểm tra thiệt hại thì mất mấy ngày?'));
    expect(story.has('keo')).toBe(true);
    expect(story.has('quat')).toBe(true);
    expect(story.has('kiem')).toBe(false);
    // A word said in the request too belongs to the request.
    const both = storyOnlyWords(analyzeQuestion('Đất nhà tôi bị sạt lở, muốn xin giao đất khác thì nộp ở đâu?'));
    expect(both.has('dat')).toBe(false);
    expect(both.has('lo')).toBe(true);
  });

  it('treats a question without a wish word as all request', () => {
    const q = analyzeQuestion('thủ tục đăng ký biển số cho xe đạp thường');
    expect(requestStart(q)).toBe(0);
    expect(storyOnlyWords(q).size).toBe(0);
    // "dinh" typed bare may be "đình": no wish word.
    expect(requestStart(analyzeQuestion('ho so dang ky dinh chinh thong tin'))).toBe(0);
  });
});
