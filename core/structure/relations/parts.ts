/**
 * The parts of a text a relation concerns, one unit each: `điểm a khoản 2 Điều 3`,
 * `khoản 2 Điều 3`, `Điều 5`, `Phụ lục I`, `mục 2 Phần II Phụ lục`. Coordinated units
 * share the levels written after them ("điểm a và điểm b khoản 3 Điều 32"), ranges are
 * listed out ("từ Điều 10 đến Điều 14"), and a unit added "vào sau khoản 4 Điều 6" or
 * "vào khoản 1 Điều 2" takes its place there.
 */

const LEVELS = ['điểm', 'khoản', 'Điều'] as const;
const UNIT = /(?<![\p{L}])(điểm|khoản|điều)\s+(\d+[a-zđ]?|[a-zđ](?![\p{L}]))/giu;
const MAX_RANGE = 50;

interface Unit {
  level: number;
  label: string;
  start: number;
  end: number;
}

type Group = { units: Array<string | undefined>; start: number; end: number };

function unitsIn(text: string): Unit[] {
  return [...text.matchAll(UNIT)].map((m) => {
    const level = LEVELS.findIndex((l) => l.toLowerCase() === (m[1] ?? '').toLowerCase());
    return { level, label: m[2] ?? '', start: m.index ?? 0, end: (m.index ?? 0) + (m[0]?.length ?? 0) };
  });
}

/** Units written one after another from lower to higher level form one group ("điểm b khoản 1 Điều 9"). */
function groupsOf(text: string, units: Unit[]): Group[] {
  const groups: Group[] = [];
  for (const u of units) {
    const g = groups[groups.length - 1];
    const lastLevel = g ? g.units.reduce((top, x, i) => (x !== undefined ? i : top), -1) : -1;
    if (g && u.level > lastLevel && /^\s*(?:của\s+)?$/iu.test(text.slice(g.end, u.start))) {
      g.units[u.level] = u.label;
      g.end = u.end;
    } else {
      const fresh: Group = { units: [undefined, undefined, undefined], start: u.start, end: u.end };
      fresh.units[u.level] = u.label;
      groups.push(fresh);
    }
  }
  return groups;
}

function topLevel(g: Group): number {
  return g.units.reduce((top, x, i) => (x !== undefined ? i : top), -1);
}

function render(units: Array<string | undefined>): string {
  return units.map((x, i) => (x === undefined ? '' : `${LEVELS[i]} ${x}`)).filter(Boolean).join(' ');
}

/** Article units (`điểm`, `khoản`, `Điều`) in `text`, each complete as far as the text says. */
export function articleParts(text: string): string[] {
  const groups = groupsOf(text, unitsIn(text));
  const out: string[] = [];
  for (let i = 0; i < groups.length; i += 1) {
    const g = groups[i]!;
    const next = groups[i + 1];
    const between = next ? text.slice(g.end, next.start) : '';
    // "từ Điều 10 đến Điều 14"
    if (next && /^\s*đến\s*$/iu.test(between) && /từ\s*$/iu.test(text.slice(0, g.start)) && topLevel(g) === 2 && topLevel(next) === 2) {
      const a = Number(g.units[2]);
      const b = Number(next.units[2]);
      if (Number.isInteger(a) && Number.isInteger(b) && b >= a && b - a <= MAX_RANGE) {
        for (let n = a; n <= b; n += 1) out.push(render([g.units[0], g.units[1], String(n)]));
        i += 1;
        continue;
      }
    }
    // "khoản 5 vào sau khoản 4 Điều 6", "điểm đ vào khoản 1 Điều 2": placed within the next group.
    const placed = next && /^\s*vào(?:\s+(?:sau|trước|cuối|đầu))?\s*$/iu.test(between);
    if (placed) {
      // Either way the new unit takes the levels above its own from the unit named after "vào".
      const top = topLevel(g);
      out.push(render(g.units.map((x, level) => x ?? (level > top ? next.units[level] : undefined))));
      i += 1;
      continue;
    }
    // Coordinated units take the higher levels of the next group that writes them.
    const units = [...g.units];
    const top = topLevel(g);
    if (top < 2) {
      for (let j = i + 1; j < groups.length; j += 1) {
        const later = groups[j]!;
        if (!/^\s*(?:,|và|,\s*và)\s*$/iu.test(text.slice(groups[j - 1]!.end, later.start))) break;
        if (topLevel(later) > top) {
          for (let level = top + 1; level < 3; level += 1) units[level] ??= later.units[level];
          break;
        }
      }
    }
    out.push(render(units));
  }
  return out;
}

const ANNEX = /(?<![\p{L}])Phụ lục(?:\s+số)?(?:\s+([IVXL]+|\d+)(?![\p{L}\d]))?/u;
const LIST = /(?<![\p{L}])Danh mục((?:\s+(?!ban hành|kèm theo|của|thuộc|trong)[\p{L}\d,]+){1,6}?)(?=\s+(?:ban hành|kèm theo|của)|$)/u;
const SECTION = /(?<![\p{L}])([Mm]ục)\s+([\dIVXL]+(?:\.\d+)*)(?![\p{L}\d])/gu;
const PART = /(?<![\p{L}])([Pp]hần)\s+([IVXL]+|\d+)(?![\p{L}\d])/u;

/** Annex units (`Phụ lục I`, `mục 192 Phụ lục IV`, `mục 3.1 phần VII Danh mục phí, lệ phí`). */
export function annexParts(text: string): string[] {
  const annex = ANNEX.exec(text);
  const list = annex ? undefined : LIST.exec(text);
  const container = annex ? annex[0].replace(/\s+/gu, ' ') : list ? `Danh mục${(list[1] ?? '').replace(/\s+/gu, ' ')}`.trim() : undefined;
  const sections = [...text.matchAll(SECTION)].map((m) => `${m[1]} ${m[2]}`);
  const part = PART.exec(text);
  const partLabel = part ? `${part[1]} ${part[2]}` : undefined;
  if (!container) return [];
  if (sections.length === 0) return [[partLabel, container].filter(Boolean).join(' ')];
  return sections.map((s) => [s, partLabel, container].filter(Boolean).join(' '));
}

/** Every unit a relation's clause names, article units first. */
export function partsIn(text: string): string[] {
  return [...new Set([...articleParts(text), ...annexParts(text)])];
}
