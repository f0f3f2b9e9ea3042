import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useSession } from '../features/auth/api/use-session';
import { AdminPage } from '../features/admin/components/admin-page';
import { LoginPage } from '../features/auth/components/login-page';
import { OverviewPage } from '../features/overview/components/overview-page';
import { QueuePage } from '../features/queue/components/queue-page';
import { AppHeader } from './app-header';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppHeader />
        <main>
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
  return (
    <Routes>
      <Route path="/departments/:departmentId" element={<QueuePage />} />
      {session.data.role === 'admin' && <Route path="/admin" element={<AdminPage />} />}
      <Route path="*" element={session.data.role === 'department' ? <QueuePage /> : <OverviewPage />} />
    </Routes>
  );
}
