import { describe, expect, it } from 'vitest';
import { procedureFacts, type ProcedureFacts } from '../../structure/procedure-facts.ts';
import { readProcedures } from '../../structure/testing/fixtures.ts';
import cues from '../../../prompts/cues/fee-notes.vi.json' with { type: 'json' };
import { chargeNote, feeOnDay, feeStatus } from './fee-facts.ts';
import { timeOnChannels } from './time-facts.ts';
import { placeLines } from './place-facts.ts';

const records = readProcedures();
const byCode = new Map(records.map((r) => [String(r.ma_thu_tuc), r]));
const facts = (code: string): ProcedureFacts => procedureFacts(byCode.get(code)!);
const text = (d: ReturnType<typeof feeOnDay>): string => [...d.groups.flatMap((g) => g.now), ...d.notes.map((n) => n.text)].join('\n');

describe('feeStatus', () => {
  it('places an entry on the day asked, end days included', () => {
    const e = { validFrom: '2025-07-01', validTo: '2026-12-31' };
    expect(feeStatus(e, '2026-12-31')).toBe('running');
    expect(feeStatus(e, '2027-01-01')).toBe('ended');
    expect(feeStatus(e, '2025-06-30')).toBe('upcoming');
    expect(feeStatus({}, '2026-12-07')).toBe('usual');
  });
});

describe('feeOnDay', () => {
  it('says an ended online rate has ended and gives the rate that applies (3.000347 on 2026-12-07)', () => {
    const d = feeOnDay(facts('3.000347').fees, '2026-12-07');
    expect(d.groups).toEqual([{ channels: ['Trực tuyến', 'Trực tiếp'], now: ['Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần'] }]);
    expect(d.notes).toEqual([{ channels: ['Trực tuyến'], text: 'mức 115.000 đồng/lần cấp (kể từ ngày 01/12/2023 đến hết ngày 31/12/2025) đã hết hiệu lực; nay áp dụng mức 135.000 đồng/lần' }]);
    expect(text(d)).not.toMatch(/miễn phí/iu);
  });

  it('applies the same rate while it runs, with its end date (3.000347 online on 2025-06-01)', () => {
    const d = feeOnDay(facts('3.000347').fees, '2025-06-01', ['Trực tuyến']);
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]!.now[0]).toBe('hiện áp dụng mức 115.000 đồng/lần cấp (kể từ ngày 01/12/2023 đến hết ngày 31/12/2025)');
    expect(d.groups[0]!.now[1]).toContain('135.000 đồng/lần');
    expect(d.notes).toEqual([]);
  });

  it('applies a running 50% with its end date, and after it says it ended (1.014063)', () => {
    const running = feeOnDay(facts('1.014063').fees, '2026-12-07', ['Trực tiếp']);
    expect(running.groups[0]!.now[0]).toBe('hiện áp dụng mức thu bằng 50% mức thu quy định (kể từ ngày 01/7/2025 đến hết ngày 31/12/2026)');
    const after = feeOnDay(facts('1.014063').fees, '2027-01-15', ['Trực tiếp']);
    expect(text(after)).toContain('50.000 đồng/thẻ căn cước');
    expect(after.notes.map((n) => n.text)).toEqual(['mức thu bằng 50% mức thu quy định (kể từ ngày 01/7/2025 đến hết ngày 31/12/2026) đã hết hiệu lực; nay áp dụng mức 50.000 đồng/thẻ căn cước']);
  });

  it('says what the other channels still show when a channel\'s only rate has ended (1.001456 online, 2026-12-07)', () => {
    const d = feeOnDay(facts('1.001456').fees, '2026-12-07', ['Trực tuyến']);
    expect(d.groups[0]!.now[0]).toMatch(/^mức 160\.000\/hộ chiếu, 320\.000đ\/hộ chiếu \(áp dụng đến hết ngày 31\/12\/2023\) đã hết hiệu lực; danh mục chỉ còn ghi mức 200\.000đ\/ hộ chiếu.* khi nộp trực tiếp$/u);
    const then = feeOnDay(facts('1.001456').fees, '2023-10-01');
    expect(then.groups.find((g) => g.channels.includes('Trực tuyến'))!.now[0]).toBe('hiện áp dụng mức 160.000/hộ chiếu; trường hợp cấp lại do bị hư hỏng hoặc bị mất: 320.000đ/hộ chiếu (áp dụng đến hết ngày 31/12/2023)');
    expect(then.groups.find((g) => g.channels.includes('Trực tiếp'))!.now.join(' ')).toContain('200.000đ/ hộ chiếu');
  });

  it('says the HĐND sets the fee, never "miễn phí", with the exemptions (1.000656)', () => {
    const d = feeOnDay(facts('1.000656').fees, '2026-12-07');
    expect(d.hdnd).toBe(true);
    expect(d.groups[0]!.now).toEqual(['mức lệ phí do Hội đồng nhân dân (HĐND) tỉnh quyết định']);
    expect(text(d)).toContain('đăng ký khai tử đúng hạn');
    expect(text(d)).not.toMatch(/miễn phí/iu);
  });

  it('says "miễn phí" only where no amount applies (1.013328: free online, an amount in person)', () => {
    const d = feeOnDay(facts('1.013328').fees, '2026-12-07');
    const online = d.groups.find((g) => g.channels.includes('Trực tuyến'))!;
    const direct = d.groups.find((g) => g.channels.includes('Trực tiếp'))!;
    expect(online.now).toEqual(['miễn phí']);
    expect(direct.now.join(' ')).toContain('40.000 đồng');
    expect(direct.now.join(' ')).not.toMatch(/miễn phí/iu);
  });

  it('shows a note on a not-set rate as the catalogue writes it, not as free (1.000757 online)', () => {
    const d = feeOnDay(facts('1.000757').fees, '2026-12-07', ['Trực tuyến']);
    expect(d.groups[0]!.now).toEqual(['Chưa quy định.']);
    expect(text(d)).not.toMatch(/miễn phí/iu);
  });

  it('gives the other channels\' fee beside the one asked when it differs (1.004194, 1.013328), and not when it is the same (3.000347)', () => {
    const d = feeOnDay(facts('1.004194').fees, '2026-12-07', ['Trực tuyến']);
    expect(d.groups.map((g) => g.channels)).toEqual([['Trực tuyến']]);
    expect(d.groups[0]!.now.join(' ')).toContain('7.000 đồng');
    expect(d.elsewhere.flatMap((g) => g.channels)).toContain('Trực tiếp');
    expect(d.elsewhere.flatMap((g) => g.now).join(' ')).toContain('10.000 đồng');
    const parts = feeOnDay(facts('1.013328').fees, '2026-12-07', ['Trực tuyến']);
    expect(parts.groups[0]!.now).toEqual(['miễn phí']);
    expect(parts.elsewhere).toEqual([{ channels: ['Trực tiếp'], now: [expect.stringContaining('40.000 đồng')] }]);
    expect(feeOnDay(facts('3.000347').fees, '2026-12-07', ['Trực tuyến']).elsewhere).toEqual([]);
    expect(feeOnDay(facts('1.004194').fees, '2026-12-07').elsewhere).toEqual([]);
  });

  it('never calls free a channel whose "Miễn phí(…)" note names a service price (1.013206 in person), and keeps a waiver\'s note as free', () => {
    const d = feeOnDay(facts('1.013206').fees, '2026-12-07', ['Trực tiếp']);
    expect(d.groups[0]!.now).toEqual([expect.stringMatching(/^danh mục ghi: “Giá dịch vụ kiểm định an toàn kỹ thuật/u)]);
    expect(text(d)).not.toMatch(/miễn phí/iu);
    expect(chargeNote('Giá dịch vụ kiểm định … theo Thông tư số 238/2016/TT-BTC')).toBe(true);
    expect(chargeNote('từ 20.000 đồng đối với hàng hóa xuất khẩu')).toBe(true);
    expect(chargeNote('Miễn lệ phí đối với hộ nghèo')).toBe(false);
    expect(chargeNote('Theo quy định của Luật phí và lệ phí')).toBe(false);
  });

  it('reads its charge and waiver words from the cue data (prompts/cues/fee-notes.vi.json), across line breaks and double spaces', () => {
    for (const w of cues.chargeWords) {
      expect(chargeNote(`${w} theo Thông tư số 14/2024/TT-BTC`), w).toBe(true);
      expect(chargeNote(`${w.replace(/ /gu, ' \n ')} theo Thông tư`), w).toBe(true);
    }
    for (const w of cues.waiverWords) expect(chargeNote(`${w} mức thu 50.000 đồng cho hộ nghèo`), w).toBe(false);
    expect(chargeNote('Mức  thu: theo quy định')).toBe(true);
  });

  it('never calls free a channel whose note holds an amount, across the whole catalogue', () => {
    for (const r of records) {
      const f = procedureFacts(r);
      const d = feeOnDay(f.fees, '2026-12-07');
      for (const g of d.groups) {
        const charged = f.fees.entries.some((e) => e.amount !== undefined && !e.onRequest && g.channels.some((c) => e.channels.includes(c)));
        if (charged) expect(g.now, String(r.ma_thu_tuc)).not.toContain('miễn phí');
      }
    }
  });
});

describe('timeOnChannels and placeLines', () => {
  it('groups channels that share a time and says where a bare number\'s unit comes from', () => {
    expect(timeOnChannels(facts('1.012812').times).groups).toEqual([
      { channels: ['Dịch vụ bưu chính'], value: '30 ngày' }, { channels: ['Trực tiếp'], value: '40 ngày' },
    ]);
    const bare = timeOnChannels(facts('1.004359').times);
    expect(bare.groups).toEqual([{ channels: ['Trực tuyến', 'Dịch vụ bưu chính', 'Trực tiếp'], value: '5 ngày làm việc' }]);
    expect(bare.notes[0]).toMatch(/^danh mục chỉ ghi số 5; đơn vị theo Trình tự thực hiện: “.*05 ngày làm việc/u);
    const none = timeOnChannels(facts('1.001193').times);
    expect(none.groups[0]!.value).toBe('1 (danh mục không ghi đơn vị)');
    expect(none.noUnit).toBe(true);
  });

  it('names the level and the office the steps give, never "no information" when the level is known', () => {
    const lines = placeLines(facts('1.001193').place, 'Đăng ký khai sinh').map((l) => l.text);
    expect(lines[0]).toBe('Thủ tục “Đăng ký khai sinh” được thực hiện ở cấp xã');
    expect(lines.join('\n')).toContain('Ủy ban nhân dân cấp xã');
    expect(lines.join('\n')).not.toMatch(/chưa có thông tin/u);
    expect(lines.at(-1)).toMatch(/^Nộp hồ sơ trực tuyến: https:\/\/dichvucong\.gov\.vn\//u);
  });

  it('falls back on the level\'s People\'s Committee when neither the catalogue nor the steps name an office', () => {
    const place = { levels: ['cấp xã' as const], stepOffices: [], channels: [] };
    expect(placeLines(place, 'X').map((l) => l.text)).toEqual(['Thủ tục “X” được thực hiện ở cấp xã', 'Nơi giải quyết: Ủy ban nhân dân (UBND) cấp xã']);
  });
});
