/**
 * Personal data written the ways citizens write it, for tests of the redactor and of the
 * audit trail: each variant is a question or comment and the values it carries, exactly as
 * typed. After redaction none of the values may survive in any form (digits compared after
 * NFKC and without zero-width characters). Plus the look-alikes that must stay untouched.
 */
import type { PiiKind } from '../pii.ts';

export interface PiiVariant {
  text: string;
  /** The personal values as typed (a substring of `text`). */
  values: string[];
  kind: PiiKind;
}

const ZW = '\u200B';
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const WJ = '\u2060';
const BOM = '\uFEFF';
const fullWidth = (digits: string): string => [...digits].map((d) => (/\d/.test(d) ? String.fromCharCode(0xff10 + Number(d)) : d)).join('');
const arabicIndic = (digits: string): string => [...digits].map((d) => (/\d/.test(d) ? String.fromCharCode(0x0660 + Number(d)) : d)).join('');
const mathBold = (digits: string): string => [...digits].map((d) => (/\d/.test(d) ? String.fromCodePoint(0x1d7ce + Number(d)) : d)).join('');
const v = (kind: PiiKind, text: string, ...values: string[]): PiiVariant => ({ kind, text, values });

export const PII_VARIANTS: readonly PiiVariant[] = [
  // Names after a cue, in capitals, in lower case after a strong cue, without diacritics, signing off.
  v('person_name', 'Tôi là Nguyễn Văn An, muốn hỏi thủ tục đăng ký kết hôn', 'Nguyễn Văn An'),
  v('person_name', 'tôi là nguyễn văn bình, cần làm lại giấy khai sinh', 'nguyễn văn bình'),
  v('person_name', 'toi la tran thi cuc, hoi ve le phi truoc ba', 'tran thi cuc'),
  v('person_name', 'Tên tôi là Lê Thị Dung. Xin hỏi cấp đổi CCCD ở đâu?', 'Lê Thị Dung'),
  v('person_name', 'Họ và tên: Phạm Minh Đức', 'Phạm Minh Đức'),
  v('person_name', 'Họ tên: HOÀNG THỊ EM, hỏi thủ tục thường trú', 'HOÀNG THỊ EM'),
  v('person_name', 'mình tên Lan, hỏi thủ tục cấp đổi giấy phép lái xe', 'Lan'),
  v('person_name', 'Bà Nguyễn Thị Hoa hỏi về chế độ thai sản', 'Nguyễn Thị Hoa'),
  v('person_name', 'ông Trần Văn Giàu mất rồi, làm khai tử thế nào', 'Trần Văn Giàu'),
  v('person_name', 'Chị Võ Thị Sáu ơi cho em hỏi lệ phí', 'Võ Thị Sáu'),
  v('person_name', 'anh Tuấn ở thôn bên bảo phải nộp 2 triệu có đúng không', 'Tuấn'),
  v('person_name', 'em Đặng Quốc Khánh học lớp 12, làm hộ chiếu cần gì', 'Đặng Quốc Khánh'),
  v('person_name', 'cháu Bùi Gia Huy mới sinh, đăng ký khai sinh ở đâu', 'Bùi Gia Huy'),
  v('person_name', 'Thủ tục cấp giấy phép xây dựng cần gì? Cảm ơn. Nguyễn Văn An', 'Nguyễn Văn An'),
  v('person_name', 'Cho hỏi lệ phí cấp sổ đỏ bao nhiêu ạ. Xin cảm ơn! Trương Thị Mỹ', 'Trương Thị Mỹ'),
  v('person_name', 'Đăng ký kết hôn với người nước ngoài cần gì?\nĐỗ Văn Hùng', 'Đỗ Văn Hùng'),
  v('person_name', 'My name is Nguyen Van Long, how do I renew my passport?', 'Nguyen Van Long'),
  v('person_name', 'Người hỏi: Huỳnh Thị Lệ', 'Huỳnh Thị Lệ'),
  // Street addresses and hamlets, with the ward, district and province after them.
  v('address', 'Tôi ở số 123/4 Lê Lợi, phường Nghĩa Chánh, TP Quảng Ngãi', '123/4 Lê Lợi', 'Nghĩa Chánh'),
  v('address', 'nhà tôi ở đường Hùng Vương, phường Trần Phú, muốn tách thửa', 'Hùng Vương', 'Trần Phú'),
  v('address', 'số nhà 45 Phan Đình Phùng bị cấp trùng số, sửa ở đâu', '45 Phan Đình Phùng'),
  v('address', 'Tôi thường trú tại thôn An Phú, xã Nghĩa Hà, huyện Tư Nghĩa', 'An Phú', 'Nghĩa Hà'),
  v('address', 'hẻm 45 Trần Hưng Đạo, tổ 5, khu phố 2 có được cấp phép sửa nhà không', 'hẻm 45', 'tổ 5'),
  v('address', 'Địa chỉ: xã Tịnh Ấn Tây, thành phố Quảng Ngãi', 'Tịnh Ấn Tây'),
  v('address', 'ngõ 12 ngách 3 Kim Mã, quận Ba Đình', 'ngõ 12', 'Kim Mã'),
  v('address', 'ấp 3, xã Tân Phú, huyện Cái Bè, tỉnh Tiền Giang', 'ấp 3', 'Tân Phú'),
  v('address', 'Chỗ ở hiện tại: tổ dân phố 7, phường Chánh Lộ', 'tổ dân phố 7', 'Chánh Lộ'),
  // Passports.
  v('passport', 'hộ chiếu số C1234567 của tôi hết hạn tháng sau', 'C1234567'),
  v('passport', 'Passport no. B7654321, can I get a work permit?', 'B7654321'),
  v('passport', 'Mất hộ chiếu N2345678 thì báo ở đâu', 'N2345678'),
  // E-mails in any form.
  v('email', 'Email của tôi là nguyenvana1985@gmail.com, gửi kết quả giúp', 'nguyenvana1985@gmail.com'),
  v('email', 'gửi vào nguyễn.thị.hoa@yahoo.com.vn nhé', 'nguyễn.thị.hoa@yahoo.com.vn'),
  v('email', 'email: levanb a còng gmail chấm com', 'levanb a còng gmail chấm com'),
  v('email', 'mail mình: tranc (a còng) outlook (chấm) com', 'tranc (a còng) outlook (chấm) com'),
  v('email', 'liên hệ phamd [at] gmail [dot] com', 'phamd [at] gmail [dot] com'),
  v('email', 'email là hoang e at yahoo dot com', 'hoang e at yahoo dot com'),
  v('email', 'ghi lại: vu.f @ gmail . com', 'vu.f @ gmail . com'),
  v('email', 'EMAIL: DANGG@HOTMAIL.COM', 'DANGG@HOTMAIL.COM'),
  v('email', 'thư gửi bui.h＠gmail.com giúp em', 'bui.h＠gmail.com'),
  // Numbers with zero-width characters, full-width and other Unicode digits.
  v('phone', `SĐT 0912${ZW}345${ZW}678, hỏi thủ tục đăng ký xe`, `0912${ZW}345${ZW}678`),
  v('phone', `gọi 09${ZWNJ}05${ZWJ}123${WJ}456 giúp tôi`, `09${ZWNJ}05${ZWJ}123${WJ}456`),
  v('phone', `sđt ${BOM}0987654321`, '0987654321'),
  v('phone', `số điện thoại ${fullWidth('0935 246 810')}`, fullWidth('0935 246 810')),
  v('phone', `zalo ${arabicIndic('0912345678')}`, arabicIndic('0912345678')),
  v('phone', `di động ${mathBold('0868111222')}`, mathBold('0868111222')),
  v('citizen_id', `CCCD ${fullWidth('001099001234')} cần cấp đổi`, fullWidth('001099001234')),
  v('citizen_id', `căn cước 0${ZW}7${ZW}9${ZW}2${ZW}0${ZW}3${ZW}0${ZW}0${ZW}1${ZW}2${ZW}3${ZW}4`, `0${ZW}7${ZW}9${ZW}2${ZW}0${ZW}3${ZW}0${ZW}0${ZW}1${ZW}2${ZW}3${ZW}4`),
  v('citizen_id', `số định danh ${fullWidth('0510 9000 4321')}`, fullWidth('0510 9000 4321')),
  v('citizen_id', `CMND ${arabicIndic('212345678')} cũ còn dùng được không`, arabicIndic('212345678')),
  v('bank_account', `STK ${fullWidth('0451000123456')} Vietcombank`, fullWidth('0451000123456')),
  v('tax_code', `MST ${fullWidth('4300123456')}`, fullWidth('4300123456')),
  // The identifiers the redactor already knew, written plainly.
  v('citizen_id', 'Tôi số CCCD 079203001234, muốn hỏi thủ tục cấp lại thẻ', '079203001234'),
  v('citizen_id', 'CMND số 212 456 789 hết hạn', '212 456 789'),
  v('phone', 'Gọi cho tôi theo số 0912.345.678 khi xong', '0912.345.678'),
  v('phone', '+84 905 111 222 là zalo của mình', '+84 905 111 222'),
  v('bank_account', 'tài khoản BIDV 58010000123456 bị trừ phí hai lần', '58010000123456'),
  v('tax_code', 'Mã số thuế cá nhân 8012345678', '8012345678'),
  v('social_insurance', 'Số BHXH 4822123456, hỏi chế độ thai sản', '4822123456'),
  v('social_insurance', 'Thẻ BHYT DN4824822123456 hết hạn', 'DN4824822123456'),
  v('licence_plate', 'Xe biển 76A-123.45 bị phạt nguội', '76A-123.45'),
  // Several kinds at once.
  v('person_name', 'Tôi là Lê Văn Tám, CCCD 051090004321, đt 0901 234 567, ở thôn Phú Lộc', 'Lê Văn Tám', '051090004321', '0901 234 567', 'Phú Lộc'),
  v('person_name', 'Họ tên: Mai Anh Tuấn; email: tuan.mai at gmail dot com; hộ chiếu C7654321', 'Mai Anh Tuấn', 'tuan.mai at gmail dot com', 'C7654321'),
  v('email', `Liên hệ tôi: 09${ZW}12 345 678 hoặc an.nguyen@gmail.com. Cảm ơn. Nguyễn Thị An`, `09${ZW}12 345 678`, 'an.nguyen@gmail.com', 'Nguyễn Thị An'),
];

/** Text with numbers, offices, places and official names that are not anyone's personal data. */
export const NOT_PERSONAL: readonly string[] = [
  'Lệ phí 20.000 đồng, phí thẩm định 1.500.000 đồng.',
  'Cấp ngày 04/6/2021, hiệu lực đến 04/6/2031.',
  'Theo Kế hoạch 83/KH-UBND và Nghị quyết 14/2021/NQ-HĐND.',
  'Thủ tục 1.000178 và 2.001023 trên Cổng dịch vụ công.',
  'Khoản 2 Điều 12 Luật Cư trú 2020, Nghị định 62/2021/NĐ-CP.',
  'UBND phường Nghĩa Chánh ở đâu, làm việc thứ bảy không?',
  'Nộp hồ sơ tại Sở Tư pháp tỉnh Quảng Ngãi hay Bộ phận một cửa huyện Bình Sơn?',
  'Ông Chủ tịch UBND xã có ký giấy xác nhận này không?',
  'Bà Rịa - Vũng Tàu có làm được hộ chiếu không?',
  'Tôi là người dân tộc Hrê, có được miễn lệ phí không?',
  'Tôi học tiếng Anh, cần chứng chỉ gì để thi công chức?',
  'con tôi học lớp 5 Trường Tiểu học Nghĩa Chánh, xin học bạ ở đâu',
  'Thời hạn giải quyết 7 ngày làm việc kể từ năm 2024.',
  'Mẫu tờ khai số 01/2024 lấy ở đâu?',
  'Quyết định số 12/QĐ-UBND ngày 5/3/2024 do ai ký?',
  'Thủ tục chuyển đổi mục đích sử dụng đất ở Hà Nội khác gì Quảng Ngãi?',
  'Đăng ký thường trú cần gì? Cảm ơn.',
  'Gặp nhau at home nhé, email thì gửi sau.',
];
