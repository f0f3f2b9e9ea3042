import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { CalendarBanner } from '../components/calendar-banner';
import { useEndOfSession, useSession } from '../lib/session';
import { LoginPage } from '../features/auth/components/login-page';
import { OverviewPage } from '../features/overview/components/overview-page';
import { AppHeader } from './app-header';
import { NotFoundPage } from './not-found-page';

// Pages away from the first screen load on demand, so the overview's JavaScript stays small.
// The clerk's desk is the department's first screen, not the leader's: it loads on demand too.
const QueuePage = lazy(() => import('../features/queue/components/queue-page').then((m) => ({ default: m.QueuePage })));
const DepartmentRoute = lazy(() => import('./department-route').then((m) => ({ default: m.DepartmentRoute })));
const AdminPage = lazy(() => import('../features/admin/components/admin-page').then((m) => ({ default: m.AdminPage })));
const CalendarPage = lazy(() =>
  import('../features/calendar/components/calendar-page').then((m) => ({ default: m.CalendarPage })),
);
const PlanImportPage = lazy(() =>
  import('../features/plan-import/components/plan-import-page').then((m) => ({ default: m.PlanImportPage })),
);
const PlanEditorPage = lazy(() =>
  import('../features/plan-editor/components/plan-editor-page').then((m) => ({ default: m.PlanEditorPage })),
);
const FirstLevelPage = lazy(() =>
  import('../features/indicators/components/first-level-page').then((m) => ({ default: m.FirstLevelPage })),
);
const SecondLevelPage = lazy(() =>
  import('../features/indicators/components/second-level-page').then((m) => ({ default: m.SecondLevelPage })),
);
const AttentionPage = lazy(() =>
  import('../features/overview/components/attention-page').then((m) => ({ default: m.AttentionPage })),
);
const PlanTreePage = lazy(() =>
  import('../features/overview/components/plan-tree-page').then((m) => ({ default: m.PlanTreePage })),
);
const MetricPage = lazy(() =>
  import('../features/metric/components/metric-page').then((m) => ({ default: m.MetricPage })),
);
const NoticePage = lazy(() =>
  import('../features/notices/components/notice-page').then((m) => ({ default: m.NoticePage })),
);
const NoticesPage = lazy(() =>
  import('../features/notices/components/notices-page').then((m) => ({ default: m.NoticesPage })),
);
const FlaggedPage = lazy(() =>
  import('../features/flagged/components/flagged-page').then((m) => ({ default: m.FlaggedPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/components/reports-page').then((m) => ({ default: m.ReportsPage })),
);

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppHeader />
        <main id="main">
          <SignedInRoutes />
        </main>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/** Departments land on what they have to report; leaders and admins on the overview. */
function SignedInRoutes() {
  const session = useSession();
  useEndOfSession();
  if (session.isPending) return null;
  if (!session.data) return <LoginPage />;
  const reader = session.data.role !== 'department';
  return (
    <>
      {session.data.role === 'admin' && <AdminWarnings />}
      <Suspense fallback={<p role="status">…</p>}>
        <Routes>
          <Route path="/departments/:departmentId" element={reader ? <DepartmentRoute /> : <QueuePage />} />
          {reader && <Route path="/attention" element={<AttentionPage />} />}
          {reader && <Route path="/tree" element={<PlanTreePage />} />}
          {reader && <Route path="/indicators/:firstId" element={<FirstLevelPage />} />}
          {reader && <Route path="/indicators/:firstId/:secondId" element={<SecondLevelPage />} />}
          {/* Departments too (the API shows them only the metrics they report): their comments sit on this page. */}
          <Route path="/metrics/:metricId" element={<MetricPage />} />
          <Route path="/notices" element={<NoticesPage />} />
          <Route path="/notices/:noticeId" element={<NoticePage />} />
          <Route path="/reports" element={<ReportsPage />} />
          {reader && <Route path="/flagged" element={<FlaggedPage />} />}
          {session.data.role === 'admin' && <Route path="/admin" element={<AdminPage />} />}
          {session.data.role === 'admin' && <Route path="/admin/import" element={<PlanImportPage />} />}
          {session.data.role === 'admin' && <Route path="/admin/plans" element={<PlanEditorPage />} />}
          {session.data.role === 'admin' && <Route path="/admin/plans/:planId" element={<PlanEditorPage />} />}
          {session.data.role === 'admin' && <Route path="/admin/calendar" element={<CalendarPage />} />}
          <Route path="/" element={session.data.role === 'department' ? <QueuePage /> : <OverviewPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

/** Warnings an admin has to act on, shown on every admin screen (where they can be acted on), not to other users. */
function AdminWarnings() {
  const { pathname } = useLocation();
  return pathname === '/admin' || pathname.startsWith('/admin/') ? <CalendarBanner /> : null;
}
