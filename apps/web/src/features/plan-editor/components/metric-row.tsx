import type { DepartmentResponse, EditorMetric } from '@taizhang/contracts';
import { formatTarget } from '@taizhang/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MetricForm } from './metric-form';
import { RowActions } from './row-actions';
import { RetiredTag, useRetireAndDelete, type Apply } from './row-lifecycle';

interface Props {
  metric: EditorMetric;
  taskText: string;
  departments: DepartmentResponse[];
  busy: boolean;
  apply: Apply;
}

/** One metric: its terms and reporters; edited in place, retired (history kept) or, with nothing on it, deleted. */
export function MetricRow({ metric, taskText, departments, busy, apply }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const names = metric.reportingDepartmentIds
    .map((id) => departments.find((d) => d.id === id)?.name ?? String(id))
    .join(lang === 'en' ? ', ' : '、');
  const retireAndDelete = useRetireAndDelete(
    apply,
    `metrics/${metric.id}`,
    `${metric.code} ${metric.name}`,
    metric.deletable,
  );
  return (
    <li
      className={metric.retiredAt ? 'editor-metric accent-card is-retired' : 'editor-metric accent-card'}
      data-testid="editor-metric"
      data-code={metric.code}
    >
      <div className="editor-row">
        <span className="import-code">{metric.code}</span>
        <Link to={`/metrics/${metric.id}`} className="metric-name">
          {metric.name}
        </Link>
        <span className="editor-target" data-testid="editor-target">
          {formatTarget(metric, lang)}
        </span>
        <RetiredTag retiredAt={metric.retiredAt} />
        <RowActions
          what={t('planEditor.metricNamed', { code: metric.code })}
          retired={metric.retiredAt !== null}
          busy={busy}
          movable={false}
          onEdit={() => setEditing(true)}
          {...retireAndDelete}
          deleteHint={metric.retiredAt ? undefined : t('planEditor.hasFigures', { count: metric.submissions })}
        />
      </div>
      <p className="muted editor-meta">{t('planEditor.reportedBy', { names: names || '—' })}</p>
      {editing && (
        <MetricForm
          metric={metric}
          taskText={taskText}
          departments={departments}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={(body) => apply({ method: 'PATCH', path: `metrics/${metric.id}`, body }, () => setEditing(false))}
        />
      )}
    </li>
  );
}
