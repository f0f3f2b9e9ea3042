import type { DepartmentRef } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';

/** "牵头：区司法局、区政府办"; nothing when the list is empty. */
export function DepartmentLine({ label, departments }: { label: string; departments: DepartmentRef[] }) {
  const { t } = useTranslation();
  if (departments.length === 0) return null;
  return (
    <span className="department-line">
      <strong>
        {label}
        {t('colon')}
      </strong>
      {departments.map((d) => d.name).join('、')}
    </span>
  );
}

/** A second-level indicator's lead and responsible departments, one line each. */
export function LeadAndResponsible({
  node,
}: {
  node: { leadDepartments: DepartmentRef[]; responsibleDepartments: DepartmentRef[] };
}) {
  const { t } = useTranslation();
  return (
    <p className="departments">
      <DepartmentLine label={t('lead')} departments={node.leadDepartments} />
      <DepartmentLine label={t('responsible')} departments={node.responsibleDepartments} />
    </p>
  );
}
