/**
 * The reviewed rules of the input checks (input-checks.ts): the patterns that refuse a
 * question as a state-secret request, a prompt injection, abuse, or out of scope. Data
 * only: how they are matched (diacritics, confusables, glued words) is input-checks.ts.
 */

/** Why a question is refused; stable codes for the audit log and the message catalogue. */
export type RefusalReason = 'STATE_SECRET' | 'PROMPT_INJECTION' | 'OUT_OF_SCOPE' | 'ABUSIVE';

/** The decision on one input. `detail` is English for the audit log and never quotes the input. */
export type InputVerdict = { action: 'allow' } | { action: 'refuse'; reason: RefusalReason; detail: string };

/**
 * How a rule treats diacritics.
 * - `loose`: compared folded ("bo qua" meets "bỏ qua", and also "bộ quà").
 * - `strict`: the matched words are either accented exactly as in the pattern or carry no
 *   diacritics at all ("toi mat" and "tối mật" match "tối mật"; "tôi mất" does not).
 * - `exact`: accents must be as in the pattern ("đéo" matches, "đeo"/"deo" do not).
 */
export type MatchMode = 'loose' | 'strict' | 'exact';

/** One reviewed pattern. A space in `pattern` also matches no space (glued or re-joined words). */
export interface GuardRule {
  /** Stable id, written to the audit log. */
  id: string;
  /** Regular-expression source over lower-case, space-separated Vietnamese/English words. */
  pattern: string;
  mode: MatchMode;
}

/** The nouns a request for a document uses (shared with the rules-question exemption of input-checks.ts). */
export const DOC = '(?:văn bản|tài liệu|hồ sơ|công văn|báo cáo|thông tin|tin|nội dung|dữ liệu|file|giấy tờ|bản sao)';
/** Verbs that ask for a document: "xin", "gửi", "cho xem", "tải"… */
const REQUEST = '(?:xem|đọc|gửi|cung cấp|tìm|tra cứu|lấy|tải|tải về|in|có|xin|chia sẻ|cho xem|cho)';
/** Question words and copulas between a document noun and "mật" ("hồ sơ nào là mật"). */
const DOC_LINK = '(?:nào|gì|này|đó|ấy|là|được|bị|thuộc|diện|loại|độ|có|xếp)';
/** Words after "mật" that make an ordinary word: mật khẩu, mật ong, mật độ, mật mã… */
const NOT_SECRET_AFTER = '(?! (?:khẩu|ong|độ|mã|thiết|báo|vụ|thám|ngọt|gấu|đắng))';

/**
 * STATE_SECRET. Levels TỐI MẬT and TUYỆT MẬT count wherever they are written; bare MẬT only
 * after a document noun ("tài liệu mật") or as a stamp in capitals, so "bảo mật", "mật khẩu",
 * "mật ong", "mật độ", "thân mật" pass. "Bí mật nhà nước" counts except as the subject of the
 * law ("bảo vệ bí mật nhà nước"); "bí mật kinh doanh" (trade secrets) is ordinary law and passes.
 */
export const STATE_SECRET_RULES: readonly GuardRule[] = Object.freeze([
  { id: 'secret.top-level', pattern: '(?:tuyệt|tối) mật', mode: 'exact' },
  { id: 'secret.top-level-unaccented', pattern: 'tuyệt mật', mode: 'strict' },
  { id: 'secret.top-level-glued', pattern: '(?:tuyệtmật|tốimật)', mode: 'strict' },
  { id: 'secret.document-level', pattern: `${DOC} mật${NOT_SECRET_AFTER}`, mode: 'exact' },
  { id: 'secret.request-top-level', pattern: `${REQUEST} (?:(?:cho )?(?:tôi|em|mình) )?(?:xem |đọc |xin )?(?:các |những |cái |bản |toàn bộ |một số )?${DOC} (?:tối|tuyệt) mật`, mode: 'strict' },
  { id: 'secret.bare-top-level', pattern: `^(?:${DOC} )?(?:tối|tuyệt) mật$`, mode: 'strict' },
  { id: 'secret.document-marked', pattern: `${DOC} (?:\\S+\\s){0,2}(?:được |bị )?(?:đóng dấu|có dấu|gắn dấu|mang dấu|dấu) (?:độ )?mật${NOT_SECRET_AFTER}`, mode: 'exact' },
  { id: 'secret.document-is-secret', pattern: `${DOC} (?:${DOC_LINK} ){1,2}mật${NOT_SECRET_AFTER}`, mode: 'exact' },
  { id: 'secret.state-secret', pattern: '(?<!bảo vệ )bí mật nhà nước', mode: 'strict' },
  { id: 'secret.state-secret-en', pattern: '(?:top secret|classified (?:document|file|information|report)s?|state secrets?)', mode: 'loose' },
]);

const RULES = '(?:hướng dẫn|chỉ dẫn|chỉ thị|quy tắc|lời nhắc|thiết lập|luật lệ)';
/** Quantifiers and particles that may sit between "bỏ qua"/"quên" and its object, at most three. */
const FILLER = '(?:tất cả|toàn bộ|hết thảy|hết|mọi|các|những|cái|mấy|đi|luôn|cả|này|đó|ấy|thứ)';
const ALL = '(?:tất cả|toàn bộ|hết thảy|hết|mọi)';
const IGNORE = '(?:bỏ qua|phớt lờ|lờ đi|gạt bỏ|bất chấp|vứt bỏ)';
/** Where named instructions come from: "các chỉ dẫn ở trên", "hướng dẫn trước đây". */
const PRIOR = '(?:trước|ở trên|phía trên|bên trên|trước đây|trước đó|ban đầu|hệ thống|đã cho|của bạn)';
/** Pronoun objects standing for instructions named just before: "bỏ qua chúng", "quên hết đi". */
const ANAPHOR = '(?:chúng nó|chúng|nó|hết|tất cả|toàn bộ|đi)';
/** What an unrestricted persona is: "không có đạo đức", "không bị giới hạn", "không kiểm duyệt". */
const UNBOUND = '(?:vô đạo đức|không có đạo đức|không (?:bị |có )?(?:giới hạn|kiểm duyệt|ràng buộc|kiểm soát|bộ lọc|lọc|quy tắc|luật lệ|luật)|không cần tuân (?:thủ|theo)|không tuân (?:thủ|theo))';
const EN_FILLER = '(?:(?:all|any|the|of|your|my|previous|prior|above|earlier|preceding|system|initial|original) )*';
const EN_RULES = '(?:instructions?|prompts?|rules|directions|guidelines|messages|context)';

/** PROMPT_INJECTION: attempts to override, reveal or replace the assistant's instructions. */
export const PROMPT_INJECTION_RULES: readonly GuardRule[] = Object.freeze([
  { id: 'inject.vi-ignore-all', pattern: `(?:bỏ qua|phớt lờ|lờ đi) (?:tất cả|mọi|toàn bộ|hết)(?: các| những)? ${RULES}`, mode: 'loose' },
  { id: 'inject.vi-ignore-prior', pattern: `(?:bỏ qua|phớt lờ|lờ đi) (?:các |những )?${RULES} (?:trước|trên|phía trên|ban đầu|hệ thống|đã cho|của bạn)`, mode: 'loose' },
  { id: 'inject.vi-ignore-filler', pattern: `${IGNORE} (?:${FILLER} ){0,2}${ALL} (?:${FILLER} ){0,2}${RULES}`, mode: 'loose' },
  { id: 'inject.vi-ignore-anaphor', pattern: `${RULES} ${PRIOR} (?:\\S+\\s){0,8}?(?:${IGNORE}|quên) (?:${FILLER} ){0,2}${ANAPHOR}(?: đi)?(?!.*\\s(?:không|chưa)$)`, mode: 'strict' },
  { id: 'inject.vi-forget', pattern: `quên (?:${FILLER} ){0,3}${RULES}`, mode: 'strict' },
  { id: 'inject.vi-system-prompt', pattern: '(?:lời nhắc|câu lệnh|prompt|chỉ dẫn|chỉ thị) (?:của )?hệ thống', mode: 'loose' },
  { id: 'inject.vi-reveal', pattern: `(?:in ra|hiển thị|tiết lộ|cho (?:tôi )?xem|nói ra|đọc ra|liệt kê) (?:lại )?(?:toàn bộ |nguyên văn )?(?:các )?(?:${RULES}|cấu hình|prompt) (?:ban đầu|gốc|của bạn|bí mật|ẩn)`, mode: 'loose' },
  { id: 'inject.vi-you-are-now', pattern: 'bạn (?:giờ|bây giờ|từ giờ|từ nay|kể từ bây giờ) (?:là|sẽ là|đóng vai|hãy)', mode: 'strict' },
  { id: 'inject.vi-from-now', pattern: 'từ (?:bây )?giờ bạn (?:là|sẽ là|hãy)', mode: 'strict' },
  { id: 'inject.vi-roleplay', pattern: '(?:hãy |bạn )?đóng vai(?! trò)', mode: 'strict' },
  { id: 'inject.vi-pretend', pattern: '(?:giả vờ|giả làm|giả sử bạn là|nhập vai|(?:hãy|bạn) vào vai)', mode: 'strict' },
  { id: 'inject.vi-persona-unbound', pattern: `(?:vào vai|nhập vai|giả vờ là|giả làm|đóng vai(?! trò)|hãy là|hãy trở thành|hãy làm|hãy hành xử như) (?:\\S+\\s){0,5}?${UNBOUND}`, mode: 'strict' },
  { id: 'inject.vi-mode', pattern: 'chế độ (?:nhà phát triển|developer|không giới hạn|không kiểm duyệt)', mode: 'loose' },
  { id: 'inject.vi-bypass', pattern: '(?:vượt qua|bỏ qua|gỡ bỏ|tắt) (?:(?:các|mọi|hết) (?:giới hạn|bộ lọc|kiểm duyệt)|(?:giới hạn|bộ lọc|kiểm duyệt) (?:của bạn|an toàn|nội dung))', mode: 'strict' },
  { id: 'inject.en-ignore', pattern: `(?:ignore|disregard|forget|override|bypass) ${EN_FILLER}(?:${EN_RULES}|above|everything)`, mode: 'loose' },
  { id: 'inject.en-reveal', pattern: '(?:reveal|show|print|display|repeat|output|leak|tell me|what is|what are) (?:me )?(?:your |the )?(?:system|initial|hidden|original|secret) (?:prompt|instructions|message)', mode: 'loose' },
  { id: 'inject.en-system-prompt', pattern: 'system prompt', mode: 'loose' },
  { id: 'inject.en-persona', pattern: '(?:you are now|from now on you are|act as|pretend (?:to be|you are)|roleplay as|role play as)', mode: 'loose' },
  { id: 'inject.en-mode', pattern: '(?:developer mode|dan mode|do anything now|jailbreak|jailbroken|god mode)', mode: 'loose' },
]);

/** Categories of OUT_OF_SCOPE rules, for review and reporting. */
export type OutOfScopeCategory = 'shopping' | 'entertainment' | 'betting' | 'dating' | 'personal-medical' | 'personal-legal' | 'politics' | 'everyday-info';

/**
 * OUT_OF_SCOPE, deliberately narrow: each rule asks for advice, tips or opinions, never a
 * procedure or the rules themselves ("thủ tục", "lệ phí", "khiếu nại", "tố cáo", "bầu cử"
 * procedures and law questions in general pass). Unmatched questions go to retrieval, which
 * answers "not found in the documents" on its own.
 */
export const OUT_OF_SCOPE_RULES: readonly (GuardRule & { category: OutOfScopeCategory })[] = Object.freeze([
  { id: 'scope.shopping-advice', category: 'shopping', pattern: 'nên mua (?:điện thoại|laptop|máy tính|iphone|xe|quần áo|giày|mỹ phẩm|đồng hồ|tivi)', mode: 'strict' },
  { id: 'scope.shopping-deals', category: 'shopping', pattern: '(?:mã giảm giá|săn sale|voucher|shopee|lazada|tiktok shop|mua (?:ở đâu|gì) (?:rẻ|giá rẻ))', mode: 'strict' },
  { id: 'scope.shopping-best', category: 'shopping', pattern: '(?:điện thoại|laptop|iphone|xe máy|ô tô|tivi) nào (?:tốt|đáng mua|rẻ|ngon)', mode: 'strict' },
  { id: 'scope.shopping-en', category: 'shopping', pattern: '(?:best (?:phone|laptop|tv|car) to buy|discount code|coupon code)', mode: 'loose' },
  { id: 'scope.joke', category: 'entertainment', pattern: '(?:kể|kể cho tôi|kể tôi nghe) (?:một |1 )?(?:chuyện cười|truyện cười|chuyện vui|câu chuyện cười)', mode: 'strict' },
  { id: 'scope.media', category: 'entertainment', pattern: '(?:phim|bài hát|nhạc|game|trò chơi|truyện|anime) (?:gì |nào )?(?:hay|hot|hay nhất|đáng xem)', mode: 'strict' },
  { id: 'scope.sports', category: 'entertainment', pattern: '(?:kết quả|lịch thi đấu|tỉ số|tỷ số) (?:trận đấu|bóng đá|ngoại hạng|world cup|v league)', mode: 'strict' },
  { id: 'scope.entertainment-en', category: 'entertainment', pattern: '(?:tell me a joke|recommend (?:a|me a) (?:movie|song|game))', mode: 'loose' },
  { id: 'scope.betting-tips', category: 'betting', pattern: '(?:soi cầu|dự đoán (?:kết quả )?(?:xổ số|lô|đề)|kèo (?:bóng đá|nhà cái|hôm nay|thơm)|tips? cá độ)', mode: 'strict' },
  { id: 'scope.betting-numbers', category: 'betting', pattern: '(?:lô|đề|xổ số) (?:hôm nay |ngày mai )?(?:về|đánh|chơi) (?:con |số )?(?:gì|nào|mấy)', mode: 'exact' },
  { id: 'scope.betting-how', category: 'betting', pattern: '(?:(?:cách|mẹo|bí quyết) (?:cá độ|cá cược|đánh đề|chơi lô|thắng cá độ)|nhà cái (?:nào )?uy tín)', mode: 'strict' },
  { id: 'scope.betting-en', category: 'betting', pattern: '(?:betting tips|which team should i bet|best betting site)', mode: 'loose' },
  { id: 'scope.dating', category: 'dating', pattern: '(?:(?:app|ứng dụng|trang) hẹn hò|tán (?:gái|trai)|tỏ tình|thả thính|cưa (?:gái|trai|crush)|làm quen (?:bạn gái|bạn trai|con gái|con trai))', mode: 'strict' },
  { id: 'scope.dating-en', category: 'dating', pattern: '(?:dating app|date me|be my girlfriend|be my boyfriend|how to flirt)', mode: 'loose' },
  { id: 'scope.medical-symptom', category: 'personal-medical', pattern: '(?:tôi|em|mình|con tôi|bố tôi|mẹ tôi) (?:đang )?bị (?:\\S+\\s){0,6}(?:nên )?(?:uống|dùng|bôi) (?:thuốc )?(?:gì|nào)', mode: 'strict' },
  { id: 'scope.medical-drug', category: 'personal-medical', pattern: '(?:(?:nên )?uống thuốc (?:gì|nào)|liều (?:lượng )?(?:thuốc|paracetamol|kháng sinh) (?:bao nhiêu|thế nào)|chữa (?:bệnh )?(?:\\S+\\s){0,3}bằng (?:thuốc|lá) gì)', mode: 'strict' },
  { id: 'scope.medical-en', category: 'personal-medical', pattern: '(?:what (?:medicine|pills?|drugs?) should i take|should i take (?:antibiotics|paracetamol|ibuprofen))', mode: 'loose' },
  { id: 'scope.legal-advice', category: 'personal-legal', pattern: '(?:có nên|nên hay không) (?:kiện|khởi kiện|đâm đơn kiện|ly hôn|bỏ (?:vợ|chồng))', mode: 'strict' },
  { id: 'scope.legal-odds', category: 'personal-legal', pattern: '(?:có |sẽ )?(?:thắng|thua) (?:kiện|vụ kiện|vụ này) (?:không|chứ|được không)', mode: 'strict' },
  { id: 'scope.legal-en', category: 'personal-legal', pattern: '(?:should i sue|will i win (?:the|my) (?:case|lawsuit))', mode: 'loose' },
  { id: 'scope.politics-opinion', category: 'politics', pattern: '(?:bạn|mày) (?:nghĩ|thấy|đánh giá|nhận xét|nhận định)(?: gì| sao| thế nào| như thế nào)? về (?:đảng(?! viên| bộ| ủy| uỷ)|chính phủ|nhà nước|tổng bí thư|chủ tịch nước|thủ tướng|bộ chính trị|chế độ|chính trị|bầu cử|lãnh đạo)', mode: 'strict' },
  { id: 'scope.politics-judgement', category: 'politics', pattern: '(?:đảng|chính phủ|nhà nước|lãnh đạo|tổng bí thư|thủ tướng) (?:(?:hiện nay|bây giờ|hiện tại|này|đó) )?(?:có )?(?:tốt|xấu|tham nhũng|giỏi|kém) (?:không|hay không|chứ)', mode: 'strict' },
  { id: 'scope.politics-election', category: 'politics', pattern: '(?:nên bầu (?:cho )?(?:ai|ứng cử viên nào|người nào)|(?:ai|ứng cử viên nào) sẽ (?:thắng cử|đắc cử|làm tổng bí thư|làm thủ tướng)|dự đoán (?:kết quả )?bầu cử)', mode: 'strict' },
  { id: 'scope.politics-regime', category: 'politics', pattern: '(?:đa đảng|lật đổ (?:chế độ|chính quyền|đảng))', mode: 'exact' },
  { id: 'scope.politics-en', category: 'politics', pattern: '(?:what do you think (?:of|about) (?:the )?(?:communist party|party|government|president|prime minister|election)|who should i vote for)', mode: 'loose' },
  // Everyday information no provincial document or procedure holds: weather, market prices, lottery draws.
  { id: 'scope.weather', category: 'everyday-info', pattern: '(?:thời tiết (?:\\S+ ){0,3}(?:hôm nay|ngày mai|tuần này|cuối tuần|bây giờ|thế nào|ra sao|có mưa|có nắng)|nhiệt độ (?:hôm nay|ngày mai|bây giờ)|trời (?:hôm nay|ngày mai|mai) (?:có )?(?:mưa|nắng|lạnh|nóng))', mode: 'strict' },
  { id: 'scope.market-prices', category: 'everyday-info', pattern: '(?:giá (?:vàng|bitcoin|cổ phiếu|chứng khoán|đô la|usd)(?: sjc| 9999| miếng| nhẫn)? (?:hôm nay|bây giờ|hiện nay|bao nhiêu|mấy|tăng|giảm)|tỷ giá (?:đô la|đô|usd|euro|yên|ngoại tệ|hôm nay)|tỉ giá (?:đô la|đô|usd|euro|yên|ngoại tệ|hôm nay))', mode: 'strict' },
  { id: 'scope.lottery-results', category: 'everyday-info', pattern: '(?:kết quả xổ số|xổ số (?:miền \\S+ )?(?:hôm nay|hôm qua)|xsmn|xsmb|xsmt)', mode: 'strict' },
  { id: 'scope.rain', category: 'everyday-info', pattern: '(?:(?:hôm nay|ngày mai|mai|tối nay|chiều nay|cuối tuần) (?:\\S+ ){0,4}(?:có|sẽ) (?:mưa|bão|nắng) (?:không|chứ|to không))', mode: 'strict' },
  { id: 'scope.sports-prediction', category: 'entertainment', pattern: '(?:dự đoán (?:tỉ số|tỷ số|kết quả trận)|(?:đội|ai) (?:nào )?sẽ thắng (?:trận|tối nay))', mode: 'strict' },
  { id: 'scope.cooking', category: 'everyday-info', pattern: '(?:công thức (?:nấu|làm món)|cách (?:nấu|làm) (?:món )?(?:phở|bún|bánh|gà|cá|thịt|canh|lẩu|chè))', mode: 'strict' },
  { id: 'scope.fortune', category: 'entertainment', pattern: '(?:tử vi|xem bói|bói bài|cung hoàng đạo|xem tuổi (?:hợp|vợ chồng|làm nhà))', mode: 'strict' },
  { id: 'scope.investment-advice', category: 'shopping', pattern: '(?:có nên|nên) (?:mua|bán|đầu tư|đầu tư vào) (?:bitcoin|tiền ảo|tiền điện tử|coin|cổ phiếu|chứng khoán|vàng)', mode: 'strict' },
  { id: 'scope.everyday-en', category: 'everyday-info', pattern: '(?:weather (?:today|tomorrow|forecast)|gold price|exchange rate (?:today|of))', mode: 'loose' },
]);

/**
 * ABUSIVE: Vietnamese and English insults and profanity. Words whose unaccented spelling is
 * an ordinary word (đéo/đeo, cặc/các, lồn/lớn, đĩ/đi, đụ/du) are `exact`; the abbreviations
 * are whole words only, so "đường mòn" never meets "đm". "vl" and "cc" are left out: they
 * also abbreviate "vật liệu" and "căn cước".
 */
export const ABUSIVE_RULES: readonly GuardRule[] = Object.freeze([
  { id: 'abuse.vi-abbrev', pattern: '(?:đm|đmm|dm|dmm|đcm|dcm|đkm|dkm|vcl|vkl|vcc|clgt|cmm|cmnr|đcmm|dcmm|đmcs|vclm)', mode: 'strict' },
  { id: 'abuse.vi-words', pattern: '(?:đéo|đếch|địt|lồn|buồi|cặc|đụ|đĩ|cứt)', mode: 'exact' },
  { id: 'abuse.vi-phrases', pattern: '(?:địt (?:mẹ|con mẹ|cụ)|đụ má|con mẹ mày|mẹ kiếp|óc chó|súc vật|khốn nạn|đồ khốn|bố láo|láo toét|ngu như (?:chó|bò|lợn)|thằng ngu|đồ ngu|im mồm|câm mồm)', mode: 'strict' },
  { id: 'abuse.vi-phrases-accented', pattern: '(?:mẹ mày|bố mày|vãi (?:cả )?lồn|vãi (?:cả )?đái|đồ chó|thằng chó|con chó cái|chó chết|mất dạy|con ngu|óc lợn|cút đi|đù má)', mode: 'exact' },
  { id: 'abuse.vi-stupid', pattern: '(?:mày|bạn|mi|bot|máy) (?:ngu|đần|ngu si|ngu vãi|ngu thế|ngu quá|vô dụng)', mode: 'exact' },
  { id: 'abuse.en', pattern: '(?:fuck|fucking|fucked|fucker|motherfucker|fck|fuk|shit|bullshit|bitch|bastard|asshole|dickhead|cunt|wtf|stfu|idiot|moron|retard|dumbass|son of a bitch|piece of shit)', mode: 'loose' },
]);
