import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAuth } from './AuthProvider';

/** Sends anonymous visitors to /login (remembering where they were going). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Shows a 403 page when the signed-in user holds none of `roles`. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  const { t } = useI18n();
  if (!hasRole(...roles)) return <Result status="403" title="403" subTitle={t('common.error')} />;
  return <>{children}</>;
}
