import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';

/** The end of an admin "new …" form (useCreateForm's mutation): 新建, and beside it why the last try failed. */
export function CreateButton({ create }: { create: { isPending: boolean; error: unknown } }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('admin.create')}
      </button>
      <ErrorAlert error={create.error} inline />
    </>
  );
}
