import type { DepartmentResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';

/**
 * The options of a department picker: "choose a department", then every department. Groups are left out: nobody
 * signs in as a group, and a group has no page of its own.
 */
export function DepartmentOptions({ departments }: { departments: DepartmentResponse[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('nav.chooseDepartment')}</option>
      {departments
        .filter((d) => !d.isGroup)
        .map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
    </>
  );
}
