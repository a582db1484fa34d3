/**
 * Tie-breakers between near-duplicate procedures that title matching cannot separate: the
 * catalogue holds one procedure per level of government, per kind of applicant and per
 * special case, often under almost the same name. All else equal, a citizen asking plainly
 * means the ordinary case:
 *
 * - (a) a procedure for individuals ("Công dân Việt Nam", "cá nhân", "hộ gia đình") over one
 *   only for organisations, unless the question names an organisation; a title naming
 *   organisations as its applicants ("… đối với tổ chức") and no individuals is then a
 *   special case as in (c);
 * - (b) a local one (Cấp xã, Cấp huyện, Cấp tỉnh) over one only done centrally (Cấp bộ,
 *   "thực hiện tại cấp trung ương"), unless the question asks for the central level;
 * - (c) the base procedure over variants whose title adds a special case ("có yếu tố nước
 *   ngoài", "lưu động", "kết hợp" …) the question does not mention, each case on its own: a
 *   question about a birth "có yếu tố nước ngoài" does not ask for the one "kết hợp đăng ký
 *   nhận cha, mẹ, con";
 * - (c'') the base procedure over a re-issue, exchange or renewal variant whose title starts
 *   with it ("Cấp lại …", "Cấp đổi …", "Gia hạn …") when the question asks for no redo,
 *   change or renewal ("làm hộ chiếu" is not "Cấp lại tem AB … hộ chiếu bị mất");
 * - (c') the procedure for everyone over one for minors ("cho người dưới 14 tuổi", "trẻ em")
 *   when the question names no child or age;
 * - (d) the first-time variant ("… mới", "… lần đầu") when the question asks to build or
 *   get something for the first time and names no repair, renewal or change; a re-issue,
 *   renewal or change variant ("cấp lại", "cấp đổi", "gia hạn", "sửa chữa, cải tạo") then
 *   says the opposite of what is asked and loses {@link CHANGE_PENALTY};
 * - (e) the re-issue variant ("cấp lại", "đăng ký lại") when the question asks to redo a
 *   lost or damaged paper ("làm lại giấy khai sinh bị mất");
 * - (f) the level the question names ("ở Bộ Công an", "công an tỉnh", "UBND xã"): a
 *   procedure done at that level (Cấp thực hiện) over one done only at others, by
 *   {@link ASKED_LEVEL_BONUS} either way. Unlike the others this is no tie-breaker: the
 *   catalogue's per-level twins differ in title only by "(thực hiện tại cấp …)", which a
 *   citizen does not type, and the level said outweighs the title words left unsaid;
 * - (g) the deregistration ("Xóa đăng ký …") when the question asks to remove a registration
 *   ("xóa" or "hủy" before a registered thing: "xóa thế chấp sổ đỏ", "xóa tạm trú"), by
 *   {@link DEREGISTER_BONUS}: the registration itself shares every other title word;
 * - (h) the title's action when the question states one (`actions`: change, move, stop;
 *   re-issue, renewal, repair and removal have their rules above): a title stating an action
 *   asked gains {@link ACTION_BONUS}, one whose actions are all unasked loses
 *   {@link ACTION_PENALTY}, one with no action (the base procedure) {@link ACTIONLESS_PENALTY}
 *   ("sửa lại cho đúng" is no "Dừng thực hiện thủ tục …", "cập nhật tên mới trên sổ đỏ" no
 *   first registration). Titles are read with their diacritics: "đúng" is no "dừng".
 *
 * Each rule is a small score adjustment, smaller than the precision gap of one unasked
 * title word, so it only decides between candidates that match the question about equally.
 * The words read in titles and questions are in prompts/cues/procedure-preference.vi.json;
 * the adjustments in tuning.ts.
 */
import cues from '../../../prompts/cues/procedure-preference.vi.json' with { type: 'json' };
import { BoundedCache } from '../../bounded-cache.ts';
import type { Chunk, DocumentRecord } from '../../model.ts';
import { anyOf, createPhraseMatcher, questionTokens, type QuestionToken } from '../understand/phrase-match.ts';
import { officialWording, withoutSpendingWords, type QuestionAnalysis } from '../understand/question.ts';
import type { Role } from '../types.ts';
import { ACTION_BONUS, ACTION_PENALTY, ACTIONLESS_PENALTY, ASKED_LEVEL_BONUS, CHANGE_PENALTY, DEREGISTER_BONUS, FIRST_TIME_BONUS, INDIVIDUAL_BONUS, LOCAL_LEVEL_BONUS, REDO_BONUS, VARIANT_PENALTY } from '../tuning.ts';

const SUBJECT_LABEL = 'Đối tượng thực hiện';
/** A title, or a subjects field, naming individuals among the applicants. */
const INDIVIDUALS = new RegExp(anyOf(cues.individuals), 'iu');
const LOCAL_LEVELS = new RegExp(anyOf(cues.localLevels), 'iu');
const CENTRAL_TITLE = new RegExp(anyOf(cues.centralTitle), 'iu');
/** A title naming organisations as its applicants ("… lần đầu đối với tổ chức đang sử dụng đất"). */
const ORGANISATION_TITLE = new RegExp(
  String.raw`(?:${anyOf(cues.organisationTitle.before)}) (?:(?:${anyOf(cues.organisationTitle.determiners)}) )?(?:${anyOf(cues.organisationTitle.organisations)})(?=$|[\s,;)])`,
  'iu',
);

/** Title qualifiers of special-case variants, every group's. */
export const VARIANT_QUALIFIERS: readonly string[] = Object.freeze(Object.values(cues.variantQualifiers).flatMap((g) => g.title));
/** Per special case: its title qualifiers, and whether a question asks for it (its qualifiers or cues said). */
const VARIANT_GROUPS = Object.values(cues.variantQualifiers).map((g) => ({ title: new RegExp(anyOf(g.title), 'iu'), asked: said([...g.title, ...g.cues]) }));
/** A title that starts with a re-issue, exchange or renewal ("Cấp lại …", "Thủ tục gia hạn …"). */
const REISSUE_LEAD = new RegExp(String.raw`^(?:thủ tục\s+)?(?:${anyOf(cues.reissueLead)})(?=$|[\s,;)])`, 'iu');
/**
 * The levels of Cấp thực hiện ("Cấp bộ", "Cấp tỉnh" …) and the words that ask for each: the
 * level or its office, never "ở xã" alone, which may say where the asker lives.
 */
const ASKED_LEVELS = Object.entries(cues.askedLevels).map(([level, phrases]) => ({ level: new RegExp(anyOf([level]), 'iu'), asked: said(phrases) }));
/** "ở xã", "tại tỉnh": the level where the asker goes, unless a place name follows ("tôi ở xã Tịnh Hà"). */
const PLACE_LEVELS = createPhraseMatcher(Object.entries(cues.placeLevels).flatMap(([level, phrases]) => phrases.map((phrase) => ({ phrase, value: level }))));
/** Question words that name a child or an age (then a title for minors is not a special case). */
const MINOR_CUES = said(cues.minorCues);
/** A title for minors: an age limit ("dưới 14 tuổi") or the words of minorTitle. */
const MINOR_TITLE = new RegExp(String.raw`dưới \d+ tuổi|${anyOf(cues.minorTitle)}`, 'iu');
const ORGANISATION_CUES = said(cues.organisationCues);
const CENTRAL_CUES = said(cues.centralCues);
const FIRST_TIME_CUES = said(cues.firstTimeCues);
const CHANGE_CUES = said(cues.changeCues);
/** Question words that ask to redo a paper already issued (lost, damaged, to be made again). */
const REDO_CUES = said(cues.redoCues);
/** "xóa thế chấp", "hủy đăng ký", "xoá tạm trú": a removal verb before a registered thing. */
const DEREGISTER_CUES = said(cues.deregisterVerbs.flatMap((verb) => cues.deregisterObjects.map((object) => `${verb} ${object}`)));
/** A title that removes a registration ("Xóa đăng ký biện pháp bảo đảm …", "Thủ tục xóa đăng ký …"). */
const DEREGISTER_TITLE = new RegExp(String.raw`^(?:thủ tục\s+)?(?:${anyOf(cues.deregisterTitle)})(?=$|[\s,;)])`, 'iu');
/** A title word standing alone (not inside another word): after a space or the start, before a space, punctuation or the end. */
const titleWord = (words: readonly string[], before = String.raw`^|\s`): RegExp =>
  new RegExp(String.raw`(?:${before})(?:${anyOf(words)})(?=$|[\s,;)])`, 'iu');
const REDO_TITLE = titleWord(cues.redoTitle);
/** Per action of (h): the title words that state it and whether a question asks for it. */
const ACTION_TITLES = Object.values(cues.actions).map((g) => titleWord(g.title, String.raw`^|[\s,(]`));
/** The actions' question words together, so that the longest wins: "sửa chữa" repairs, it does not correct. */
const ACTION_CUES = createPhraseMatcher(Object.values(cues.actions).flatMap((g, i) => g.cues.map((phrase) => ({ phrase, value: i }))));
const CHANGE_TITLE = titleWord(cues.changeTitle);
const FIRST_TIME_TITLE = titleWord(cues.firstTimeTitle, String.raw`^|[\s(]`);

/** Whether any of the phrases is said in a tokenised question. */
function said(phrases: readonly string[]): (tokens: readonly QuestionToken[]) => boolean {
  const matcher = createPhraseMatcher(phrases.map((phrase) => ({ phrase, value: true })));
  return (tokens) => matcher.match(tokens).length > 0;
}

/** What the question says about the applicant, level and case; computed once per question. */
export interface PreferenceCues {
  citizen: boolean;
  organisation: boolean;
  central: boolean;
  /** Per group of variantQualifiers: whether the question asks for that special case. */
  variants: boolean[];
  minor: boolean;
  firstTime: boolean;
  redo: boolean;
  /** Whether the question asks to redo, change or renew a paper (then a re-issue title is no special case). */
  change: boolean;
  /** Whether the question asks to remove a registration (g). */
  deregister: boolean;
  /** Per group of `actions` (h): whether the question asks for that action. */
  actions: boolean[];
  /** The Cấp thực hiện the question names (a pattern over the field), if it names one. */
  level?: RegExp;
}

/** Read the preference cues of a question asked by `role`. */
export function preferenceCues(q: QuestionAnalysis, role: Role): PreferenceCues {
  // Read as asked and in official words ("GPXD nhà ở" asks "giấy phép xây dựng nhà ở"), with
  // "mất" of "mất bao lâu" set apart: it asks how long, nothing was lost.
  const asked = questionTokens(withoutSpendingWords(q.text));
  const official = q.terms.length > 0 ? questionTokens(withoutSpendingWords(officialWording(q))) : asked;
  const said = (cue: (tokens: readonly QuestionToken[]) => boolean): boolean => cue(asked) || cue(official);
  return {
    citizen: role === 'citizen',
    organisation: said(ORGANISATION_CUES),
    central: said(CENTRAL_CUES),
    variants: VARIANT_GROUPS.map((g) => said(g.asked)),
    minor: said(MINOR_CUES),
    firstTime: said(FIRST_TIME_CUES) && !said(CHANGE_CUES),
    redo: said(REDO_CUES),
    change: said(CHANGE_CUES) || said(REDO_CUES),
    deregister: said(DEREGISTER_CUES),
    actions: actionsAsked([asked, official]),
    ...levelAsked(said, asked, withoutSpendingWords(q.text)),
  };
}

/** Per group of `actions`, whether the question (as asked or in official words) asks for it. */
function actionsAsked(readings: ReadonlyArray<readonly QuestionToken[]>): boolean[] {
  const asked = new Set(readings.flatMap((tokens) => ACTION_CUES.match(tokens).map((m) => m.value)));
  return ACTION_TITLES.map((_, i) => asked.has(i));
}

/** The one level the question names; none when it names none or several ("xã hay tỉnh"). */
function levelAsked(said: (cue: (tokens: readonly QuestionToken[]) => boolean) => boolean, tokens: readonly QuestionToken[], text: string): { level?: RegExp } {
  const named = new Set(ASKED_LEVELS.filter((l) => said(l.asked)).map((l) => l.level.source));
  for (const m of PLACE_LEVELS.match(tokens)) {
    const next = tokens[m.end];
    if (!next || !/^\p{Lu}/u.test(text.slice(next.start, next.end))) named.add(new RegExp(anyOf([m.value]), 'iu').source);
  }
  return named.size === 1 ? { level: new RegExp([...named][0]!, 'iu') } : {};
}

/** What the rules read of a procedure's title. */
interface TitleKinds {
  central: boolean;
  individuals: boolean;
  /** Per group of variantQualifiers: whether the title holds that special case. */
  variants: boolean[];
  organisation: boolean;
  reissue: boolean;
  minor: boolean;
  firstTime: boolean;
  change: boolean;
  redo: boolean;
  deregister: boolean;
  /** Per group of `actions`: whether the title states that action. */
  actions: boolean[];
}

function titleKinds(title: string): TitleKinds {
  return {
    central: CENTRAL_TITLE.test(title),
    individuals: INDIVIDUALS.test(title),
    variants: VARIANT_GROUPS.map((g) => g.title.test(title)),
    organisation: ORGANISATION_TITLE.test(title),
    reissue: REISSUE_LEAD.test(title.trim()),
    minor: MINOR_TITLE.test(title),
    firstTime: FIRST_TIME_TITLE.test(title),
    change: CHANGE_TITLE.test(title),
    redo: REDO_TITLE.test(title),
    deregister: DEREGISTER_TITLE.test(title.trim()),
    actions: ACTION_TITLES.map((t) => t.test(title)),
  };
}

/**
 * Titles already read, at most {@link TITLES_KEPT}: each question weighs 40 to 70 candidate
 * procedures, mostly the same few hundred. Keyed by the title text, so never stale.
 */
const TITLES_KEPT = 4096;
const kindsOfTitle = new BoundedCache<string, TitleKinds>(TITLES_KEPT);
/** Whether a subjects field names individuals, per chunk: chunks are immutable, and a re-index makes new ones. */
const individualSubjects = new WeakMap<Chunk, boolean>();

function namesIndividuals(subjects: Chunk): boolean {
  let found = individualSubjects.get(subjects);
  if (found === undefined) {
    found = INDIVIDUALS.test(subjects.text.slice(subjects.text.indexOf('\n') + 1));
    individualSubjects.set(subjects, found);
  }
  return found;
}

/** The score adjustment of one procedure (see the module comment); 0 when no rule applies. */
export function preferenceAdjustment(cue: PreferenceCues, doc: DocumentRecord, chunks: readonly Chunk[]): number {
  const title = kindsOfTitle.get(doc.title, titleKinds);
  let adjust = 0;
  if (cue.citizen && !cue.organisation) {
    const subjects = chunks.find((c) => c.sectionLabel === SUBJECT_LABEL);
    if (subjects !== undefined && namesIndividuals(subjects)) adjust += INDIVIDUAL_BONUS;
  }
  const level = doc.extra?.['cap_thuc_hien'] ?? '';
  if (!cue.central && LOCAL_LEVELS.test(level) && !title.central) adjust += LOCAL_LEVEL_BONUS;
  if (cue.level && level.trim() !== '') adjust += cue.level.test(level) ? ASKED_LEVEL_BONUS : -ASKED_LEVEL_BONUS;
  // A title that also lists individuals ("… hộ gia đình, cá nhân, người … ở nước ngoài") is for everyone.
  if (!title.individuals && title.variants.some((has, i) => has && !cue.variants[i])) adjust -= VARIANT_PENALTY;
  if (cue.citizen && !cue.organisation && title.organisation && !title.individuals) adjust -= VARIANT_PENALTY;
  if (!cue.minor && title.minor) adjust -= VARIANT_PENALTY;
  if (cue.firstTime && title.firstTime) adjust += FIRST_TIME_BONUS;
  else if (cue.firstTime && title.change) adjust -= CHANGE_PENALTY;
  else if (!cue.change && title.reissue) adjust -= CHANGE_PENALTY;
  if (cue.redo && title.redo) adjust += REDO_BONUS;
  if (cue.deregister && title.deregister) adjust += DEREGISTER_BONUS;
  if (cue.actions.some(Boolean)) {
    if (!title.actions.some(Boolean)) adjust -= ACTIONLESS_PENALTY;
    else adjust += title.actions.some((has, i) => has && cue.actions[i]) ? ACTION_BONUS : -ACTION_PENALTY;
  }
  return adjust;
}
