import { Injectable } from '@nestjs/common';
import { findPeriod, validateFigure } from '@taizhang/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { EvaluationRepository, toFigure } from '../evaluation/evaluation.repository';
import { EvaluationService, toRuledMetric } from '../evaluation/evaluation.service';
import { MetricEntity } from '../metrics/metric.entity';
import { PlanEntity } from '../plans/plan.entity';
import { figureOf, type CreateSubmissionDto, type CreateSubmissionResponse } from './submissions.dto';
import { SubmissionsRepository } from './submissions.repository';

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsRepository,
    private readonly evaluationRepository: EvaluationRepository,
    private readonly evaluation: EvaluationService,
    private readonly clock: Clock,
  ) {}

  /** Validates, appends a new revision (never overwrites), then evaluates the metric at once. */
  async create(dto: CreateSubmissionDto): Promise<CreateSubmissionResponse> {
    const metric = await this.dataSource.manager.findOneBy(MetricEntity, { id: dto.metricId });
    if (!metric) throw new AppError('NOT_FOUND', `找不到编号为 ${dto.metricId} 的指标`, `No metric with id ${dto.metricId}`);
    const plan = (await this.dataSource.manager.findOneBy(PlanEntity, { id: metric.planId }))!;
    const inputs = await this.evaluationRepository.loadInputs(plan.id, [metric.id]);
    const department = (inputs.assigned.get(metric.id) ?? []).find((d) => d.id === dto.departmentId);
    if (!department) {
      throw new AppError('INVALID_INPUT', `单位 ${dto.departmentId} 不是指标「${metric.name}」的牵头或责任单位`, `Department ${dto.departmentId} is neither lead nor responsible for the metric "${metric.nameEn}"`);
    }
    const ruled = toRuledMetric(metric);
    const period = findPeriod(ruled, dto.period);
    if (!period || Number(dto.period.slice(0, 4)) !== plan.year) {
      const example = ruled.frequency === 'quarterly' ? `${plan.year}-Q1` : ruled.frequency === 'annual' ? String(plan.year) : `${plan.year}-03`;
      throw new AppError('PERIOD_OUTSIDE_PLAN', `报送期 ${dto.period} 不是该指标在 ${plan.year} 年的报送期，应写作 ${example} 这样的形式`, `${dto.period} is not a reporting period of this metric in ${plan.year}; write it like ${example}`);
    }
    if (period.start > this.clock.today()) {
      throw new AppError('INVALID_INPUT', `报送期 ${dto.period} 尚未开始，不能提前报送`, `The period ${dto.period} has not begun; figures cannot be reported ahead of it`);
    }
    const figure = figureOf(dto);
    const problems = validateFigure(ruled, figure);
    if (problems.length) throw new AppError('INVALID_FIGURE', problems.map((p) => p.messageZh).join('；'), problems.map((p) => p.messageEn).join('; '));

    const saved = await this.dataSource.transaction((m) =>
      this.submissions.append(m, { metricId: metric.id, departmentId: department.id, periodKey: period.key, periodEnd: period.end, figure, note: dto.note ?? null, origin: 'department', createdAt: this.clock.now().toISOString() }),
    );
    await this.evaluation.evaluateMetrics(plan, [metric.id]);
    const current = await this.evaluationRepository.current([metric.id]);
    const pick = (departmentId: number | null) => current.find((e) => e.departmentId === departmentId && e.periodKey === period.key)!;
    const asEvaluation = (e: ReturnType<typeof pick>) => ({ status: e.status, basis: e.basis, value: e.value, target: e.target, reasonZh: e.reasonZh, reasonEn: e.reasonEn });
    return {
      submission: { id: saved.id, metricId: metric.id, departmentId: department.id, period: period.key, revision: saved.revision, figure: toFigure(saved, figure.type === 'cases' ? figure.cases : []), note: saved.note, createdAt: saved.createdAt },
      evaluation: { department: asEvaluation(pick(department.id)), overall: asEvaluation(pick(null)) },
    };
  }
}
