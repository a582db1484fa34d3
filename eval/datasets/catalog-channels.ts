/**
 * The catalog's channel table (`cach_thuc_thuc_hien`), split into rows for the census.
 * Written apart from core/structure on purpose: the census cross-checks the ingest parser,
 * so it must not share its regexes. It reads only what the census counts: the time cell
 * (with or without a unit), the fee cell (free, amount, unknown) and the fee's note.
 */

export type ChannelName = 'Trực tiếp' | 'Trực tuyến' | 'Dịch vụ bưu chính';

/** How the time cell was written. `glued`: digits run straight into a fee amount (`Trực tuyến120 VNĐ`), so where the time ends is unknown. */
export type TimeShape = 'unit' | 'bare' | 'none' | 'words' | 'glued';

export interface ChannelRowCell {
  channel: ChannelName;
  time: { shape: TimeShape; text: string };
  /** `free` = `Miễn phí`, `amount` = `50,000 Việt Nam Đồng`, `unknown` = `Không có thông tin`, `other` = anything else. */
  fee: { kind: 'free' | 'amount' | 'unknown' | 'other'; text: string; note?: string };
  /** What follows the fee (the table's Mô tả column), untrimmed. */
  rest: string;
}

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
/** A channel name starts a row when a time or fee cell follows it; inside a description it is followed by `:` or words. */
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không|Miễn phí)/gu;
const FIRST_ROW = /^(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)/u;
export const TIME_UNIT = /^(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút)/u;
/** A number with no unit, followed straight by the fee cell (`Trực tiếp1Miễn phí`, `Trực tiếp0Không có thông tin`). */
const TIME_BARE = /^(\d+)(?=Miễn phí|Không)/u;
const TIME_NONE = /^Không có thông tin|^Không quy định|^Không(?=\s?Không|\s?Miễn)\s?/u;
const TIME_WORDS = /^Không phải trả[^]*?(?=Miễn phí|Không có thông tin|[\d.,]+\s*(?:Việt Nam Đồng|VNĐ|USD))/u;
const CURRENCY = String.raw`(?:Việt Nam Đồng|VNĐ|Đồng|đồng|USD)`;
const FEE_AMOUNT = new RegExp(String.raw`^[\d.,]+\s*${CURRENCY}`, 'u');

/** Split a `cach_thuc_thuc_hien` value into rows, one per channel cell group (a channel may repeat for sub-cases). */
export function splitChannelRows(raw: string): ChannelRowCell[] {
  const body = raw.startsWith(HEADER) ? raw.slice(HEADER.length) : raw;
  const starts = [...body.matchAll(ROW_START)].map((m) => ({ at: m.index ?? 0, channel: m[1] as ChannelName }));
  const first = FIRST_ROW.exec(body);
  if (first && starts[0]?.at !== 0) starts.unshift({ at: 0, channel: first[1] as ChannelName });
  return starts.map((s, i) => parseRow(s.channel, body.slice(s.at + s.channel.length, starts[i + 1]?.at ?? body.length)));
}

function parseRow(channel: ChannelName, cells: string): ChannelRowCell {
  const time = readTime(cells);
  let rest = cells.slice(time.text.length);
  let fee: ChannelRowCell['fee'];
  const amount = time.shape === 'glued' ? FEE_AMOUNT.exec(cells) : FEE_AMOUNT.exec(rest);
  if (time.shape === 'glued' && amount) {
    fee = { kind: 'amount', text: amount[0] };
    rest = cells.slice(amount[0].length);
  } else if (rest.startsWith('Miễn phí')) {
    fee = { kind: 'free', text: 'Miễn phí' };
    rest = rest.slice('Miễn phí'.length);
  } else if (rest.startsWith('Không có thông tin')) {
    fee = { kind: 'unknown', text: 'Không có thông tin' };
    rest = rest.slice('Không có thông tin'.length);
  } else if (amount) {
    fee = { kind: 'amount', text: amount[0] };
    rest = rest.slice(amount[0].length);
  } else {
    fee = { kind: 'other', text: '' };
  }
  if (fee.kind !== 'other' && rest.startsWith('(')) {
    const close = closingParen(rest);
    fee.note = rest.slice(1, close);
    rest = rest.slice(close + 1);
  }
  return { channel, time, fee, rest };
}

function readTime(cells: string): ChannelRowCell['time'] {
  const unit = TIME_UNIT.exec(cells);
  if (unit) return { shape: 'unit', text: unit[0] };
  const bare = TIME_BARE.exec(cells);
  if (bare) return { shape: 'bare', text: bare[0] };
  if (FEE_AMOUNT.test(cells)) return { shape: 'glued', text: '' };
  const words = TIME_WORDS.exec(cells);
  if (words) return { shape: 'words', text: words[0] };
  const none = TIME_NONE.exec(cells);
  return { shape: 'none', text: none ? none[0] : '' };
}

/** Index of the parenthesis closing the one at 0; the string's length when the crawl lost it. */
function closingParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '(') depth += 1;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return s.length;
}
