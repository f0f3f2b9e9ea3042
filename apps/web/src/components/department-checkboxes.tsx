import type { DepartmentResponse } from '@taizhang/contracts';

/** Departments to choose from, the ids chosen, and what to do with a new choice. */
export interface DepartmentChoice {
  departments: DepartmentResponse[];
  chosen: number[];
  onChange: (ids: number[]) => void;
}

/** A ticked box per chosen department, in the order given; a tick adds the department at the end, an untick removes it. */
export function DepartmentCheckboxes({ departments, chosen, onChange }: DepartmentChoice) {
  return departments.map((d) => (
    <label key={d.id}>
      <input
        type="checkbox"
        checked={chosen.includes(d.id)}
        onChange={(e) => onChange(e.target.checked ? [...chosen, d.id] : chosen.filter((id) => id !== d.id))}
      />{' '}
      {d.name}
    </label>
  ));
}
