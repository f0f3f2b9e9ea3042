import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkPlanSeed,
  dueDate,
  findPeriod,
  generateDemoHistory,
  reportingDepartmentsOf,
  tasksOf,
  withDefaultRules,
  type PlanSeed,
} from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { SubmissionsRepository } from '../submissions/submissions.repository';
import { SeedRepository } from './seed.repository';

/** The demo plan every fresh installation starts with. */
export const DEMO_PLAN_FILE = 'hongqiao-2020-plan.json';

export function readPlanSeed(file: string): PlanSeed {
  const seed = JSON.parse(readFileSync(file, 'utf8')) as PlanSeed;
  const problems = checkPlanSeed(seed);
  if (problems.length) throw new Error(`The plan seed ${file} is unsound:\n- ${problems.join('\n- ')}`);
  return seed;
}

/**
 * Loads a plan seed into the database, once: a plan whose code is already stored is left as it is,
 * so starting twice creates nothing twice. Everything is written in one transaction.
 */
@Injectable()
export class SeedLoaderService {
  private readonly logger = new Logger(SeedLoaderService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly seeds: SeedRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async loadDemoPlan(): Promise<void> {
    const seed = readPlanSeed(path.join(this.config.seedsDir, DEMO_PLAN_FILE));
    await this.loadPlan(seed, { demoHistory: this.config.demo });
  }

  async loadPlan(seed: PlanSeed, options: { demoHistory: boolean }): Promise<{ created: boolean }> {
    return this.transactions.run(async (m) => {
      if (await this.seeds.planExists(m, seed.plan.code)) return { created: false };
      const departmentIds = await this.upsertDepartments(m, seed);
      const plan = await this.seeds.insertPlan(m, {
        ...seed.plan,
        demo: options.demoHistory,
        createdAt: this.clock.now().toISOString(),
        remindBeforeWorkingDays: this.config.reminderLeadWorkingDays,
      });
      const taskIds = new Map<number, number>();
      const secondLevelOfTask = new Map<number, PlanSeed['indicators'][number]['children'][number]>();
      for (const first of seed.indicators) {
        const parent = await this.seeds.insertIndicator(m, {
          planId: plan.id,
          parentId: null,
          level: 1,
          number: first.number,
          title: first.title,
        });
        for (const second of first.children) {
          const node = await this.seeds.insertIndicator(m, {
            planId: plan.id,
            parentId: parent.id,
            level: 2,
            number: second.number,
            title: second.title,
          });
          const links = [
            ...[...second.leadDepartments, ...(second.leadGroups ?? [])].map((code) => ({
              code,
              role: 'lead' as const,
            })),
            ...[...second.responsibleDepartments, ...second.responsibleGroups].map((code) => ({
              code,
              role: 'responsible' as const,
            })),
          ];
          await this.seeds.linkDepartments(
            m,
            links.map(({ code, role }) => ({ indicatorId: node.id, departmentId: departmentIds.get(code)!, role })),
          );
          for (const task of second.tasks) {
            const saved = await this.seeds.insertTask(m, {
              planId: plan.id,
              indicatorId: node.id,
              number: task.number,
              text: task.text,
              rawText: task.rawText,
            });
            taskIds.set(task.number, saved.id);
            secondLevelOfTask.set(task.number, second);
          }
        }
      }
      const metricIds = new Map<string, number>();
      const reporters = new Map<string, Set<string>>();
      for (const metric of seed.metrics) {
        const { taskNumber, reportingDepartments, ...fields } = metric;
        const ruled = withDefaultRules(fields);
        const saved = await this.seeds.insertMetric(m, {
          ...ruled,
          source: metric.source,
          note: metric.note,
          planId: plan.id,
          taskId: taskIds.get(taskNumber)!,
        });
        metricIds.set(metric.code, saved.id);
        const codes = reportingDepartmentsOf({ reportingDepartments }, secondLevelOfTask.get(taskNumber)!);
        reporters.set(metric.code, new Set(codes));
        await this.seeds.setReporters(
          m,
          saved.id,
          codes.map((code) => departmentIds.get(code)!),
        );
      }
      if (options.demoHistory) {
        // Drawn for every department the task names, then kept for the reporting ones only: a metric that names its
        // own reporters leaves every other metric's demo figures as they were.
        const named = (taskNumber: number) => reportingDepartmentsOf({}, secondLevelOfTask.get(taskNumber)!);
        const metrics = seed.metrics.map((metric) => ({ ...metric, departmentCodes: named(metric.taskNumber) }));
        const byCode = new Map(seed.metrics.map((metric) => [metric.code, metric]));
        const calendar = await this.calendar.calendar();
        for (const h of generateDemoHistory(metrics, seed.plan.year)) {
          if (!reporters.get(h.metricCode)!.has(h.departmentCode)) continue;
          const metric = withDefaultRules(byCode.get(h.metricCode)!);
          const period = findPeriod(metric, h.periodKey)!;
          // Stamped as if sent at 10:00 Beijing time, some days before (or after) the due date.
          const due = new Date(`${dueDate(metric, period, { calendar })}T02:00:00Z`);
          due.setUTCDate(due.getUTCDate() - h.daysBeforeDue);
          const createdAt = due.toISOString();
          await this.submissions.append(m, {
            metricId: metricIds.get(h.metricCode)!,
            departmentId: departmentIds.get(h.departmentCode)!,
            periodKey: h.periodKey,
            periodEnd: period.end,
            figure: h.figure,
            note: null,
            origin: 'demo',
            createdAt,
          });
        }
      }
      this.logger.log(
        `Loaded plan ${seed.plan.code}: ${tasksOf(seed).length} tasks, ${seed.metrics.length} metrics${options.demoHistory ? ', demo history' : ''}`,
      );
      return { created: true };
    });
  }

  private async upsertDepartments(m: EntityManager, seed: PlanSeed): Promise<Map<string, number>> {
    const wanted = [
      ...seed.departments.map((d) => ({ ...d, isGroup: false })),
      ...seed.departmentGroups.map((g) => ({ ...g, isGroup: true })),
    ];
    const ids = new Map<string, number>();
    for (const d of wanted) {
      ids.set(d.code, await this.seeds.departmentId(m, d));
    }
    return ids;
  }
}
