import type { DepartmentResponse } from '@taizhang/contracts';

/** A ticked box per chosen department, in the order given; a tick adds the department at the end, an untick removes it. */
export function DepartmentCheckboxes({
  departments,
  chosen,
  onChange,
}: {
  departments: DepartmentResponse[];
  chosen: number[];
  onChange: (ids: number[]) => void;
}) {
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
