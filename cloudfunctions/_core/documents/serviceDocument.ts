/**
 * PDF documents of volunteer service: the proof (志愿服务证明, numbered, issued by the organiser,
 * with a verification code and QR) and the plain record (志愿服务记录, the volunteer's own
 * export, explicitly not a proof). Chinese text needs an embedded CJK font: LINLI_PDF_FONT, or
 * the font staged beside the deployed function, or the one `npm install` brought (cjkFont.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONT_PACKAGE, packagedFont } from './cjkFont';

const STAGED = join(__dirname, 'fonts', 'font.json');

function cjkFont(): { path: string; family?: string } {
  const configured = process.env.LINLI_PDF_FONT;
  if (configured) return { path: configured, family: process.env.LINLI_PDF_FONT_FAMILY };
  // On CloudBase: the font `npm run deploy:functions` staged beside the bundle.
  if (existsSync(STAGED)) {
    const staged = JSON.parse(readFileSync(STAGED, 'utf8')) as { file: string; family?: string };
    return { path: join(__dirname, 'fonts', staged.file), family: staged.family };
  }
  // Locally (the local cloud, tests): the npm package, resolved from the running bundle.
  const packaged = packagedFont();
  if (!packaged || !existsSync(packaged)) throw new Error(`no CJK font for PDFs: run \`npm install\` (it brings ${FONT_PACKAGE}) or set LINLI_PDF_FONT`);
  return { path: packaged };
}

export interface ServiceLine {
  date: string;
  organisation: string;
  content: string;
  minutes: number;
}

export interface ProofDocument {
  kind: 'proof';
  serialNo: string;
  volunteerName: string;
  idType: string;
  idNumber: string;
  volunteerNo: string;
  from: string;
  to: string;
  totalMinutes: number;
  lines: ServiceLine[];
  issuerName: string;
  personInCharge: string;
  handler: string;
  contact: string;
  issueDate: string;
  remarks: string;
  verificationCode: string;
  /** The web verification link (printed, and drawn as a second QR code), when a public URL is configured. */
  verifyUrl: string | null;
  /** The mini-program code (PNG, wxacode.getUnlimited) opening the verify page with the code. */
  miniProgramCode: Buffer;
}

export interface RecordDocument {
  kind: 'record';
  volunteerName: string;
  volunteerNo: string;
  from: string;
  to: string;
  totalMinutes: number;
  lines: ServiceLine[];
  generatedAt: string;
}

const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** Renders a proof or a record to PDF bytes. */
export async function renderServiceDocument(doc: ProofDocument | RecordDocument): Promise<Buffer> {
  const font = cjkFont();
  const urlQr = doc.kind === 'proof' && doc.verifyUrl ? await QRCode.toBuffer(doc.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) : null;
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.kind === 'proof' ? '志愿服务证明' : '志愿服务记录', Creator: 'Linli 邻里' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('cjk', font.path, font.family);
  pdf.font('cjk');

  pdf.fontSize(22).text(doc.kind === 'proof' ? '志愿服务证明' : '志愿服务记录', { align: 'center' });
  pdf.moveDown(0.5);
  if (doc.kind === 'proof') {
    pdf.fontSize(10).text(`证明编号：${doc.serialNo}`, { align: 'right' });
  } else {
    pdf.fontSize(10).text('本文件为志愿者自行导出的服务记录，不是志愿服务证明。', { align: 'center' });
  }
  pdf.moveDown();
  pdf.fontSize(12);
  pdf.text(`志愿者姓名：${doc.volunteerName}`);
  if (doc.kind === 'proof') pdf.text(`证件类型及号码：${doc.idType} ${doc.idNumber}`);
  pdf.text(`志愿者编号：${doc.volunteerNo}`);
  pdf.text(`服务期间：${doc.from} 至 ${doc.to}`);
  pdf.text(`累计服务时长：${hours(doc.totalMinutes)} 小时`);
  pdf.moveDown();
  pdf.fontSize(12).text('服务内容：');
  pdf.fontSize(10);
  for (const line of doc.lines.slice(0, 60)) {
    pdf.text(`${line.date}  ${line.organisation}  ${line.content}  ${hours(line.minutes)} 小时`);
  }
  if (doc.lines.length > 60) pdf.text(`……另有 ${doc.lines.length - 60} 条记录`);
  pdf.moveDown();
  pdf.fontSize(12);
  if (doc.kind === 'proof') {
    pdf.text(`出具单位：${doc.issuerName}`);
    pdf.text(`负责人：${doc.personInCharge}    经办人：${doc.handler}    联系方式：${doc.contact}`);
    pdf.text(`出具日期：${doc.issueDate}`);
    if (doc.remarks) pdf.text(`备注：${doc.remarks}`);
    pdf.moveDown();
    const y = pdf.y;
    pdf.image(doc.miniProgramCode, 56, y, { width: 96 });
    pdf.fontSize(10).text(`核验码：${doc.verificationCode}`, 168, y + 20);
    pdf.text(`微信扫码或在“邻里”小程序中输入核验码核验本证明`, 168, y + 40);
    if (doc.verifyUrl && urlQr) {
      pdf.text(doc.verifyUrl, 168, y + 60, { width: 260 });
      pdf.image(urlQr, 443, y, { width: 96 });
    }
  } else {
    pdf.fontSize(10).text(`生成时间：${doc.generatedAt}`);
  }
  pdf.end();
  return done;
}
