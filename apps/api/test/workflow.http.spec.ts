import type { PlanTreeResponse, QueueResponse, RevisionResponse } from '@taizhang/contracts';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { PNG_1X1, sha256, smallPdf } from './files';
import { as, binary, expectError, ROLE_REFUSED, signInDemo, writeCounts } from './support';
import { useTestApp } from './test-app';

const TODAY = '2021-02-01';
const OWN_ONLY = ['只能查看和报送本单位的数据', 'You may only see and report your own department’s figures'] as const;
type Dept = 'sfj' | 'zfb' | 'zwfwb';
const DEPTS: Dept[] = ['sfj', 'zfb', 'zwfwb'];

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

describe('the submission workflow', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY, MAX_UPLOAD_MB: '1' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let departments: Array<{ id: number; code: string; name: string; isGroup: boolean }>;
  let metricIds: Map<string, number>;
  /** Who reports each metric, and who leads it, as the plan says. */
  const assigned = new Map<number, Set<number>>();
  const leads = new Map<number, Set<number>>();
  /** The latest revision of each metric, department and period, by "metric:department". */
  const latest = new Map<string, number>();
  /** A piece of evidence each demo department attached to one of its own submissions. */
  const evidenceOf = {} as Record<Dept, number>;
  const dept = (u: Dept) => tokens.departmentOf[u];

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    departments = (await as(t.app, tokens.leader).get('/api/departments').expect(200)).body;
    const metrics: Array<{ id: number; code: string; departments: Array<{ departmentId: number }> }> = (
      await as(t.app, tokens.leader).get('/api/metrics?planId=1').expect(200)
    ).body;
    metricIds = new Map(metrics.map((m) => [m.code, m.id]));
    for (const m of metrics) assigned.set(m.id, new Set(m.departments.map((d) => d.departmentId)));
    const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get('/api/plans/1').expect(200)).body;
    for (const second of tree.indicators.flatMap((f) => f.children)) {
      const leadIds = second.leadDepartments.map((d) => departments.find((x) => x.code === d.code)!.id);
      for (const m of second.tasks.flatMap((task) => task.metrics)) leads.set(m.id, new Set(leadIds));
    }
    const rows: Array<{ id: number; metric_id: number; department_id: number }> = await t.app
      .get(DataSource)
      .query('SELECT id, metric_id, department_id FROM submissions ORDER BY id');
    for (const r of rows) latest.set(`${r.metric_id}:${r.department_id}`, Number(r.id));
    for (const u of DEPTS) {
      const own = [...latest.entries()].find(([k]) => Number(k.split(':')[1]) === dept(u))!;
      evidenceOf[u] = (
        await as(t.app, tokens[u])
          .post(`/api/submissions/${own[1]}/evidence`)
          .attach('file', smallPdf(`evidence of ${u}`), `${u}.pdf`)
          .expect(201)
      ).body.id;
    }
  });

  describe('department isolation', () => {
    it('keeps 区司法局 out of other departments’ metrics, submissions, queue and evidence, and writes nothing', async () => {
      const sfj = as(t.app, tokens.sfj);
      const other = dept('zfb');
      const before = await writeCounts(t.app);
      // T004-1 is 区政务服务办’s alone.
      expectError(await sfj.get(`/api/metrics/${metricIds.get('T004-1')}`), 403, 'FORBIDDEN', ...OWN_ONLY);
      expectError(await sfj.get(`/api/metrics/${metricIds.get('T004-1')}/evaluations`), 403, 'FORBIDDEN', ...OWN_ONLY);
      const shared = metricIds.get('T015-1')!;
      expectError(
        await sfj.get(`/api/metrics/${shared}/evaluations?departmentId=${other}`),
        403,
        'FORBIDDEN',
        ...OWN_ONLY,
      );
      expectError(
        await sfj.get(`/api/submissions?metricId=${shared}&departmentId=${other}`),
        403,
        'FORBIDDEN',
        ...OWN_ONLY,
      );
      expectError(await sfj.get(`/api/queue?planId=1&departmentId=${other}`), 403, 'FORBIDDEN', ...OWN_ONLY);
      expectError(await sfj.get(`/api/evidence/${evidenceOf.zfb}`), 403, 'FORBIDDEN', ...OWN_ONLY);
      expectError(
        await sfj
          .post(`/api/submissions/${latest.get(`${shared}:${other}`)}/evidence`)
          .attach('file', PNG_1X1, 'x.png'),
        403,
        'FORBIDDEN',
        ...OWN_ONLY,
      );
      expectError(
        await sfj
          .post('/api/submissions')
          .send({ metricId: shared, departmentId: other, period: '2020-12', value: 99, reason: 'x' }),
        403,
        'FORBIDDEN',
        ...OWN_ONLY,
      );
      // Sending figures back is a leader's act (hardening-auth.http.spec.ts).
      expectError(
        await sfj.post(`/api/submissions/${latest.get(`${shared}:${other}`)}/return`).send({ comment: '请核实' }),
        403,
        'FORBIDDEN',
        ...ROLE_REFUSED,
      );
      expect(await writeCounts(t.app)).toEqual(before);
      // What is theirs stays readable: their own view of the shared metric holds their own department only.
      const own = (await sfj.get(`/api/metrics/${shared}`).expect(200)).body;
      expect(own.departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([dept('sfj')]);
      await sfj.get(`/api/evidence/${evidenceOf.sfj}`).expect(200);
    });

    it('refuses a user of the metric’s lead department returning another department’s figures: returning is a leader’s act', async () => {
      const shared = metricIds.get('T015-1')!;
      expect(leads.get(shared)!.has(dept('zwfwb'))).toBe(true);
      const before = await writeCounts(t.app);
      expectError(
        await as(t.app, tokens.zwfwb)
          .post(`/api/submissions/${latest.get(`${shared}:${dept('sfj')}`)}/return`)
          .send({ comment: '牵头单位：请补充说明' }),
        403,
        'FORBIDDEN',
        ...ROLE_REFUSED,
      );
      expect(await writeCounts(t.app)).toEqual(before);
    });

    it('refuses every cross-department attempt with 403 and writes nothing (property over the seeded users, departments and metrics)', async () => {
      const realDepartments = departments.filter((d) => !d.isGroup).map((d) => d.id);
      const metrics = [...metricIds.values()];
      const files = filesUnder(t.db.uploadsDir).length;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...DEPTS),
          fc.constantFrom(...realDepartments),
          fc.constantFrom(...metrics),
          async (user, departmentId, metricId) => {
            fc.pre(departmentId !== dept(user));
            const api = as(t.app, tokens[user]);
            const before = await writeCounts(t.app);
            const statuses: Record<string, number> = {
              submit: (
                await api
                  .post('/api/submissions')
                  .send({ metricId, departmentId, period: '2020-12', value: 50, reason: '越权尝试' })
              ).status,
              revisions: (await api.get(`/api/submissions?metricId=${metricId}&departmentId=${departmentId}`)).status,
              queue: (await api.get(`/api/queue?planId=1&departmentId=${departmentId}`)).status,
              history: (await api.get(`/api/metrics/${metricId}/evaluations?departmentId=${departmentId}`)).status,
            };
            if (!assigned.get(metricId)!.has(dept(user)))
              statuses.metric = (await api.get(`/api/metrics/${metricId}`)).status;
            const theirs = latest.get(`${metricId}:${departmentId}`);
            if (theirs) {
              statuses.evidence = (
                await api.post(`/api/submissions/${theirs}/evidence`).attach('file', PNG_1X1, 'x.png')
              ).status;
              statuses.return = (
                await api.post(`/api/submissions/${theirs}/return`).send({ comment: '越权退回' })
              ).status;
            }
            const owner = DEPTS.find((d) => dept(d) === departmentId);
            if (owner) statuses.download = (await api.get(`/api/evidence/${evidenceOf[owner]}`)).status;
            expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((k) => [k, 403])));
            expect(await writeCounts(t.app)).toEqual(before);
          },
        ),
        { numRuns: 40 },
      );
      expect(filesUnder(t.db.uploadsDir)).toHaveLength(files);
    });
  });

  describe('revisions and returns', () => {
    let metricId: number;
    let period: string;
    const queueItem = async () => {
      const queue: QueueResponse = (await as(t.app, tokens.sfj).get('/api/queue?planId=1').expect(200)).body;
      return queue.items.find((i) => i.metricId === metricId && i.period === period)!;
    };

    it('keeps both revisions: a second one without a reason is 400 and writes nothing, with a reason it is revision 2', async () => {
      // Something 区司法局 has not reported yet.
      const queue: QueueResponse = (await as(t.app, tokens.sfj).get('/api/queue?planId=1').expect(200)).body;
      const open = queue.items.find(
        (i) => i.latestRevision === null && i.accepts.includes('value') && i.unit === 'percent',
      )!;
      expect(open).toBeDefined();
      expect(open.state).toBe('overdue');
      ({ metricId, period } = open);
      const body = { metricId, departmentId: dept('sfj'), period, value: 97 };
      expect(
        (await as(t.app, tokens.sfj).post('/api/submissions').send(body).expect(201)).body.submission.revision,
      ).toBe(1);
      expect((await queueItem()).state).toBe('submitted');
      const before = await writeCounts(t.app);
      for (const reason of [undefined, '', '   ']) {
        expectError(
          await as(t.app, tokens.sfj)
            .post('/api/submissions')
            .send({ ...body, value: 98, reason }),
          400,
          'INVALID_INPUT',
          '已报送过第 1 版，更正须填写更正理由 reason',
          'Revision 1 exists; a correction needs a reason',
        );
      }
      expect(await writeCounts(t.app)).toEqual(before);
      const second = (
        await as(t.app, tokens.sfj)
          .post('/api/submissions')
          .send({ ...body, value: 98, reason: '台账复核后更正' })
          .expect(201)
      ).body.submission;
      expect(second).toMatchObject({
        revision: 2,
        reason: '台账复核后更正',
        figure: { type: 'value', value: 98 },
        submittedBy: 'sfj',
      });
      const history: RevisionResponse[] = (
        await as(t.app, tokens.sfj).get(`/api/submissions?metricId=${metricId}`).expect(200)
      ).body;
      expect(history.filter((r) => r.period === period).map((r) => [r.revision, r.figure, r.reason])).toEqual([
        [2, { type: 'value', value: 98 }, '台账复核后更正'],
        [1, { type: 'value', value: 97 }, null],
      ]);
    });

    it('a leader returns the latest revision: the queue shows it returned with the comment; a corrected revision makes it submitted again', async () => {
      const returned = (await queueItem()).latestRevision!;
      expect(returned.revision).toBe(2);
      expectError(
        await as(t.app, tokens.leader).post(`/api/submissions/${returned.id}/return`).send({ comment: '  ' }),
        400,
        'INVALID_INPUT',
        '请填写退回意见',
        'a comment is required',
      );
      await as(t.app, tokens.leader)
        .post(`/api/submissions/${returned.id}/return`)
        .send({ comment: '分母与台账不符，请核实' })
        .expect(201, { returned: true });
      expect(await queueItem()).toMatchObject({
        state: 'returned',
        returnComment: '分母与台账不符，请核实',
        latestRevision: { id: returned.id, revision: 2 },
      });
      expectError(
        await as(t.app, tokens.leader).post(`/api/submissions/${returned.id}/return`).send({ comment: '再退一次' }),
        409,
        'CONFLICT',
        '该版本已被退回，等待更正',
        'This revision was already returned and awaits correction',
      );
      // A leader does not submit figures.
      expectError(
        await as(t.app, tokens.leader)
          .post('/api/submissions')
          .send({ metricId, departmentId: dept('sfj'), period, value: 99, reason: 'x' }),
        403,
        'FORBIDDEN',
        ...ROLE_REFUSED,
      );

      const third = (
        await as(t.app, tokens.sfj)
          .post('/api/submissions')
          .send({ metricId, departmentId: dept('sfj'), period, value: 99, reason: '按退回意见更正' })
          .expect(201)
      ).body.submission;
      expect(third.revision).toBe(3);
      expect(await queueItem()).toMatchObject({
        state: 'submitted',
        returnComment: null,
        latestRevision: { id: third.id, revision: 3 },
      });
      const history = (
        (
          await as(t.app, tokens.leader)
            .get(`/api/submissions?metricId=${metricId}&departmentId=${dept('sfj')}`)
            .expect(200)
        ).body as RevisionResponse[]
      ).filter((r) => r.period === period);
      expect(
        history.map((r) => ({
          revision: r.revision,
          reason: r.reason,
          returns: r.returns.map((x) => [x.comment, x.by]),
        })),
      ).toEqual([
        { revision: 3, reason: '按退回意见更正', returns: [] },
        { revision: 2, reason: '台账复核后更正', returns: [['分母与台账不符，请核实', 'leader']] },
        { revision: 1, reason: null, returns: [] },
      ]);
      // Only the latest revision can be returned.
      expectError(
        await as(t.app, tokens.leader).post(`/api/submissions/${history[2].id}/return`).send({ comment: '旧版' }),
        409,
        'CONFLICT',
        /^第 1 版已被第 3 版更正/,
      );
    });
  });

  describe('evidence files', () => {
    let submissionId: number;
    beforeAll(() => {
      submissionId = latest.get(`${metricIds.get('T051-1')}:${dept('sfj')}`)!;
    });
    const upload = (file: Buffer, name: string) =>
      as(t.app, tokens.sfj).post(`/api/submissions/${submissionId}/evidence`).attach('file', file, name);

    it.each([
      ['a PDF', smallPdf(), '整改报告.pdf', 'application/pdf'],
      ['a PNG', PNG_1X1, 'photo.png', 'image/png'],
    ])('stores %s under its SHA-256 in UPLOADS_DIR and serves the same bytes back', async (_, bytes, name, mime) => {
      const res = await upload(bytes, name).expect(201);
      expect(res.body).toMatchObject({
        submissionId,
        filename: name,
        mimeType: mime,
        size: bytes.length,
        sha256: sha256(bytes),
      });
      const onDisk = path.join(t.db.uploadsDir, sha256(bytes).slice(0, 2), sha256(bytes));
      expect(readFileSync(onDisk).equals(bytes)).toBe(true);
      const download = await as(t.app, tokens.leader)
        .get(`/api/evidence/${res.body.id}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(download.headers['content-type']).toBe(mime);
      expect((download.body as Buffer).equals(bytes)).toBe(true);
      const history: RevisionResponse[] = (
        await as(t.app, tokens.sfj)
          .get(`/api/submissions?metricId=${metricIds.get('T051-1')}`)
          .expect(200)
      ).body;
      expect(history.find((r) => r.id === submissionId)!.evidence).toContainEqual(
        expect.objectContaining({ id: res.body.id, sha256: sha256(bytes), filename: name }),
      );
    });

    it('refuses a text file named .pdf (415) and a file over MAX_UPLOAD_MB (413), writing nothing', async () => {
      const before = await writeCounts(t.app);
      const files = filesUnder(t.db.uploadsDir).length;
      expectError(
        await upload(Buffer.from('this is plain text, not a PDF\n'.repeat(20)), 'report.pdf'),
        415,
        'UNSUPPORTED_FILE',
        /^无法识别或不允许的文件类型，请上传：PDF、PNG/,
        /^Unrecognised or disallowed file type; upload one of: PDF, PNG/,
      );
      const big = Buffer.concat([smallPdf(), Buffer.alloc(Math.round(1.2 * 1024 * 1024), 0x20)]);
      expectError(await upload(big, 'big.pdf'), 413, 'FILE_TOO_LARGE', /文件超过大小上限/, /exceeds the size limit/);
      expectError(
        await as(t.app, tokens.sfj).post(`/api/submissions/${submissionId}/evidence`),
        400,
        'INVALID_INPUT',
        '请选择要上传的文件（字段 file）',
        'Choose a file to upload (field "file")',
      );
      expect(await writeCounts(t.app)).toEqual(before);
      expect(filesUnder(t.db.uploadsDir)).toHaveLength(files);
    });
  });
});
