import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { DepartmentLine } from '../../../components/department-line';
import { MetricLine } from '../../../components/metric-line';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { StatusCounts } from '../../../components/status-counts';
import { useIndicatorTree } from '../api/use-indicator';
import { PageError } from '../../../components/error-alert';

/** /indicators/:firstId/:secondId — a second-level indicator: its departments, tasks and their metrics. */
export function SecondLevelPage() {
  const { t } = useTranslation();
  const { firstId, secondId } = useParams();
  const { tree, error } = useIndicatorTree();
  if (error) return <PageError error={error} />;
  if (!tree.data) return <p role="status">{t('loading')}</p>;
  const first = tree.data.indicators.find((f) => String(f.id) === firstId);
  const second = first?.children.find((s) => String(s.id) === secondId);
  if (!first || !second)
    return (
      <p role="alert" className="panel error">
        {t('drill.notFound')}
      </p>
    );
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: `${first.number}. ${first.title}`, to: `/indicators/${first.id}` },
          { label: `${second.number}. ${second.title}` },
        ]}
      />
      <section className="panel" aria-labelledby="second-title">
        <p className="kicker">
          {t('secondLevel')} ·{' '}
          <span data-testid="month-shown">{t('monthShown', { month: tree.data.period ?? '—' })}</span>
        </p>
        <h2 id="second-title">
          {second.number}. {second.title}
        </h2>
        <p>
          <NodeStatusBadge node={second} /> <StatusCounts counts={second.counts} />
        </p>
        <p className="departments">
          <DepartmentLine label={t('lead')} departments={second.leadDepartments} />
          <DepartmentLine label={t('responsible')} departments={second.responsibleDepartments} />
        </p>
      </section>
      <section className="panel" aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('drill.tasks')}</h2>
        <ol className="task-list">
          {second.tasks.map((task) => (
            <li key={task.id} className="tree-task" data-testid="task" data-task-id={task.id}>
              <h3 className="task-heading">
                <span className="task-number">{t('task', { number: task.number })}</span>{' '}
                <NodeStatusBadge node={task} />
              </h3>
              <p>{task.text}</p>
              {task.metrics.length === 0 ? (
                <p className="muted">{t('noMetrics')}</p>
              ) : (
                <ul className="metrics">
                  {task.metrics.map((m) => (
                    <MetricLine key={m.id} metric={m} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
