import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** DejaVu covers Cyrillic; read once per process from the npm package that ships it. */
const FONTS = {
  regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};

export interface PdfDraft {
  /** Fonts «regular» and «bold» are registered; the document starts in neither. */
  doc: PDFKit.PDFDocument;
  /** Ends the document and gives the whole file. */
  finish: () => Promise<Buffer>;
}

/**
 * A document being written, collected in memory: the platform's PDFs (a plan, a season report) are
 * a few pages, sent whole in one response.
 */
export function createPdf(options: PDFKit.PDFDocumentOptions): PdfDraft {
  const doc = new PDFDocument(options);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
