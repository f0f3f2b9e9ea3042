import { Injectable, Logger } from '@nestjs/common';
import type { ConfirmImportResponse, ImportComparison, ImportPreview } from '@taizhang/contracts';
import {
  comparablePlan,
  comparePlans,
  parsePlan,
  planSeedProblems,
  planSeedShapeIssues,
  toPlanSeed,
  type PlanSeed,
  type SeedProblem,
} from '@taizhang/domain';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { DepartmentsRepository } from '../departments/departments.repository';
import { EvaluationService } from '../evaluation/evaluation.service';
import { evaluateNewPlan } from '../plans/evaluate-at-once';
import { PlansRepository } from '../plans/plans.repository';
import { SeedLoaderService } from '../seeding/seed-loader.service';
import { comparableOfStructure, earlierPlanOf } from './earlier-plan';
import { LedgerFileError, ledgerText } from './ledger-text';

/** The first five problems, one language, for an error message. */
const listed = (problems: SeedProblem[], lang: 'zh' | 'en') =>
  problems
    .slice(0, 5)
    .map((p) => p[lang])
    .join(lang === 'zh' ? '；' : '; ');

export interface ImportIdentity {
  code: string;
  title: string;
  year: number;
  district: string;
}

/** Ledger document → proposed plan (preview) → plan, indicators, tasks, departments and metrics (confirm). */
@Injectable()
export class PlanImportService {
  private readonly logger = new Logger(PlanImportService.name);

  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly plans: PlansRepository,
    private readonly seedLoader: SeedLoaderService,
    private readonly audit: AuditService,
    private readonly evaluation: EvaluationService,
  ) {}

  async preview(
    file: { buffer: Buffer; originalname: string } | undefined,
    identity: ImportIdentity,
  ): Promise<ImportPreview> {
    if (!file)
      throw new AppError('INVALID_INPUT', '请选择台账文件（字段 file）', 'Choose the ledger file (field "file")');
    const filename = Buffer.from(file.originalname, 'latin1').toString('utf8');
    let text: string;
    try {
      text = await ledgerText(file.buffer, filename);
    } catch (error) {
      if (!(error instanceof LedgerFileError)) throw error;
      throw new AppError(
        error.kind === 'unsupported' ? 'UNSUPPORTED_FILE' : 'INVALID_INPUT',
        error.messageZh,
        error.message,
      );
    }
    const parsed = parsePlan(text);
    if (parsed.indicators.length === 0)
      throw new AppError(
        'INVALID_INPUT',
        '未能从文件中读出任何指标，请确认是计划台账',
        'No indicators could be read from the file; is it a plan ledger?',
      );
    const existing = new Map((await this.departments.findAll()).map((d) => [d.name, d.code]));
    // Departments already known keep their codes (and their accounts); new names get a stable code from the name.
    const codeOf = (name: string) =>
      existing.get(name) ?? `dept-${createHash('sha1').update(name).digest('hex').slice(0, 10)}`;
    const seed = toPlanSeed(parsed, { ...identity, source: filename }, codeOf);
    return { text, parsed, seed, problems: await this.problems(seed), comparison: await this.comparison(seed) };
  }

  /** Creates the reviewed plan in one transaction (the seed loader's), or answers why not. */
  async confirm(user: CurrentUser, seed: PlanSeed): Promise<ConfirmImportResponse> {
    // The seed comes back from the browser as any JSON: its shape first (nothing else may read a null task or a text year).
    const shape = planSeedShapeIssues(seed);
    if (shape.length)
      throw new AppError(
        'INVALID_INPUT',
        `seed 应为预览返回的计划对象，有 ${shape.length} 处不符：${listed(shape, 'zh')}`,
        `seed must be the plan object the preview returned; ${shape.length} problems: ${listed(shape, 'en')}`,
      );
    // An existing code is a conflict (409), not a flaw of the seed; the preview lists it among the problems all the same.
    if (await this.codeExists(seed.plan.code)) throw this.conflict(seed.plan.code);
    const problems = planSeedProblems(seed);
    if (problems.length)
      throw new AppError(
        'INVALID_INPUT',
        `计划有 ${problems.length} 处问题：${listed(problems, 'zh')}`,
        `The plan has ${problems.length} problems: ${listed(problems, 'en')}`,
      );
    const { created } = await this.seedLoader.loadPlan(seed, { demoHistory: false });
    if (!created) throw this.conflict(seed.plan.code);
    const plan = (await this.plans.findAll()).find((p) => p.code === seed.plan.code)!;
    await evaluateNewPlan(this.evaluation, this.logger, plan, async () =>
      (await this.plans.loadStructure(plan)).metrics.map((m) => m.id),
    );
    await this.audit.record(user, {
      kind: 'write',
      action: 'import plan',
      entity: 'plan',
      entityId: plan.id,
      after: {
        code: seed.plan.code,
        tasks: seed.indicators.flatMap((f) => f.children.flatMap((c) => c.tasks)).length,
        metrics: seed.metrics.length,
      },
    });
    return { planId: plan.id };
  }

  /** Read only: the earlier plan is compared with, never written; confirming creates a plan beside it. */
  private async comparison(seed: PlanSeed): Promise<ImportComparison> {
    const earlier = earlierPlanOf(await this.plans.findAll(), seed.plan);
    if (!earlier)
      return { basePlan: null, base: null, ...comparePlans({ tasks: [], metrics: [] }, { tasks: [], metrics: [] }) };
    const base = comparableOfStructure(await this.plans.loadStructure(earlier));
    return {
      basePlan: { id: earlier.id, code: earlier.code, title: earlier.title, year: earlier.year },
      base,
      ...comparePlans(base, comparablePlan(seed)),
    };
  }

  private async problems(seed: PlanSeed): Promise<SeedProblem[]> {
    const problems = planSeedProblems(seed);
    if (await this.codeExists(seed.plan.code))
      problems.push({ zh: `计划代码 ${seed.plan.code} 已存在`, en: `plan code ${seed.plan.code} exists already` });
    return problems;
  }

  private async codeExists(code: string): Promise<boolean> {
    return (await this.plans.findAll()).some((p) => p.code === code);
  }

  private conflict(code: string): AppError {
    return new AppError('CONFLICT', `计划代码 ${code} 已存在`, `A plan with code ${code} exists already`);
  }
}
