/**
 * Checks on a user's question (or pasted text) that decide refusal before retrieval, each
 * with a stable reason code. Rules are small reviewed data lists matched on the canonical
 * views of confusables.ts, so spacing, case, missing diacritics, look-alike letters and
 * leetspeak do not slip through. The verdict's `detail` names the rule, never the user's words.
 */
import { foldDiacritics } from '../text/fold.ts';
import { detectSecrecyMarking } from '../structure/secrecy.ts';
import { canonicalCased, canonicalViewsOfCased, joinSpacedLetters } from './confusables.ts';
import {
  ABUSIVE_RULES, DOC, OUT_OF_SCOPE_RULES, PROMPT_INJECTION_RULES, STATE_SECRET_RULES,
  type GuardRule, type InputVerdict, type MatchMode, type RefusalReason,
} from './input-rules.ts';

interface CompiledRule {
  id: string;
  mode: MatchMode;
  accented: RegExp;
  folded: RegExp;
  /** `accented` anchored to a whole span, for the strict check. */
  whole: RegExp;
  /** The patterns of `accented` and `folded` without their word bounds. */
  sources: { accented: string; folded: string };
}

/** A pattern matched as whole words only. */
function bounded(source: string): string {
  return `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
}

function compile(rule: GuardRule): CompiledRule {
  const source = rule.pattern.replaceAll(' ', ' ?');
  const folded = foldDiacritics(source);
  return {
    id: rule.id,
    mode: rule.mode,
    accented: new RegExp(bounded(source), 'u'),
    folded: new RegExp(bounded(folded), 'gu'),
    whole: new RegExp(`^(?:${source})$`, 'u'),
    sources: { accented: source, folded },
  };
}

/** Whether `rule` matches `view` (one of the accented canonical views). */
function matches(rule: CompiledRule, view: string, folded: string): boolean {
  if (rule.mode === 'exact') return rule.accented.test(view);
  if (rule.mode === 'loose') {
    rule.folded.lastIndex = 0;
    return rule.folded.test(folded);
  }
  if (rule.accented.test(view)) return true;
  for (const m of folded.matchAll(rule.folded)) {
    const span = view.slice(m.index, m.index + m[0].length);
    if (span === m[0] || rule.whole.test(span)) return true;
  }
  return false;
}

const COMPILED: ReadonlyArray<readonly [RefusalReason, readonly CompiledRule[]]> = [
  ['STATE_SECRET', STATE_SECRET_RULES.map(compile)],
  ['PROMPT_INJECTION', PROMPT_INJECTION_RULES.map(compile)],
  ['ABUSIVE', ABUSIVE_RULES.map(compile)],
  ['OUT_OF_SCOPE', OUT_OF_SCOPE_RULES.map(compile)],
];

/** The rules' patterns as one alternation of whole words; see {@link mayMatchAnyRule}. */
function anyOf(rules: readonly CompiledRule[], form: 'accented' | 'folded'): RegExp {
  return new RegExp(bounded(rules.map((r) => r.sources[form]).join('|')), 'u');
}

const ALL_RULES = COMPILED.flatMap(([, rules]) => rules);
/** What {@link matches} reads: the accented pattern of `exact` and `strict` rules, the folded one of `loose` and `strict` rules. */
const ANY_ACCENTED = anyOf(ALL_RULES.filter((r) => r.mode !== 'loose'), 'accented');
const ANY_FOLDED = anyOf(ALL_RULES.filter((r) => r.mode !== 'exact'), 'folded');

/**
 * Whether some rule may match a view: false only when none can, since an alternation
 * matches wherever one of its alternatives does. The usual text that breaks no rule —
 * most questions, every sentence of an answer — is so cleared in two passes instead of
 * one or two per rule.
 */
function mayMatchAnyRule(view: string, folded: string): boolean {
  return ANY_ACCENTED.test(view) || ANY_FOLDED.test(folded);
}

const NEUTRAL_NEIGHBOURS = new Set(['TỐI', 'TUYỆT', 'ĐỘ', 'SỐ']);
const ORDINARY_NEIGHBOURS = new Set(['bảo', 'bí', 'thân', 'cơ', 'khẩu', 'ong', 'độ', 'mã', 'thiết', 'báo', 'vụ', 'thám']);
const CAPS_WORD = /^(?=.*\p{Lu})[\p{Lu}\p{N}]+$/u;

/**
 * "MẬT" in capitals inside otherwise ordinary text ("gửi tôi tài liệu MẬT số 12"): a stamp
 * quoted by the user. An all-capitals heading ("BẢO MẬT THÔNG TIN") is not one.
 */
function hasCapitalStamp(cased: string): boolean {
  if (!cased.includes('Ậ')) return false;
  const ws = joinSpacedLetters(cased.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
  for (let i = 0; i < ws.length; i++) {
    if (ws[i] !== 'MẬT') continue;
    const around = [ws[i - 1], ws[i + 1]];
    if (around.some((w) => w !== undefined && ORDINARY_NEIGHBOURS.has(w.toLowerCase()))) continue;
    const inHeading = around.some((w) => w !== undefined && CAPS_WORD.test(w) && !NEUTRAL_NEIGHBOURS.has(w));
    if (!inHeading) return true;
  }
  return false;
}

/** Secrecy rules that a general question about the rules for secret documents may pass. */
const RULES_QUESTION_EXEMPT: ReadonlySet<string> = new Set([
  'secret.top-level', 'secret.top-level-unaccented', 'secret.document-level', 'secret.document-marked',
  'secret.document-is-secret', 'secret.state-secret',
]);
/** A rule or procedure word governing a secret document within three words: "quy trình xử lý văn bản mật". */
const RULES_TOPIC = new RegExp(
  `(?<![\\p{L}])(?:quy trình|quy định|quy chế|thời hạn|giải mật|bảo quản|xử lý|trách nhiệm|luật|thủ tục|nguyên tắc|chế độ|lưu trữ|tiêu hủy|tiêu huỷ|vận chuyển|phân loại|xác định) (?:\\S+ ){0,3}?(?:${DOC} (?:(?:độ|có độ) )?(?:tối mật|tuyệt mật|mật)|bí mật nhà nước)(?![\\p{L}])`,
  'u',
);
/**
 * The secret document (or state secrets) as the subject of a handling verb within four words:
 * "bí mật nhà nước được phân loại thành mấy độ mật", "bí mật nhà nước độ Tuyệt mật được bảo
 * vệ trong bao lâu", "tài liệu mật được bảo quản thế nào". The question is about the rules.
 */
const RULES_TOPIC_AFTER = new RegExp(
  `(?<![\\p{L}])(?:${DOC} (?:(?:độ|có độ) )?(?:tối mật|tuyệt mật|mật)|bí mật nhà nước) (?:\\S+ ){0,4}?(?:được |phải |cần |sẽ )?(?:phân loại|phân thành|chia thành|bảo vệ|bảo quản|xử lý|lưu trữ|tiêu hủy|tiêu huỷ|vận chuyển|giải mật|quản lý)(?![\\p{L}])`,
  'u',
);
/** Asking for, or naming, a particular document's content. */
const CONTENT_REQUEST = new RegExp(
  `(?<![\\p{L}])(?:xem|đọc|gửi|cung cấp|lấy|tải|in ra|chia sẻ|xin(?! hỏi| phép| ý kiến)|nội dung|toàn văn|trích|tiết lộ|chụp|photo|sao chụp|số \\d|về dự án|về việc|liên quan)(?![\\p{L}])|\\d+ ?/`,
  'u',
);

/**
 * A question about how secret documents are handled in general ("quy trình xử lý văn bản mật
 * theo quy định", "tài liệu mật được bảo quản thế nào"): a rule or procedure word governs the
 * document noun or is its verb, and nothing asks for, names or quotes a document. Such a question is about the
 * law and passes the noun-level secrecy rules; stamps and pasted text are still refused.
 */
function asksAboutSecrecyRules(accented: string): boolean {
  return (RULES_TOPIC.test(accented) || RULES_TOPIC_AFTER.test(accented)) && !CONTENT_REQUEST.test(accented);
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]*$/u;

/** Text hidden in base64 runs of 24 characters or more that decode to readable UTF-8. */
function decodedPayloads(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    const b64 = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    try {
      const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (PRINTABLE.test(decoded) && /\p{L}{2}/u.test(decoded)) out.push(decoded);
    } catch {
      // Not base64 or not UTF-8: an ordinary long token (a hash, an identifier).
    }
  }
  return out;
}

/** The views of a canonical text that rules are matched on, each with its folded form. */
function ruleViews(cased: string): { accented: string; views: Array<readonly [string, string]> } {
  const v = canonicalViewsOfCased(cased);
  const viewTexts = [v.accented, v.joined, v.leet];
  // A word written with leet digits or symbols has no trustworthy accents ("Đ!t mẹ m@y"):
  // its text is also matched fully folded, so `strict` rules read it as unaccented.
  if (v.leet !== v.joined) viewTexts.push(foldDiacritics(v.leet));
  return { accented: v.accented, views: [...new Set(viewTexts)].map((view) => [view, foldDiacritics(view)] as const) };
}

const INJECTION_RULES = COMPILED.find(([reason]) => reason === 'PROMPT_INJECTION')![1];
const ANY_INJECTION_ACCENTED = anyOf(INJECTION_RULES.filter((r) => r.mode !== 'loose'), 'accented');
const ANY_INJECTION_FOLDED = anyOf(INJECTION_RULES.filter((r) => r.mode !== 'exact'), 'folded');
/** Every injection rule's folded pattern, unbounded: a necessary condition, cheap to scan. */
const INJECTION_GATE = new RegExp(INJECTION_RULES.map((r) => r.sources.folded).join('|'));
/** NFC Latin and Vietnamese letters, digits, punctuation: text the cheap gate below can read. */
const PLAIN_LATIN = /^[\t\n\u0020-\u007E\u00A0-\u00AC\u00AE-\u012F\u0131-\u024F\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E\u20AB]*$/;
const GATE_LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '€': 'e', '*': '' };

/**
 * Whether some injection rule may match a plain Latin text: its folded words, the same with
 * spaced-out letters joined and with leet digits read as letters, tested against every
 * rule's folded pattern at once. A necessary condition (each canonical view, folded, is one
 * of these strings or matches where they do), so a false result is final.
 */
function mayBreakInjectionRule(text: string): boolean {
  const folded = foldDiacritics(text.toLowerCase());
  const test = (words: string[]): boolean => {
    const plain = words.join(' ');
    if (INJECTION_GATE.test(plain)) return true;
    const joined = joinSpacedLetters(words).join(' ');
    return joined !== plain && INJECTION_GATE.test(joined);
  };
  if (test(folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0))) return true;
  if (!/[a-z][0134570@$!€*]|[0134570@$€*][a-z]/.test(folded)) return false;
  return test(folded.replace(/[0134570@$!€*]/g, (c) => GATE_LEET[c]!).split(/[^a-z0-9]+/).filter((w) => w.length > 0));
}

/**
 * The id of the first PROMPT_INJECTION rule that `text` breaks, read through the same
 * canonical views as {@link checkInput} (spacing, look-alikes, missing diacritics), or
 * undefined. For text that is not a question, such as a passage of a document: ordinary
 * text is cleared by a cheap gate first, as long passages are read at ingest.
 */
export function injectionRuleOf(text: string): string | undefined {
  if (PLAIN_LATIN.test(text) && !mayBreakInjectionRule(text)) return undefined;
  const { views } = ruleViews(canonicalCased(text));
  if (!views.some(([view, folded]) => ANY_INJECTION_ACCENTED.test(view) || ANY_INJECTION_FOLDED.test(folded))) return undefined;
  return INJECTION_RULES.find((rule) => views.some(([view, folded]) => matches(rule, view, folded)))?.id;
}

function checkPlain(text: string): InputVerdict {
  const cased = canonicalCased(text);
  if (detectSecrecyMarking(cased) !== undefined) {
    return { action: 'refuse', reason: 'STATE_SECRET', detail: 'secrecy stamp line in pasted text (rule secret.stamp-line)' };
  }
  if (hasCapitalStamp(cased)) {
    return { action: 'refuse', reason: 'STATE_SECRET', detail: 'secrecy stamp in capitals (rule secret.stamp-capitals)' };
  }
  const { accented, views } = ruleViews(cased);
  if (!views.some(([view, folded]) => mayMatchAnyRule(view, folded))) return { action: 'allow' };
  const aboutRules = asksAboutSecrecyRules(accented);
  for (const [reason, rules] of COMPILED) {
    for (const rule of rules) {
      if (aboutRules && RULES_QUESTION_EXEMPT.has(rule.id)) continue;
      if (views.some(([view, folded]) => matches(rule, view, folded))) {
        return { action: 'refuse', reason, detail: `matched rule ${rule.id}` };
      }
    }
  }
  return { action: 'allow' };
}

/**
 * Decide whether to answer `text` or refuse it, and why. Checks, in order: state secrets,
 * prompt injection, abuse, out of scope; then the same on any base64 payload in the text
 * (reported with the payload's own reason). Pure and deterministic.
 */
export function checkInput(text: string): InputVerdict {
  const verdict = checkPlain(text);
  if (verdict.action === 'refuse') return verdict;
  for (const payload of decodedPayloads(text)) {
    const inner = checkPlain(payload);
    if (inner.action === 'refuse') return { ...inner, detail: `base64 payload: ${inner.detail}` };
  }
  return { action: 'allow' };
}
