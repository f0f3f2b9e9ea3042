import { useQuery } from '@tanstack/react-query';
import type { FailedDeliveryResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';

/** The title a delivery carried, in the interface language; the payload is the JSON that was to be sent. */
function titleOf(payload: string, english: boolean): string {
  try {
    const message = JSON.parse(payload) as { titleZh?: string; titleEn?: string };
    return (english ? message.titleEn : message.titleZh) ?? '';
  } catch {
    return '';
  }
}

/** Emails and webhooks given up after every retry, so that an admin can correct a department's contacts. */
export function FailedDeliveries() {
  const { t } = useTranslation();
  const format = useFormat();
  const failed = useQuery({
    queryKey: ['deliveries-failed'],
    queryFn: () => getJson<FailedDeliveryResponse[]>('/api/deliveries/failed'),
  });
  return (
    <section className="panel" aria-labelledby="failed-deliveries-title" data-testid="failed-deliveries">
      <h2 id="failed-deliveries-title">{t('supervisionAdmin.failed')}</h2>
      <p className="muted">{t('supervisionAdmin.failedIntro')}</p>
      <ErrorAlert error={failed.error} />
      {failed.data?.length === 0 && <p>{t('supervisionAdmin.failedNone')}</p>}
      {failed.data && failed.data.length > 0 && (
        <DataTable
          columns={[
            t('supervisionAdmin.channel'),
            t('supervisionAdmin.target'),
            t('supervisionAdmin.message'),
            t('supervisionAdmin.attempts'),
            t('supervisionAdmin.lastError'),
            t('supervisionAdmin.when'),
          ]}
        >
          {failed.data.map((d) => (
            <tr key={d.id} data-testid="failed-delivery">
              <td>{t(`supervisionAdmin.channels.${d.channel}`)}</td>
              <td>{d.target}</td>
              <td>{titleOf(d.payload, format.lang === 'en')}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? '—'}</td>
              <td>{format.dateTime(d.lastAttemptAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
