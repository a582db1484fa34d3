import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  abbreviateSpeltOut, abbreviationsIn, createTermMatcher, DICTIONARY, expandTerms, matchTerms, parseDictionary, spellOutAbbreviations, type DictionaryEntry,
} from './dictionary.ts';
import { normalizeText } from './normalize.ts';

const GCN = 'giấy chứng nhận quyền sử dụng đất';

describe('expandTerms', () => {
  it('expands CCCD in any case to the official terms', () => {
    for (const q of ['làm lại CCCD', 'làm lại cccd', 'Cccd bị mất']) {
      expect(expandTerms(q)).toEqual(['căn cước công dân', 'thẻ căn cước']);
    }
  });

  it('expands the everyday names of vehicle papers and of claiming on someone\'s behalf', () => {
    expect(expandTerms('mất cà vẹt xe máy')).toContain('chứng nhận đăng ký xe');
    expect(expandTerms('huy dang ky xe')).toEqual(['thu hồi chứng nhận đăng ký xe, biển số xe']);
    expect(expandTerms('nhờ con lĩnh thay lương hưu')).toEqual(['ủy quyền lĩnh thay']);
    expect(expandTerms('dang ky xe may moi mua')).toContain('đăng ký xe lần đầu');
    expect(expandTerms('khai thác nước giếng khoan')).toEqual(['nước dưới đất']);
    expect(expandTerms('dang ky ket hon voi nguoi Han Quoc')).toContain('có yếu tố nước ngoài');
    // A nationality matches as written: "người lao động" is no "người Lào".
    expect(expandTerms('Người lao động đi làm việc ở nước ngoài')).toEqual([]);
    expect(expandTerms('tiếp nhận thay đổi thông tin')).toEqual([]);
  });

  it('expands everyday words with or without diacritics', () => {
    expect(expandTerms('làm sổ đỏ mất bao lâu')).toEqual(['cấp giấy chứng nhận quyền sử dụng đất']);
    expect(expandTerms('so do bi mat')[0]).toBe(GCN);
    expect(expandTerms('Sổ hồng')).toContain(GCN);
    expect(expandTerms('dat tho cu')).toEqual(['đất ở']);
    expect(expandTerms('chuyển hộ khẩu')).toEqual(['đăng ký thường trú']);
    expect(expandTerms('đổi bằng lái xe')).toEqual(['giấy phép lái xe']);
  });

  it('names the catalog procedure behind everyday words: thế chấp, sửa năm sinh, làm hộ chiếu', () => {
    expect(expandTerms('đăng ký thế chấp quyền sử dụng đất')[0]).toBe('biện pháp bảo đảm');
    expect(expandTerms('sua ngay sinh trong giay khai sinh')).toContain('cải chính hộ tịch');
    expect(expandTerms('Làm hộ chiếu mất bao lâu')).toEqual(['cấp hộ chiếu phổ thông']);
  });

  it('says everyday names the way the catalog writes them: máy bay, a neighbour country, a foreign partner, a first issue', () => {
    expect(expandTerms('thuê máy bay của nước ngoài')).toContain('tàu bay');
    expect(expandTerms('Tôi đi Lào làm việc')).toContain('Cộng hòa dân chủ nhân dân Lào');
    expect(expandTerms('đối tác nước ngoài')).toContain('tổ chức, cá nhân nước ngoài');
    expect(expandTerms('làm thẻ lần đầu')).toContain('cấp mới');
  });

  it('reads a country only in capitals: "lao động" is no Lào', () => {
    expect(expandTerms('xuat khau lao dong')).toEqual([]);
    expect(expandTerms('hợp đồng lao động')).toEqual([]);
  });

  it('requires typed diacritics to match, so "sơ đồ" is not "sổ đỏ"', () => {
    expect(expandTerms('sơ đồ tổ chức')).toEqual([]);
  });

  it('matches case-sensitive symbols only in capitals', () => {
    expect(expandTerms('ứng dụng AI trong cải cách hành chính')).toContain('trí tuệ nhân tạo');
    expect(expandTerms('ai ký quyết định này')).toEqual([]);
  });

  it('prefers the longest term at a position', () => {
    expect(matchTerms('Sở KH&CN').map((m) => m.entry.term)).toEqual(['KH&CN']);
    expect(matchTerms('nộp ở bộ phận một cửa').map((m) => m.entry.term)).toEqual(['bộ phận một cửa']);
  });

  it('matches symbols inside document numbers', () => {
    expect(abbreviationsIn('Kế hoạch số 83/KH-UBND ngày 04/6/2021').map((e) => e.term)).toEqual(['KH', 'UBND']);
    expect(expandTerms('Nghị quyết 14/2021/NQ-HĐND')).toEqual(['nghị quyết', 'Hội đồng nhân dân']);
  });

  it('does not match a phrase across punctuation', () => {
    expect(matchTerms('sổ. Đỏ')).toEqual([]);
  });

  it('returns each official phrase once', () => {
    expect(expandTerms('CCCD và căn cước gắn chip, CCCD')).toEqual(['căn cước công dân', 'thẻ căn cước', 'thẻ căn cước công dân gắn chíp điện tử']);
  });
});

describe('matchTerms', () => {
  it('reports spans in the normalised text', () => {
    const text = 'Xin cấp GPXD tại UBND huyện';
    const spans = matchTerms(text).map((m) => normalizeText(text).slice(m.start, m.end));
    expect(spans).toEqual(['GPXD', 'UBND']);
  });
});

describe('abbreviationsIn', () => {
  it('lists abbreviations only, not everyday words', () => {
    expect(abbreviationsIn('Cấp sổ đỏ, đóng BHXH và BHYT').map((e) => e.term)).toEqual(['BHXH', 'BHYT']);
  });
});

describe('DICTIONARY', () => {
  const byTerm = new Map(DICTIONARY.map((e) => [e.term, e]));

  it('has at least 60 entries with unique terms', () => {
    expect(DICTIONARY.length).toBeGreaterThanOrEqual(60);
    expect(byTerm.size).toBe(DICTIONARY.length);
  });

  it.each([
    ['CCCD', 'căn cước công dân'], ['CMND', 'chứng minh nhân dân'], ['UBND', 'Ủy ban nhân dân'],
    ['HĐND', 'Hội đồng nhân dân'], ['TTHC', 'thủ tục hành chính'], ['GPXD', 'giấy phép xây dựng'],
    ['BHYT', 'bảo hiểm y tế'], ['BHXH', 'bảo hiểm xã hội'], ['KH&CN', 'khoa học và công nghệ'],
    ['KHCN', 'khoa học và công nghệ'], ['sổ đỏ', GCN], ['sổ hồng', GCN], ['hộ khẩu', 'thường trú'],
    ['giấy khai sinh', 'đăng ký khai sinh'], ['giấy đăng ký kết hôn', 'đăng ký kết hôn'],
    ['bằng lái', 'giấy phép lái xe'], ['GPLX', 'giấy phép lái xe'], ['MST', 'mã số thuế'],
    ['ĐKKD', 'đăng ký kinh doanh'], ['VPĐKĐĐ', 'Văn phòng đăng ký đất đai'], ['CĐS', 'chuyển đổi số'],
    ['AI', 'trí tuệ nhân tạo'], ['DVCTT', 'dịch vụ công trực tuyến'], ['đất thổ cư', 'đất ở'],
    ['một cửa', 'Bộ phận Một cửa'], ['giấy phép kinh doanh', 'giấy chứng nhận đăng ký doanh nghiệp'],
  ])('maps %s to "%s"', (term, official) => {
    expect(byTerm.get(term)?.official).toContain(official);
  });

  it('is stored in NFC', () => {
    for (const e of DICTIONARY) {
      for (const s of [e.term, ...e.official, e.note ?? '']) expect(s).toBe(s.normalize('NFC'));
    }
  });

  it('finds every entry by its own term', () => {
    for (const e of DICTIONARY) expect(matchTerms(e.term).map((m) => m.entry.term)).toEqual([e.term]);
  });
});

describe('createTermMatcher', () => {
  it('matches only the entries it is given', () => {
    const entries: DictionaryEntry[] = [{ term: 'TTHC', official: ['thủ tục hành chính'], kind: 'abbreviation' }];
    const matcher = createTermMatcher(entries);
    expect(matcher.expand('TTHC và CCCD')).toEqual(['thủ tục hành chính']);
    expect(matcher.abbreviations('tthc')).toEqual(entries);
  });
});

describe('spellOutAbbreviations', () => {
  it('spells out capitalised abbreviations written as words of their own, as catalog titles use them', () => {
    expect(spellOutAbbreviations('Đăng ký, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH')).toBe('Đăng ký, điều chỉnh đóng bảo hiểm xã hội tự nguyện; cấp sổ bảo hiểm xã hội');
    expect(spellOutAbbreviations('Giải quyết hưởng trợ cấp nghỉ DSPHSK sau ốm đau, thai sản, TNLĐ, BNN'))
      .toBe('Giải quyết hưởng trợ cấp nghỉ dưỡng sức phục hồi sức khỏe sau ốm đau, thai sản, tai nạn lao động, bệnh nghề nghiệp');
  });

  it('writes spelt-out phrases back as their abbreviation, with or without diacritics', () => {
    expect(abbreviateSpeltOut('đóng bảo hiểm xã hội tự nguyện')).toBe('đóng BHXH tự nguyện');
    expect(abbreviateSpeltOut('the bao hiem y te')).toBe('the BHYT');
    expect(abbreviateSpeltOut('đăng ký khai sinh')).toBe('đăng ký khai sinh');
  });

  it('leaves document numbers, lower-case words and everyday terms as written', () => {
    expect(spellOutAbbreviations('theo Nghị định số 50/2026/NĐ-CP')).toBe('theo Nghị định số 50/2026/NĐ-CP');
    expect(spellOutAbbreviations('đóng bhxh')).toBe('đóng bhxh');
    expect(spellOutAbbreviations('Cấp lại sổ đỏ')).toBe('Cấp lại sổ đỏ');
  });
});

describe('parseDictionary', () => {
  it('accepts well-formed entries and normalises them to NFC', () => {
    const [entry] = parseDictionary([{ term: 'ho\u0302\u0323 kha\u0302\u0309u'.normalize('NFD'), official: ['thường trú'], kind: 'everyday' }]);
    expect(entry?.term).toBe('hộ khẩu');
  });

  it('rejects a malformed entry with an INTERNAL AppError naming it', () => {
    const bad = () => parseDictionary([{ term: 'CCCD', official: ['căn cước'], kind: 'abbreviation' }, { term: 'X', official: [], kind: 'abbreviation' }]);
    expect(bad).toThrowError(AppError);
    expect(bad).toThrowError(/entry 1/);
    expect(() => parseDictionary({})).toThrowError(/array/);
  });
});
