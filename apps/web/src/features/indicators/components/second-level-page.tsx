import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { LeadAndResponsible } from '../../../components/department-line';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { TaskMetrics } from '../../../components/task-metrics';
import { useIndicatorPath } from '../api/use-indicator';
import { IndicatorHeading } from './indicator-heading';
import { IndicatorMissing } from './indicator-missing';

/** /indicators/:firstId/:secondId — a second-level indicator: its departments, tasks and their metrics. */
export function SecondLevelPage() {
  const { t } = useTranslation();
  const { first, second, period, loading, error } = useIndicatorPath();
  if (!first || !second) return <IndicatorMissing error={error} loading={loading} />;
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: `${first.number}. ${first.title}`, to: `/indicators/${first.id}` },
          { label: `${second.number}. ${second.title}` },
        ]}
      />
      <section className="panel" aria-labelledby="second-title">
        <IndicatorHeading level={t('secondLevel')} period={period} node={second} titleId="second-title" />
        <LeadAndResponsible node={second} />
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
              <TaskMetrics metrics={task.metrics} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
