import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Spin } from 'antd';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { ApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { queryRetryDelay, shouldRetryQuery } from './api/retry-policy';
import { sessionTokenStore, type TokenStore } from './api/tokens';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { SCREEN_ROLES } from './auth/access';
import { I18nProvider } from './i18n/I18nProvider';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/login/LoginPage';

// pages load on demand (ECharts only with the dashboard)
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const BenchmarkPage = lazy(() => import('./pages/payroll/BenchmarkPage').then((m) => ({ default: m.BenchmarkPage })));
const FundingPage = lazy(() => import('./pages/payroll/FundingPage').then((m) => ({ default: m.FundingPage })));
const BudgetAllocationsPage = lazy(() => import('./pages/budget/BudgetAllocationsPage').then((m) => ({ default: m.BudgetAllocationsPage })));
const BudgetPage = lazy(() => import('./pages/budget/BudgetPage').then((m) => ({ default: m.BudgetPage })));
const PostingsPage = lazy(() => import('./pages/budget/PostingsPage').then((m) => ({ default: m.PostingsPage })));
const UnmatchedPage = lazy(() => import('./pages/budget/UnmatchedPage').then((m) => ({ default: m.UnmatchedPage })));
const HouseholdsPage = lazy(() => import('./pages/budget/HouseholdsPage').then((m) => ({ default: m.HouseholdsPage })));
const LedgerPage = lazy(() => import('./pages/budget/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const ClosesPage = lazy(() => import('./pages/budget/ClosesPage').then((m) => ({ default: m.ClosesPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ApiClientsPage = lazy(() => import('./pages/identity/ApiClientsPage').then((m) => ({ default: m.ApiClientsPage })));
const UsersPage = lazy(() => import('./pages/identity/UsersPage').then((m) => ({ default: m.UsersPage })));
const ElectionsPage = lazy(() => import('./pages/elections/ElectionsPage').then((m) => ({ default: m.ElectionsPage })));
const GradePolicyPage = lazy(() => import('./pages/elections/GradePolicyPage').then((m) => ({ default: m.GradePolicyPage })));
const OrgTreePage = lazy(() => import('./pages/org/OrgTreePage').then((m) => ({ default: m.OrgTreePage })));
const SimulatorPage = lazy(() => import('./pages/payroll/SimulatorPage').then((m) => ({ default: m.SimulatorPage })));
const WorkerDetailPage = lazy(() => import('./pages/workers/WorkerDetailPage').then((m) => ({ default: m.WorkerDetailPage })));
const RecruitmentPage = lazy(() => import('./pages/recruitment/RecruitmentPage').then((m) => ({ default: m.RecruitmentPage })));
const VacancyPage = lazy(() => import('./pages/recruitment/VacancyPage').then((m) => ({ default: m.VacancyPage })));
const PolicyPage = lazy(() => import('./pages/policy/PolicyPage').then((m) => ({ default: m.PolicyPage })));
const RunsPage = lazy(() => import('./pages/payroll/RunsPage').then((m) => ({ default: m.RunsPage })));
const RunDetailPage = lazy(() => import('./pages/payroll/RunDetailPage').then((m) => ({ default: m.RunDetailPage })));
const RostersPage = lazy(() => import('./pages/rosters/RostersPage').then((m) => ({ default: m.RostersPage })));
const RosterDetailPage = lazy(() => import('./pages/rosters/RosterDetailPage').then((m) => ({ default: m.RosterDetailPage })));
const CalendarPage = lazy(() => import('./pages/rosters/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const CentrePage = lazy(() => import('./pages/rosters/centres/CentrePage').then((m) => ({ default: m.CentrePage })));
const TrainingPage = lazy(() => import('./pages/training/TrainingPage').then((m) => ({ default: m.TrainingPage })));
const WorkersPage = lazy(() => import('./pages/workers/WorkersPage').then((m) => ({ default: m.WorkersPage })));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
      },
    },
  });
}

/** Providers that need the router (session expiry navigates to /login). */
function Session({ tokens, fetchImpl, children }: { tokens: TokenStore; fetchImpl?: typeof fetch; children: ReactNode }) {
  const navigate = useNavigate();
  const queryClient = useMemo(createQueryClient, []);
  const api = useMemo(
    () =>
      new ApiClient({
        tokens,
        fetch: fetchImpl,
        onSessionExpired: () => {
          queryClient.clear();
          navigate('/login', { replace: true });
          window.location.reload();
        },
      }),
    [tokens, fetchImpl, navigate, queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <AuthProvider>{children}</AuthProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}

export function AppRoutes() {
  const guard = (roles: keyof typeof SCREEN_ROLES, el: ReactNode) => (
    <RequireRole roles={SCREEN_ROLES[roles]}>
      <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>{el}</Suspense>
    </RequireRole>
  );
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={guard('dashboard', <DashboardPage />)} />
        <Route path="org" element={guard('org', <OrgTreePage />)} />
        <Route path="workers" element={guard('workers', <WorkersPage />)} />
        <Route path="workers/:id" element={guard('workers', <WorkerDetailPage />)} />
        <Route path="elections" element={guard('elections', <ElectionsPage />)} />
        <Route path="grade-policy" element={guard('gradePolicy', <GradePolicyPage />)} />
        <Route path="training" element={guard('training', <TrainingPage />)} />
        <Route path="recruitment" element={guard('recruitment', <RecruitmentPage />)} />
        <Route path="recruitment/:id" element={guard('recruitment', <VacancyPage />)} />
        <Route path="payroll/runs" element={guard('payrollRuns', <RunsPage />)} />
        <Route path="payroll/runs/:id" element={guard('payrollRuns', <RunDetailPage />)} />
        <Route path="rosters" element={guard('rosters', <RostersPage />)} />
        <Route path="rosters/:id" element={guard('rosters', <RosterDetailPage />)} />
        <Route path="rosters/calendar" element={guard('rosterSetup', <CalendarPage />)} />
        <Route path="rosters/centres" element={guard('rosterSetup', <CentrePage />)} />
        <Route path="rosters/centres/:community" element={guard('rosterSetup', <CentrePage />)} />
        <Route path="payroll/simulator" element={guard('payroll', <SimulatorPage />)} />
        <Route path="payroll/benchmark" element={guard('benchmark', <BenchmarkPage />)} />
        <Route path="payroll/funding" element={guard('funding', <FundingPage />)} />
        <Route path="payroll/policy" element={guard('policy', <PolicyPage />)} />
        <Route path="budget" element={guard('budget', <BudgetPage />)} />
        <Route path="budget/allocations" element={guard('budget', <BudgetAllocationsPage />)} />
        <Route path="budget/postings" element={guard('budget', <PostingsPage />)} />
        <Route path="budget/unmatched" element={guard('budget', <UnmatchedPage />)} />
        <Route path="budget/households" element={guard('budget', <HouseholdsPage />)} />
        <Route path="budget/ledger" element={guard('budget', <LedgerPage />)} />
        <Route path="budget/closes" element={guard('budget', <ClosesPage />)} />
        <Route path="audit" element={guard('audit', <AuditPage />)} />
        <Route path="users" element={guard('users', <UsersPage />)} />
        <Route path="api-clients" element={guard('apiClients', <ApiClientsPage />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App({ tokens, fetchImpl }: { tokens?: TokenStore; fetchImpl?: typeof fetch }) {
  const store = useMemo(() => tokens ?? sessionTokenStore(), [tokens]);
  return (
    <I18nProvider>
      <BrowserRouter>
        <Session tokens={store} fetchImpl={fetchImpl}>
          <AppRoutes />
        </Session>
      </BrowserRouter>
    </I18nProvider>
  );
}
