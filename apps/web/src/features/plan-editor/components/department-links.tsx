import type { DepartmentResponse, EditorSecondLevel, UpdateIndicatorRequest } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  second: EditorSecondLevel;
  departments: DepartmentResponse[];
  busy: boolean;
  onSave: (body: UpdateIndicatorRequest) => void;
  onCancel: () => void;
}

/** The lead and responsible departments (and groups) of a second-level indicator, ticked from every department. */
export function DepartmentLinks({ second, departments, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [lead, setLead] = useState(second.leadDepartmentIds);
  const [responsible, setResponsible] = useState(second.responsibleDepartmentIds);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ leadDepartmentIds: lead, responsibleDepartmentIds: responsible });
  };
  const column = (legend: string, ids: number[], set: (ids: number[]) => void) => (
    <fieldset className="editor-departments">
      <legend>{legend}</legend>
      {departments.map((d) => (
        <label key={d.id}>
          <input
            type="checkbox"
            checked={ids.includes(d.id)}
            onChange={(e) => set(e.target.checked ? [...ids, d.id] : ids.filter((x) => x !== d.id))}
          />{' '}
          {d.name}
        </label>
      ))}
    </fieldset>
  );
  return (
    <form
      className="editor-form"
      onSubmit={submit}
      aria-label={t('planEditor.departmentsOf', { number: second.number })}
    >
      {column(t('planEditor.lead'), lead, setLead)}
      {column(t('planEditor.responsible'), responsible, setResponsible)}
      <span className="editor-form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('planEditor.saveDepartments')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('planEditor.cancel')}
        </button>
      </span>
    </form>
  );
}
