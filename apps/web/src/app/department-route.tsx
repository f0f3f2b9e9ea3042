import { useParams } from 'react-router';
import { DepartmentMetrics } from '../features/departments/components/department-metrics';
import { QueuePage } from '../features/queue/components/queue-page';

/** /departments/:id for leaders: the department's metrics and statuses, then what it has due. */
export function DepartmentRoute() {
  const departmentId = Number(useParams().departmentId);
  return (
    <>
      <DepartmentMetrics departmentId={departmentId} />
      <QueuePage />
    </>
  );
}
