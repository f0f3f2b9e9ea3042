import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useSession } from '../lib/session';
import { AdminPage } from '../features/admin/components/admin-page';
import { LoginPage } from '../features/auth/components/login-page';
import { OverviewPage } from '../features/overview/components/overview-page';
import { PlanImportPage } from '../features/plan-import/components/plan-import-page';
import { FirstLevelPage } from '../features/indicators/components/first-level-page';
import { SecondLevelPage } from '../features/indicators/components/second-level-page';
import { MetricPage } from '../features/metric/components/metric-page';
import { NoticePage } from '../features/notices/components/notice-page';
import { NoticesPage } from '../features/notices/components/notices-page';
import { QueuePage } from '../features/queue/components/queue-page';
import { ReportsPage } from '../features/reports/components/reports-page';
import { AppHeader } from './app-header';
import { DepartmentRoute } from './department-route';

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
  if (session.isPending) return null;
  if (!session.data) return <LoginPage />;
  const reader = session.data.role !== 'department';
  return (
    <Routes>
      <Route path="/departments/:departmentId" element={reader ? <DepartmentRoute /> : <QueuePage />} />
      {reader && <Route path="/indicators/:firstId" element={<FirstLevelPage />} />}
      {reader && <Route path="/indicators/:firstId/:secondId" element={<SecondLevelPage />} />}
      {reader && <Route path="/metrics/:metricId" element={<MetricPage />} />}
      <Route path="/notices" element={<NoticesPage />} />
      <Route path="/notices/:noticeId" element={<NoticePage />} />
      <Route path="/reports" element={<ReportsPage />} />
      {session.data.role === 'admin' && <Route path="/admin" element={<AdminPage />} />}
      {session.data.role === 'admin' && <Route path="/admin/import" element={<PlanImportPage />} />}
      <Route path="*" element={session.data.role === 'department' ? <QueuePage /> : <OverviewPage />} />
    </Routes>
  );
}
