/**
 * A payslip as a one-page A4 PDF with Chinese text. The font is Noto Sans SC from the npm package
 * @fontsource/noto-sans-sc (SIL OFL), never a system font: the package ships it as ~100 WOFF2
 * subsets by unicode range, so each run of text is set in the subset that holds its characters
 * (fontkit reads WOFF2; pdfkit embeds only the glyphs used, with a ToUnicode map, so the text can
 * be extracted again). Subsets are read and parsed once per process and kept. pdfkit and fontkit are loaded on the
 * first payslip, not when the service starts (≈ 0.3 s of CPU; docs/benchmarks.md).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Fontkit from 'fontkit';
import type PDFDocumentClass from 'pdfkit';
import { formatMoney } from '@cws/kernel';
import { PAYSLIP_FLAG_NAMES, type PayslipFlag, type PayslipView } from '@cws/payroll-contracts';

interface Subset {
  name: string;
  spans: Array<[number, number]>;
  font?: Fontkit.Font;
}

interface PdfLibraries {
  PDFDocument: typeof PDFDocumentClass;
  fontkit: typeof Fontkit;
}
let libraries: Promise<PdfLibraries> | undefined;

/** pdfkit and fontkit, loaded once, on the first payslip (CommonJS modules: pdfkit's class is its namespace's default). */
function loadPdfLibraries(): Promise<PdfLibraries> {
  return (libraries ??= Promise.all([import('pdfkit'), import('fontkit')]).then(([p, f]) => ({
    PDFDocument: ((p as { default?: typeof PDFDocumentClass }).default ?? p) as typeof PDFDocumentClass,
    fontkit: f,
  })));
}

let subsets: Subset[] | null = null;
let fontDir = '';

function loadSubsets(): Subset[] {
  if (subsets) return subsets;
  fontDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const ranges: Record<string, string> = JSON.parse(readFileSync(join(fontDir, 'unicode.json'), 'utf8'));
  subsets = Object.entries(ranges).map(([key, range]) => ({
    name: key.replace(/[[\]]/g, ''),
    spans: range.split(',').map((part) => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
    }),
  }));
  return subsets;
}

function subsetFor(cp: number): Subset {
  const all = loadSubsets();
  return all.find((s) => s.spans.some(([a, b]) => cp >= a && cp <= b)) ?? all.find((s) => s.name === 'latin')!;
}

/** The subset parsed once per process (WOFF2 → brotli-decoded tables, glyphs): pdfkit takes the fontkit font as is. */
function fontOf(fontkit: typeof Fontkit, s: Subset): Fontkit.Font {
  s.font ??= fontkit.create(readFileSync(join(fontDir, 'files', `noto-sans-sc-${s.name}-400-normal.woff2`))) as Fontkit.Font;
  return s.font;
}

/** Writes `text` at the cursor, switching subset fonts by character; `continued` keeps the line open. */
function write(fontkit: typeof Fontkit, doc: PDFKit.PDFDocument, text: string, opts: PDFKit.Mixins.TextOptions = {}): void {
  const runs: Array<{ subset: Subset; text: string }> = [];
  for (const ch of text) {
    const s = subsetFor(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.subset === s) last.text += ch;
    else runs.push({ subset: s, text: ch });
  }
  if (!runs.length) runs.push({ subset: subsetFor(0x20), text: ' ' });
  let used = registered.get(doc);
  if (!used) registered.set(doc, (used = new Set()));
  runs.forEach((r, i) => {
    const name = `noto-${r.subset.name}`;
    if (!used.has(name)) {
      doc.registerFont(name, fontOf(fontkit, r.subset) as unknown as Buffer);
      used.add(name);
    }
    doc.font(name).text(r.text, { ...opts, continued: i < runs.length - 1 || !!opts.continued });
  });
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

const KIND_TITLE: Record<string, string> = {
  EARNING: '应发项目 Earnings', EMPLOYEE_CONTRIBUTION: '个人缴费 Employee contributions', TAX: '个人所得税 Income tax',
  DEDUCTION: '其他扣款 Deductions', EMPLOYER_CONTRIBUTION: '单位缴费（不从工资扣除）Employer contributions', INFO: '说明 Notes',
};

export async function payslipPdf(slip: PayslipView, run: { id: string; period: string; status: string }): Promise<Buffer> {
  const { PDFDocument, fontkit } = await loadPdfLibraries();
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `工资条 ${slip.period} ${slip.name}`, Producer: 'Community Workforce Suite' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(16);
  write(fontkit, doc, `工资条 Payslip — ${slip.period}`);
  doc.moveDown(0.5).fontSize(10);
  write(fontkit, doc, `姓名 Name: ${slip.name}    工号 Worker: ${slip.workerId}`);
  write(fontkit, doc, `社区 Community: ${slip.communityCode}    街道 Street: ${slip.streetCode}    区 District: ${slip.districtCode}`);
  write(fontkit, doc, `发放批次 Run: ${run.id} (${run.status})    工资单号 Payslip: ${slip.id}${slip.grade !== null ? `    岗位等级 Grade: ${slip.band ?? ''} ${slip.grade}${slip.gradeSource === 'DERIVED' ? '（推算 derived）' : ''}` : ''}`);
  for (const kind of ['EARNING', 'EMPLOYEE_CONTRIBUTION', 'TAX', 'DEDUCTION', 'EMPLOYER_CONTRIBUTION', 'INFO']) {
    const lines = slip.lines.filter((l) => l.kind === kind);
    if (!lines.length) continue;
    doc.moveDown(0.6).fontSize(11);
    write(fontkit, doc, KIND_TITLE[kind] ?? kind);
    doc.fontSize(10);
    for (const l of lines) write(fontkit, doc, `  ${l.label}${l.refPeriod ? `（${l.refPeriod}）` : ''}：${l.amount}`);
  }
  doc.moveDown(0.8).fontSize(11);
  write(fontkit, doc, `应发合计 Gross: ${slip.gross}    个人缴费 Contributions: ${slip.employeeContributions}    个税 Tax: ${slip.tax}`);
  if (slip.recoveries !== formatMoney(0n)) write(fontkit, doc, `扣回 Recoveries: ${slip.recoveries}`);
  doc.fontSize(13);
  write(fontkit, doc, `实发金额 Net pay: ${slip.net}`);
  if (slip.flags.length) {
    doc.moveDown(0.5).fontSize(9);
    write(fontkit, doc, flagsLine(slip.flags));
  }
  doc.end();
  return done;
}

/** The slip's flags in words; a flag the engine has since added and this build does not name prints as its code. */
export function flagsLine(flags: readonly string[]): string {
  const name = (f: string) => PAYSLIP_FLAG_NAMES[f as PayslipFlag];
  return `说明 Notes: ${flags.map((f) => (name(f) ? `${name(f).zh} ${name(f).en}` : f)).join('；')}`;
}
