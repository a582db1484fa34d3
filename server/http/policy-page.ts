/**
 * The usage policy page (`/chinh-sach`, linked from the widget): prompts/policy.vi.md shown
 * as a page. The file is read as text — headings, paragraphs and numbered rules — and
 * every character is escaped: nothing in it is taken as markup.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const POLICY_FILE = fileURLToPath(new URL('../../prompts/policy.vi.md', import.meta.url));

/** One block of the policy text. */
export type PolicyBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'rules'; start: number; items: string[] };

/** The blocks of a policy written as `# title`, `## section`, paragraphs and `1.` rules (continued by indented lines). */
export function policyBlocks(markdown: string): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  let open: { kind: 'paragraph'; text: string } | { kind: 'rules'; start: number; items: string[] } | null = null;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    const rule = /^(\d{1,3})\.\s+(.*)$/.exec(line);
    if (!line) {
      if (open?.kind === 'paragraph') open = null;
      continue;
    }
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2, text: heading[2]! });
      open = null;
    } else if (rule) {
      if (open?.kind !== 'rules') {
        open = { kind: 'rules', start: Number(rule[1]), items: [] };
        blocks.push(open);
      }
      open.items.push(rule[2]!);
    } else if (open?.kind === 'rules' && /^\s/.test(raw)) {
      open.items[open.items.length - 1] += ` ${line}`;
    } else if (open?.kind === 'paragraph') {
      open.text += ` ${line}`;
    } else {
      open = { kind: 'paragraph', text: line };
      blocks.push(open);
    }
  }
  return blocks;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with every character that HTML would read as markup escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function blockHtml(b: PolicyBlock): string {
  if (b.kind === 'heading') return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
  if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
  return `<ol class="rules" start="${b.start}">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`;
}

/** The whole page for `markdown`, in the look of the other pages (no script, no inline style). */
export function policyPage(markdown: string): string {
  const blocks = policyBlocks(markdown);
  const title = blocks.find((b) => b.kind === 'heading')?.text ?? 'Chính sách sử dụng';
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} — Trợ lý ảo</title>
  <link rel="stylesheet" href="/styles.css">
  <link rel="stylesheet" href="/source.css">
</head>
<body>
  <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
  <header class="source-header">
    <div class="wrap">
      <p class="source-kicker"><a href="/">Cổng Dịch vụ công tỉnh Quảng Ngãi (trang mẫu)</a></p>
      <p class="source-sub">Chính sách sử dụng Trợ lý ảo</p>
    </div>
  </header>
  <main id="noi-dung" class="wrap source-main policy" tabindex="-1">
    ${blocks.map(blockHtml).join('\n    ')}
  </main>
  <footer class="source-footer">
    <div class="wrap">
      <p>Thông tin do Trợ lý ảo cung cấp chỉ mang tính tham khảo; văn bản được trích dẫn là căn cứ chính thức.</p>
    </div>
  </footer>
</body>
</html>
`;
}

let cached: string | undefined;

/** The policy page of prompts/policy.vi.md (read once: the policy changes with deployments). */
export function servedPolicyPage(): string {
  cached ??= policyPage(readFileSync(POLICY_FILE, 'utf8'));
  return cached;
}
