import type { DepartmentResponse, EditorFirstLevel, EditorSecondLevel, EditorTask } from '@taizhang/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentLinks } from './department-links';
import { MetricForm } from './metric-form';
import { MetricRow } from './metric-row';
import { RowActions, TextEdit } from './row-actions';
import { RetiredTag, useRetireAndDelete, type Apply } from './row-lifecycle';

interface Shared {
  departments: DepartmentResponse[];
  busy: boolean;
  apply: Apply;
}

/** Which form is open: one at a time, named by what it edits or adds to ("first:3", "add-task:12"). */
type Open = [string | null, (key: string | null) => void];

/** Move buttons: to the previous or next place among the siblings (retired rows keep their places). */
const moves = (apply: Apply, path: string, index: number, count: number) => ({
  onUp: index > 0 ? () => apply({ method: 'PATCH', path, body: { position: index - 1 } }) : undefined,
  onDown: index < count - 1 ? () => apply({ method: 'PATCH', path, body: { position: index + 1 } }) : undefined,
});

/** The button that opens the form adding something below a row (`formKey`), and that form in its place while open. */
function AddBelow({ open, formKey, label, form }: { open: Open; formKey: string; label: string; form: ReactNode }) {
  const [key, setKey] = open;
  if (key === formKey) return form;
  return (
    <button type="button" className="link-button" onClick={() => setKey(formKey)}>
      {label}
    </button>
  );
}

/** The plan as the editor shows it: first levels → second levels (with their departments) → tasks → metrics. */
export function OutlineTree({ indicators, ...shared }: Shared & { indicators: EditorFirstLevel[] }) {
  const { t } = useTranslation();
  const open = useState<string | null>(null);
  const [key, setKey] = open;
  return (
    <>
      <ol className="editor-tree" aria-label={t('planEditor.outline')}>
        {indicators.map((first, i) => (
          <FirstLevel key={first.id} first={first} index={i} count={indicators.length} open={open} {...shared} />
        ))}
      </ol>
      {key === 'add-first' ? (
        <TextEdit
          label={t('planEditor.firstTitle')}
          initial=""
          submitLabel={t('planEditor.addFirst')}
          busy={shared.busy}
          onCancel={() => setKey(null)}
          onSave={(title) => shared.apply({ method: 'POST', path: 'indicators', body: { title } }, () => setKey(null))}
        />
      ) : (
        <button type="button" onClick={() => setKey('add-first')}>
          {t('planEditor.addFirst')}
        </button>
      )}
    </>
  );
}

function FirstLevel({
  first,
  index,
  count,
  open,
  ...shared
}: Shared & { first: EditorFirstLevel; index: number; count: number; open: Open }) {
  const { t } = useTranslation();
  const [key, setKey] = open;
  const { apply, busy } = shared;
  const what = t('planEditor.firstNamed', { number: first.number });
  const retireAndDelete = useRetireAndDelete(apply, `indicators/${first.id}`, first.title, first.children.length === 0);
  return (
    <li className={first.retiredAt ? 'editor-first is-retired' : 'editor-first'}>
      <div className="editor-row editor-heading">
        <h3>
          {first.number}. {first.title}
        </h3>
        <RetiredTag retiredAt={first.retiredAt} />
        <RowActions
          what={what}
          retired={first.retiredAt !== null}
          busy={busy}
          onEdit={() => setKey(`first:${first.id}`)}
          {...moves(apply, `indicators/${first.id}`, index, count)}
          {...retireAndDelete}
        />
      </div>
      {key === `first:${first.id}` && (
        <TextEdit
          label={t('planEditor.firstTitle')}
          initial={first.title}
          submitLabel={t('planEditor.save')}
          busy={busy}
          onCancel={() => setKey(null)}
          onSave={(title) =>
            apply({ method: 'PATCH', path: `indicators/${first.id}`, body: { title } }, () => setKey(null))
          }
        />
      )}
      <ol className="editor-seconds">
        {first.children.map((second, i) => (
          <SecondLevel
            key={second.id}
            second={second}
            index={i}
            count={first.children.length}
            open={open}
            {...shared}
          />
        ))}
      </ol>
      {!first.retiredAt && (
        <AddBelow
          open={open}
          formKey={`add-second:${first.id}`}
          label={t('planEditor.addSecondTo', { number: first.number })}
          form={
            <TextEdit
              label={t('planEditor.secondTitle')}
              initial=""
              submitLabel={t('planEditor.addSecond')}
              busy={busy}
              onCancel={() => setKey(null)}
              onSave={(title) =>
                apply({ method: 'POST', path: 'indicators', body: { parentId: first.id, title } }, () => setKey(null))
              }
            />
          }
        />
      )}
    </li>
  );
}

function SecondLevel({
  second,
  index,
  count,
  open,
  ...shared
}: Shared & { second: EditorSecondLevel; index: number; count: number; open: Open }) {
  const { t } = useTranslation();
  const [key, setKey] = open;
  const { apply, busy, departments } = shared;
  const retireAndDelete = useRetireAndDelete(apply, `indicators/${second.id}`, second.title, second.tasks.length === 0);
  const names = (ids: number[]) =>
    ids.map((id) => departments.find((d) => d.id === id)?.name ?? String(id)).join('、') || '—';
  return (
    <li className={second.retiredAt ? 'editor-second is-retired' : 'editor-second'}>
      <div className="editor-row editor-heading">
        <h4>
          （{second.number}）{second.title}
        </h4>
        <RetiredTag retiredAt={second.retiredAt} />
        <RowActions
          what={t('planEditor.secondNamed', { number: second.number })}
          retired={second.retiredAt !== null}
          busy={busy}
          onEdit={() => setKey(`second:${second.id}`)}
          {...moves(apply, `indicators/${second.id}`, index, count)}
          {...retireAndDelete}
        />
      </div>
      <p className="muted editor-meta">
        {t('planEditor.lead')}：{names(second.leadDepartmentIds)}；{t('planEditor.responsible')}：
        {names(second.responsibleDepartmentIds)}
      </p>
      {key === `second:${second.id}` && (
        <>
          <TextEdit
            label={t('planEditor.secondTitle')}
            initial={second.title}
            submitLabel={t('planEditor.save')}
            busy={busy}
            onCancel={() => setKey(null)}
            onSave={(title) =>
              apply({ method: 'PATCH', path: `indicators/${second.id}`, body: { title } }, () => setKey(null))
            }
          />
          <DepartmentLinks
            second={second}
            departments={departments}
            busy={busy}
            onCancel={() => setKey(null)}
            onSave={(body) => apply({ method: 'PATCH', path: `indicators/${second.id}`, body }, () => setKey(null))}
          />
        </>
      )}
      <ol className="editor-tasks">
        {second.tasks.map((task, i) => (
          <Task key={task.id} task={task} index={i} count={second.tasks.length} open={open} {...shared} />
        ))}
      </ol>
      {!second.retiredAt && (
        <AddBelow
          open={open}
          formKey={`add-task:${second.id}`}
          label={t('planEditor.addTaskTo', { number: second.number })}
          form={
            <TextEdit
              label={t('planEditor.taskText')}
              initial=""
              multiline
              submitLabel={t('planEditor.addTask')}
              busy={busy}
              onCancel={() => setKey(null)}
              onSave={(text) =>
                apply({ method: 'POST', path: 'tasks', body: { indicatorId: second.id, text } }, () => setKey(null))
              }
            />
          }
        />
      )}
    </li>
  );
}

function Task({
  task,
  index,
  count,
  open,
  ...shared
}: Shared & { task: EditorTask; index: number; count: number; open: Open }) {
  const { t } = useTranslation();
  const [key, setKey] = open;
  const { apply, busy, departments } = shared;
  const what = t('planEditor.taskNamed', { number: task.number });
  const retireAndDelete = useRetireAndDelete(apply, `tasks/${task.id}`, what, task.metrics.length === 0);
  return (
    <li
      className={task.retiredAt ? 'editor-task is-retired' : 'editor-task'}
      data-testid="editor-task"
      data-number={task.number}
    >
      <div className="editor-row">
        <p className="editor-task-text">
          <strong>{task.number}.</strong> {task.text}
        </p>
        <RetiredTag retiredAt={task.retiredAt} />
        <RowActions
          what={what}
          retired={task.retiredAt !== null}
          busy={busy}
          onEdit={() => setKey(`task:${task.id}`)}
          {...moves(apply, `tasks/${task.id}`, index, count)}
          {...retireAndDelete}
        />
      </div>
      {key === `task:${task.id}` && (
        <TextEdit
          label={t('planEditor.taskText')}
          initial={task.text}
          multiline
          submitLabel={t('planEditor.save')}
          busy={busy}
          onCancel={() => setKey(null)}
          onSave={(text) => apply({ method: 'PATCH', path: `tasks/${task.id}`, body: { text } }, () => setKey(null))}
        />
      )}
      {task.metrics.length > 0 && (
        <ul className="editor-metrics">
          {task.metrics.map((m) => (
            <MetricRow key={m.id} metric={m} taskText={task.text} departments={departments} busy={busy} apply={apply} />
          ))}
        </ul>
      )}
      {!task.retiredAt && (
        <AddBelow
          open={open}
          formKey={`add-metric:${task.id}`}
          label={t('planEditor.addMetricTo', { number: task.number })}
          form={
            <MetricForm
              taskText={task.text}
              departments={departments}
              busy={busy}
              onCancel={() => setKey(null)}
              onSave={(body) =>
                apply({ method: 'POST', path: 'metrics', body: { ...body, taskId: task.id } }, () => setKey(null))
              }
            />
          }
        />
      )}
    </li>
  );
}
