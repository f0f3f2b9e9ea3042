import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { SubmissionEntity } from '../src/submissions/submission.entity';
import { PNG_1X1, smallPdf } from './files';
import { smallDocx } from './plan-import-files';
import { as, binary, expectError, http, signInDemo, writeCounts } from './support';
import { useTestApp } from './test-app';

/**
 * Uploads an attacker would send (issue #15): Office files that unpack to far more than they weigh (item 3), and
 * evidence whose name lies about its type or hides characters (item 5).
 */

/** A package holding word/document.xml as 200 MB of zeros, deflated at level 9 to about 200 KB. */
const bombPackage = () =>
  new JSZip()
    .file('word/document.xml', Buffer.alloc(200 * 1024 * 1024))
    .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

/**
 * The parts of `base` beside the bomb's (a .docx reads word/document.xml; exceljs inflates every part of an .xlsx).
 * jszip copies the bomb's compressed bytes as they are, so it is deflated once for every file built from it.
 */
async function withBomb(bomb: Buffer, base: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bomb);
  const parts = await JSZip.loadAsync(base);
  for (const part of Object.values(parts.files))
    if (!part.dir && !zip.file(part.name)) zip.file(part.name, await part.async('nodebuffer'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites the unpacked size an entry declares (local header and central directory), as a forged zip would. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const bytes = Buffer.from(name);
  const named = (at: number) => out.readUInt16LE(at) === bytes.length;
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50 && named(i + 26) && out.subarray(i + 30, i + 30 + bytes.length).equals(bytes))
      out.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50 && named(i + 28) && out.subarray(i + 46, i + 46 + bytes.length).equals(bytes))
      out.writeUInt32LE(size, i + 24);
  }
  return out;
}

const UNPACKS_TOO_LARGE: [RegExp, RegExp] = [
  /^文件解压后超过 50 MB，无法读取/,
  /^The file unpacks to more than 50 MB and cannot be read/,
];

describe('hardened uploads', () => {
  const t = useTestApp();
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let template: Buffer;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    template = (
      await as(t.app, tokens.sfj).get('/api/submissions/template?planId=1').buffer(true).parse(binary).expect(200)
    ).body;
  });

  describe('zip bombs in Excel and Word uploads (item 3)', () => {
    let bombXlsx: Buffer;
    let bombDocx: Buffer;
    beforeAll(async () => {
      const bomb = await bombPackage();
      bombXlsx = await withBomb(bomb, template);
      bombDocx = await withBomb(bomb, await smallDocx());
      expect(bombXlsx.length).toBeLessThan(1024 * 1024);
    }, 60_000);

    const bulk = (file: Buffer) =>
      as(t.app, tokens.sfj).post('/api/submissions/bulk').attach('file', file, 'filled.xlsx');
    const planImport = (file: Buffer, name: string) =>
      as(t.app, tokens.admin)
        .post('/api/plans/import')
        .field('code', 'bomb-2020')
        .field('title', '炸弹')
        .field('year', '2020')
        .field('district', '红桥区')
        .attach('file', file, name);
    const timed = async <T>(work: () => PromiseLike<T>): Promise<{ value: T; ms: number }> => {
      const start = Date.now();
      const value = await work();
      return { value, ms: Date.now() - start };
    };

    it('refuses a bulk .xlsx declaring 200 MB unpacked with a bilingual 400 before inflating it, writing nothing, while the server keeps answering', async () => {
      const before = await writeCounts(t.app);
      // Three at once and a health check beside them: the check reads sizes, it inflates nothing.
      const [a, b, c, health] = await Promise.all([
        timed(() => bulk(bombXlsx)),
        timed(() => bulk(bombXlsx)),
        timed(() => bulk(bombXlsx)),
        timed(() => http(t.app).get('/api/health')),
      ]);
      for (const { value, ms } of [a, b, c]) {
        expectError(value, 400, 'INVALID_INPUT', ...UNPACKS_TOO_LARGE);
        expect(ms).toBeLessThan(2000);
      }
      expect(health.value.status).toBe(200);
      expect(health.ms).toBeLessThan(1000);
      expect(await writeCounts(t.app)).toEqual(before);
    });

    it('refuses a part lying about its size once it inflates past what it declared', async () => {
      const { value, ms } = await timed(() => bulk(declareSize(bombXlsx, 'word/document.xml', 1000)));
      expectError(value, 400, 'INVALID_INPUT', ...UNPACKS_TOO_LARGE);
      expect(ms).toBeLessThan(2000);
      const docx = await timed(() => planImport(declareSize(bombDocx, 'word/document.xml', 1000), 'ledger.docx'));
      expectError(docx.value, 400, 'INVALID_INPUT', ...UNPACKS_TOO_LARGE);
      expect(docx.ms).toBeLessThan(2000);
    });

    it('refuses a plan-import .docx or .xlsx that unpacks to 200 MB, quickly', async () => {
      for (const [file, name] of [
        [bombDocx, 'ledger.docx'],
        [bombXlsx, 'ledger.xlsx'],
      ] as const) {
        const { value, ms } = await timed(() => planImport(file, name));
        expectError(value, 400, 'INVALID_INPUT', ...UNPACKS_TOO_LARGE);
        expect(ms).toBeLessThan(2000);
      }
    });

    it('refuses a package of more than 1,000 parts', async () => {
      const zip = await JSZip.loadAsync(template);
      for (let i = 0; i < 1001; i++) zip.file(`xl/extra/${i}.txt`, 'x');
      const res = await bulk(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      expectError(
        res,
        400,
        'INVALID_INPUT',
        /^文件包含 10\d\d 个部件，超过 1000 个，无法读取/,
        /^The file has 10\d\d parts, more than 1000, and cannot be read/,
      );
    });

    it('still takes the ordinary template and Word ledger', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('填报 Figures')!;
      let row = 0;
      sheet.eachRow((r, n) => {
        if (!row && n > 1 && String(r.getCell(5).value).includes('%')) row = n;
      });
      sheet.getRow(row).getCell(7).value = 9;
      sheet.getRow(row).getCell(8).value = 10;
      const res = await bulk(Buffer.from(await book.xlsx.writeBuffer())).expect(201);
      expect(res.body).toMatchObject({
        created: 1,
        submissions: [expect.objectContaining({ sheet: '填报 Figures', row })],
      });
      const preview = await planImport(await smallDocx(), 'ledger.docx').expect(200);
      expect(preview.body.parsed.indicators).toHaveLength(2);
    });
  });

  describe('evidence file names (item 5)', () => {
    let submissionId: number;
    beforeAll(async () => {
      const own = await t.app
        .get(DataSource)
        .getRepository(SubmissionEntity)
        .findOneByOrFail({ departmentId: tokens.departmentOf.sfj });
      submissionId = own.id;
    });
    const attach = (file: Buffer, name: string) =>
      as(t.app, tokens.sfj).post(`/api/submissions/${submissionId}/evidence`).attach('file', file, name);
    const download = (id: number) =>
      as(t.app, tokens.leader).get(`/api/evidence/${id}`).buffer(true).parse(binary).expect(200);
    const disposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

    it.each([
      ['a PDF named .html', smallPdf(), '整改报告.html', '整改报告.html.pdf', 'application/pdf'],
      ['a PNG named .pdf', PNG_1X1, 'scan.pdf', 'scan.pdf.png', 'image/png'],
      ['a PNG without an extension', PNG_1X1, '现场照片', '现场照片.png', 'image/png'],
      ['a PDF named .PDF', smallPdf(), 'Report.PDF', 'Report.PDF', 'application/pdf'],
    ])('stores and serves %s under the extension of its bytes', async (_, bytes, sent, stored, mime) => {
      const res = await attach(bytes, sent).expect(201);
      expect(res.body).toMatchObject({ filename: stored, mimeType: mime });
      const file = await download(res.body.id);
      expect(file.headers['content-type']).toBe(mime);
      expect(file.headers['content-disposition']).toBe(disposition(stored));
    });

    /** A multipart upload whose file name is sent RFC 5987-encoded (filename*=UTF-8''…), which carries any character. */
    const attachEncoded = (file: Buffer, name: string) => {
      const boundary = 'taizhang-test-boundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const body = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return as(t.app, tokens.sfj)
        .post(`/api/submissions/${submissionId}/evidence`)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body);
    };

    it('removes control characters and bidi marks from names, so that a right-to-left override cannot pass .exe off as .pdf', async () => {
      const res = await attach(smallPdf(), '报告\u202Efdp.exe').expect(201);
      expect(res.body.filename).toBe('报告fdp.exe.pdf');
      const hidden = [
        '\u0000',
        '\u0001',
        '\u0007',
        '\t',
        '\n',
        '\r',
        '\u001b',
        '\u007f',
        '\u0085',
        '\u009f',
        '\u200e',
        '\u200f',
        '\u202a',
        '\u202b',
        '\u202c',
        '\u202d',
        '\u202e',
        '\u2066',
        '\u2067',
        '\u2068',
        '\u2069',
      ].join('');
      const all = await attachEncoded(smallPdf(), `整${hidden}改.pdf`).expect(201);
      expect(all.body.filename).toBe('整改.pdf');
      expect((await download(all.body.id)).headers['content-disposition']).toBe(disposition('整改.pdf'));
      const only = await attachEncoded(PNG_1X1, hidden).expect(201);
      expect(only.body.filename).toBe('佐证材料.png');
    });

    it('keeps the download header to one attachment name, whatever the name holds', async () => {
      const res = await attach(smallPdf(), 'a"; filename=evil.html; x=.pdf').expect(201);
      expect(res.body.filename).toBe('a_; filename=evil.html; x=.pdf');
      const header = (await download(res.body.id)).headers['content-disposition'];
      expect(header).toBe(disposition('a_; filename=evil.html; x=.pdf'));
      expect(header).toMatch(/^attachment; filename\*=UTF-8''[^\s;"]+$/);
    });

    it('serves a file stored before names were checked under its true extension', async () => {
      const res = await attach(smallPdf(), 'old.pdf').expect(201);
      await t.app
        .get(DataSource)
        .createQueryBuilder()
        .update('evidence_files')
        .set({ filename: '旧\u202E报告.html' })
        .where('id = :id', { id: res.body.id })
        .execute();
      expect((await download(res.body.id)).headers['content-disposition']).toBe(disposition('旧报告.html.pdf'));
    });
  });
});
