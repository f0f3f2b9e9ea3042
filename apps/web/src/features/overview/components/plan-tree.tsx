import type { DepartmentRef, FirstLevelNode, MetricNode, SecondLevelNode, TaskNode } from '@taizhang/contracts';
import { formatTarget, type StatusCounts } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';

/** The plan as leadership reads it: first-level → second-level → task → metric, each with its status. */
export function PlanTree({ indicators }: { indicators: FirstLevelNode[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-tree-title" className="panel">
      <h2 id="plan-tree-title">{t('planTree')}</h2>
      <ol className="tree">
        {indicators.map((first) => (
          <li key={first.id} className="tree-first" data-testid="first-level">
            <details open={first.status === 'red'}>
              <summary>
                <StatusBadge status={first.status} />
                <span className="tree-title">{first.number}. {first.title}</span>
                <Counts counts={first.counts} />
              </summary>
              <ol>{first.children.map((second) => <SecondLevel key={second.id} node={second} />)}</ol>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function SecondLevel({ node }: { node: SecondLevelNode }) {
  const { t } = useTranslation();
  return (
    <li className="tree-second">
      <details>
        <summary>
          <StatusBadge status={node.status} />
          <span className="tree-title">{node.number}. {node.title}</span>
          <Counts counts={node.counts} />
        </summary>
        <p className="departments">
          <Departments label={t('lead')} departments={node.leadDepartments} />
          <Departments label={t('responsible')} departments={node.responsibleDepartments} />
        </p>
        <ol>{node.tasks.map((task) => <Task key={task.id} task={task} />)}</ol>
      </details>
    </li>
  );
}

function Counts({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const total = counts.red + counts.amber + counts.green + counts.grey;
  return <span className="muted counts">{total === 0 ? t('noMetricsBelow') : t('countsLine', counts)}</span>;
}

function Departments({ label, departments }: { label: string; departments: DepartmentRef[] }) {
  if (departments.length === 0) return null;
  return <span className="department-line"><strong>{label}：</strong>{departments.map((d) => d.name).join('、')}</span>;
}

function Task({ task }: { task: TaskNode }) {
  const { t } = useTranslation();
  return (
    <li className="tree-task">
      <p><span className="task-number">{t('task', { number: task.number })}</span> {task.text}</p>
      {task.metrics.length === 0 ? <p className="muted">{t('noMetrics')}</p> : <ul className="metrics">{task.metrics.map((m) => <Metric key={m.id} metric={m} />)}</ul>}
    </li>
  );
}

function Metric({ metric }: { metric: MetricNode }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <li className={`metric metric-${metric.status}`} data-testid="metric" data-code={metric.code}>
      <StatusBadge status={metric.status} />
      <span className="metric-name">{english ? metric.nameEn : metric.name}</span>
      <span className="metric-target">{t('target')} {formatTarget(metric, english ? 'en' : 'zh')}</span>
      {metric.periodKey && <span className="metric-period">{t('reportingPeriod', { period: metric.periodKey })}</span>}
      <span className="metric-reason">{english ? metric.reasonEn : metric.reasonZh}</span>
    </li>
  );
}
