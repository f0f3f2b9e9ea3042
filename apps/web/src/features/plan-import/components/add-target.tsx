import { formatTarget, type DepartmentSeed, type MetricSeed, type ParsedPlan, type PlanSeed } from '@taizhang/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { metricFromSelection, taskOfSelection } from '../api/target-edits';
import { TargetFields } from './target-fields';

interface Props {
  text: string;
  selection: { start: number; end: number };
  parsed: ParsedPlan;
  /** The seed as read (its tasks) and the codes already used, so that the new target gets a free one. */
  seed: PlanSeed;
  taken: string[];
  departments: DepartmentSeed[];
  onAdd: (metric: MetricSeed) => void;
  onCancel: () => void;
}

/** A target the parser missed: the selected words parsed on their own prefill the form; the reviewer sets every term and adds it. */
export function AddTarget(props: Props) {
  const { text, selection, parsed, seed } = props;
  const words = text.slice(selection.start, selection.end);
  const task = taskOfSelection(parsed, seed, selection.start, selection.end, words);
  // A new selection is a new form.
  return <AddTargetForm key={`${selection.start}-${selection.end}`} {...props} words={words} task={task} />;
}

function AddTargetForm({
  text,
  selection,
  seed,
  taken,
  departments,
  onAdd,
  onCancel,
  words,
  task,
}: Props & { words: string; task: number | null }) {
  const { t, i18n } = useTranslation();
  const taskText =
    seed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks)).find((x) => x.number === task)?.text ?? '';
  const [draft, setDraft] = useState<MetricSeed | null>(() =>
    task === null ? null : metricFromSelection(text, selection.start, selection.end, task, taskText, taken),
  );
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const ready =
    draft !== null &&
    draft.name.trim() !== '' &&
    (draft.kind === 'deadline' ? /^\d{2}-\d{2}$/.test(draft.deadline ?? '') : typeof draft.target === 'number');
  return (
    <section className="panel import-add" aria-labelledby="import-add-title" data-testid="import-add">
      <h3 id="import-add-title">{t('planImport.add.title')}</h3>
      <p>
        {t('planImport.add.selected')} <q className="import-selected">{words}</q>
      </p>
      {draft === null ? (
        <p role="alert" className="form-error">
          {t('planImport.add.outside')}
        </p>
      ) : (
        <>
          <p className="muted">
            {t('planImport.add.into', { task, code: draft.code })}
            {' · '}
            {ready ? formatTarget(draft, lang) : t('planImport.add.incomplete')}
          </p>
          <TargetFields
            id="import-add-fields"
            legend={t('planImport.add.legend', { code: draft.code })}
            metric={draft}
            departments={departments}
            onChange={(change) => setDraft({ ...draft, ...change })}
          />
        </>
      )}
      <div className="import-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => draft && onAdd(draft)}>
          {t('planImport.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('planImport.add.cancel')}
        </button>
      </div>
    </section>
  );
}
