import type { FirstLevelNode, SecondLevelNode, TaskNode } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { LeadAndResponsible } from '../../../components/department-line';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { StatusCounts } from '../../../components/status-counts';
import { TaskMetrics } from '../../../components/task-metrics';

/** The plan as leadership reads it: first-level → second-level → task → metric, each with its status. */
export function PlanTree({ indicators }: { indicators: FirstLevelNode[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-tree-title" className="panel plan-tree">
      <h2 id="plan-tree-title">{t('planTree')}</h2>
      <ol className="tree">
        {indicators.map((first) => (
          <li key={first.id} className="tree-first" data-testid="first-level">
            <details>
              <NodeSummary node={first} />
              <ol>
                {first.children.map((second) => (
                  <SecondLevel key={second.id} firstId={first.id} node={second} />
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The line a folded level shows: its status, number and title, and its counts. */
function NodeSummary({ node }: { node: FirstLevelNode | SecondLevelNode }) {
  return (
    <summary>
      <NodeStatusBadge node={node} />
      <span className="tree-title">
        {node.number}. {node.title}
      </span>
      <StatusCounts counts={node.counts} />
    </summary>
  );
}

function SecondLevel({ firstId, node }: { firstId: number; node: SecondLevelNode }) {
  const { t } = useTranslation();
  return (
    <li className="tree-second">
      <details>
        <NodeSummary node={node} />
        {/* The link sits outside <summary> so that it is not an interactive control nested in another. */}
        <p>
          <MonthLink to={`/indicators/${firstId}/${node.id}`}>{t('drill.openSecond', { title: node.title })}</MonthLink>
        </p>
        <LeadAndResponsible node={node} />
        <ol>
          {node.tasks.map((task) => (
            <Task key={task.id} task={task} />
          ))}
        </ol>
      </details>
    </li>
  );
}

function Task({ task }: { task: TaskNode }) {
  const { t } = useTranslation();
  return (
    <li className="tree-task">
      <p>
        <span className="task-number">{t('task', { number: task.number })}</span> {task.text}
      </p>
      <TaskMetrics metrics={task.metrics} />
    </li>
  );
}
