import type { DepartmentResponse, EditorSecondLevel, UpdateIndicatorRequest } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentCheckboxes } from '../../../components/department-checkboxes';
import { EditorFormButtons } from './editor-form-buttons';

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
      <DepartmentCheckboxes departments={departments} chosen={ids} onChange={set} />
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
      <EditorFormButtons submitLabel={t('planEditor.saveDepartments')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
