import { analyzeQuestion } from './question.ts';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../text/fold.ts';
import { detectIntent, intentsOutsideTitle } from './intent.ts';

describe('detectIntent', () => {
  it.each([
    ['Đăng ký khai sinh cần giấy tờ gì?', ['papers']],
    ['Hồ sơ gồm những gì ạ?', ['papers']],
    ['Tôi cần chuẩn bị gì để làm hộ chiếu?', ['papers']],
    ['Lệ phí cấp hộ chiếu là bao nhiêu?', ['fee']],
    ['Làm căn cước có mất tiền không?', ['fee']],
    ['Phí thẩm định là bao nhiêu, có được giảm không?', ['fee']],
    ['Đổi bằng lái tốn bao nhiêu?', ['fee']],
    ['Cấp phiếu lý lịch tư pháp mất bao lâu?', ['time']],
    ['Mấy ngày thì có?', ['time']],
    ['Khi nào có kết quả?', ['time']],
    ['Nộp hồ sơ ở đâu?', ['place']],
    ['Cơ quan nào giải quyết?', ['place']],
    ['Thủ tục đăng ký kết hôn như thế nào?', ['steps']],
    ['Các bước đăng ký thường trú', ['steps']],
    ['Có nộp online được không?', ['channels']],
    ['Gửi qua bưu điện được không?', ['channels']],
    ['Điều kiện cấp giấy phép lái xe', ['conditions']],
    ['Thủ tục này căn cứ theo quy định nào?', ['legal_basis']],
    ['Làm xong thì được cấp gì?', ['result']],
    ['Chủ tịch xã giải quyết xong thì ra văn bản gì?', ['result']],
    ['Ai được đăng ký tạm trú?', ['who']],
    ['Đăng ký khai sinh', ['overview']],
  ])('%s → %j', (question, expected) => {
    expect(detectIntent(question)).toEqual(expected);
  });

  it('orders intents by where they are asked', () => {
    expect(detectIntent('Thời hạn và lệ phí cấp hộ chiếu?')).toEqual(['time', 'fee']);
    expect(detectIntent('Lệ phí và thời hạn cấp hộ chiếu?')).toEqual(['fee', 'time']);
  });

  it('reads questions typed without diacritics the same way', () => {
    for (const q of ['Đăng ký khai sinh cần giấy tờ gì?', 'Lệ phí bao nhiêu tiền?', 'Mất bao lâu?', 'Nộp ở đâu?', 'Có nộp trực tuyến được không?']) {
      expect(detectIntent(foldDiacritics(q))).toEqual(detectIntent(q));
    }
    expect(detectIntent('con lau khong')).toEqual(['time']);
  });

  it('lets the longer phrase decide: a result date is a deadline, a budget is not a fee', () => {
    expect(detectIntent('Bao giờ có kết quả?')).toEqual(['time']);
    expect(detectIntent('Kinh phí thực hiện kế hoạch')).toEqual(['overview']);
  });

  it('reads "mất" in "mất mấy ngày", "mất phí" as the deadline or fee asked, not as "lost"', () => {
    expect(detectIntent('mất mấy ngày?')).toEqual(['time']);
    expect(detectIntent('có mất phí không?')).toEqual(['fee']);
    expect(analyzeQuestion('mất mấy ngày?').content).toEqual([]);
  });
});

describe('intentsOutsideTitle', () => {
  it('sets aside a cue that is a word of the procedure\'s name', () => {
    const q = analyzeQuestion('Đăng ký dự kiểm tra kết quả tập sự hành nghề công chứng phải nộp bao nhiêu?');
    expect(q.intents).toEqual(['result']);
    expect(intentsOutsideTitle(q, q.intents, 'Đăng ký tham dự kiểm tra  kết quả tập sự hành nghề công chứng')).toEqual(['overview']);
  });

  it('keeps a cue asked outside the name, even when the name holds it too', () => {
    const q = analyzeQuestion('gia hạn thời hạn sử dụng đất mất bao lâu, cần giấy tờ gì');
    expect(intentsOutsideTitle(q, q.intents, 'Gia hạn thời hạn sử dụng đất')).toEqual(q.intents.filter((i) => i === 'time' || i === 'papers'));
    expect(intentsOutsideTitle(q, q.intents, 'Gia hạn thời hạn sử dụng đất')).toContain('papers');
  });
});
