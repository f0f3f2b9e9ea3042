import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { bearer, binary, http, signIn } from './support';
import { useTestApp } from './test-app';

// A department's period in Excel: download the template, fill it, upload it; all rows are saved or none.
describe('bulk entry through the Excel template', () => {
  const t = useTestApp();
  let token: string;
  let template: ExcelJS.Workbook;
  const count = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM submissions'))[0].n);

  beforeAll(async () => {
    token = await signIn(t.app, 'sfj', 'taizhang-dept');
    const res = await http(t.app)
      .get('/api/submissions/template?planId=1')
      .set(bearer(token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    template = new ExcelJS.Workbook();
    await template.xlsx.load(res.body as unknown as ArrayBuffer);
  });

  /** A copy of the template with some figure rows filled: [row number, numerator, denominator, departmentId?]. */
  const filled = async (rows: Array<[number, number, number, number?]>): Promise<Buffer> => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet('填报 Figures')!;
    for (const [n, numerator, denominator, departmentId] of rows) {
      const row = sheet.getRow(n);
      row.getCell(7).value = numerator;
      row.getCell(8).value = denominator;
      if (departmentId !== undefined) row.getCell(4).value = departmentId;
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const ratioRows = () => {
    const rows: number[] = [];
    template.getWorksheet('填报 Figures')!.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(5).value).includes('%')) rows.push(n);
    });
    return rows;
  };
  const upload = (file: Buffer, name = 'filled.xlsx') =>
    http(t.app).post('/api/submissions/bulk').set(bearer(token)).attach('file', file, name);

  it('offers the department its outstanding items, with a frozen header and its own department id', async () => {
    const sheet = template.getWorksheet('填报 Figures')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('指标编号 metricId');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const me = (await http(t.app).get('/api/auth/me').set(bearer(token)).expect(200)).body;
    const departments = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && departments.add(row.getCell(4).value));
    expect([...departments]).toEqual([me.departmentId]);
    expect(ratioRows().length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a whole batch when one row is wrong, names the row, and writes nothing', async () => {
    const [a, b] = ratioRows();
    const before = await count();
    const res = await upload(
      await filled([
        [a, 8, 10],
        [b, 12, 10],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ sheet: '填报 Figures', row: b, messageZh: '分子 12 不能大于分母 10' }),
    ]);
    expect(res.body.messageZh).toContain('全部未保存');
    expect(await count()).toBe(before);
  });

  it('rejects a batch that mixes in another department, and writes nothing', async () => {
    const [a, b] = ratioRows();
    const other = (await t.app.get(DataSource).query("SELECT id FROM departments WHERE name = '区政府办'"))[0].id;
    const before = await count();
    const res = await upload(
      await filled([
        [a, 8, 10],
        [b, 9, 10, Number(other)],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ row: b, messageZh: '只能查看和报送本单位的数据' })]);
    expect(await count()).toBe(before);
  });

  it('saves every row of a sound batch at once', async () => {
    const [a, b] = ratioRows();
    const before = await count();
    const res = await upload(
      await filled([
        [a, 8, 10],
        [b, 9, 10],
      ]),
    ).expect(201);
    expect(res.body.created).toBe(2);
    expect(res.body.submissions.map((s: { row: number }) => s.row)).toEqual([a, b]);
    expect(await count()).toBe(before + 2);
  });

  it('refuses a file that is not an Excel workbook with 415', async () => {
    const res = await upload(Buffer.from('not a workbook'), 'figures.xlsx');
    expect(res.status).toBe(415);
    expect(res.body.messageZh).toContain('Excel');
  });
});
