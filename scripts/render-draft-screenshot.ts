/**
 * Renders page 1 of a sample công văn draft to docs/screenshots/draft-cong-van.png, for the
 * docs (not run in CI): composeDraft → draftToDocx → LibreOffice (PDF) → pdftoppm (PNG).
 *
 * Needs LibreOffice Writer and poppler-utils on the PATH. On Debian 12:
 *   apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation
 * Times New Roman is not packaged in Debian; LibreOffice substitutes the metric-compatible
 * Liberation Serif, so line breaks and widths match Word's, only the glyphs differ.
 *
 * Usage: npx tsx scripts/render-draft-screenshot.ts [out.png]
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDraft } from '../core/drafting/compose.ts';
import type { DraftFact } from '../core/drafting/compose.ts';
import { draftToDocx } from '../server/drafting/docx.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'docs/screenshots/draft-cong-van.png'));

const facts: DraftFact[] = [
  {
    text: 'Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
    citation: {
      n: 1,
      docId: 'kh-83-2021',
      sourceId: 'ubnd-quang-ngai',
      title: 'Kế hoạch chuyển đổi số tỉnh Quảng Ngãi',
      label: 'Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh',
      section: 'Mục II.1',
      quote: 'Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
    },
  },
];

const draft = composeDraft(
  {
    type: 'công văn',
    superiorBody: 'UBND tỉnh Quảng Ngãi',
    issuingBody: 'Sở Khoa học và Công nghệ',
    issuingBodyCode: 'SKHCN',
    draftingUnitCode: 'VP',
    place: 'Quảng Ngãi',
    subject: 'đề nghị báo cáo tình hình chuyển đổi số năm 2025',
    recipients: ['Ủy ban nhân dân các huyện, thị xã, thành phố'],
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signingAuthority: 'KT.',
    onBehalfOf: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    deadline: '2026-03-20',
    request: 'Soạn công văn đề nghị các huyện báo cáo tình hình chuyển đổi số năm 2025',
  },
  facts,
  { today: '2026-03-05' },
);

const work = await mkdtemp(join(tmpdir(), 'draft-shot-'));
try {
  const docx = join(work, 'draft-cong-van.docx');
  await writeFile(docx, await draftToDocx(draft));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'inherit' });
  const base = join(work, 'page1');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', '1', '-l', '1', join(work, 'draft-cong-van.pdf'), base], { stdio: 'inherit' });
  await copyFile(`${base}.png`, out);
  console.log(`wrote ${out}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
