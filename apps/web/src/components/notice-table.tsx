import type { NoticeResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from './data-table';
import { MonthLink } from './month-link';
import { useFormat } from '../lib/format';
import { NoticeLevelBadge, NoticeStateBadge, ReplyDue } from './notice-badges';

/** Notices in the order the API gives (open first, overdue replies first, then level and age), each linking to its page. */
export function NoticeTable({
  notices,
  caption,
  showDepartment = true,
}: {
  notices: NoticeResponse[];
  caption: string;
  showDepartment?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const english = format.lang === 'en';
  return (
    <DataTable
      className="notice-table"
      testId="notice-table"
      caption={caption}
      columns={[
        t('notices.level'),
        t('notices.metric'),
        showDepartment && t('notices.department'),
        t('notices.period'),
        t('notices.issuedAt'),
        t('notices.replyDue'),
        t('notices.state'),
      ]}
    >
      {notices.map((n) => (
        <tr
          key={n.id}
          data-testid="notice-row"
          data-notice={n.id}
          data-level={n.level}
          data-state={n.state}
          data-department={n.department.name}
        >
          <td>
            <NoticeLevelBadge level={n.level} />
          </td>
          <td>
            <MonthLink to={`/notices/${n.id}`}>{english ? n.metric.nameEn : n.metric.name}</MonthLink>{' '}
            <span className="muted">{n.metric.code}</span>
          </td>
          {showDepartment && <td>{n.department.name}</td>}
          <td>{n.period}</td>
          <td>{format.dateTime(n.issuedAt)}</td>
          <td>
            <ReplyDue date={n.replyDue} overdue={n.replyOverdue} />
          </td>
          <td>
            <NoticeStateBadge state={n.state} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
