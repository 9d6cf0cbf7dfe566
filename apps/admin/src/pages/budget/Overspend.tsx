import { Alert, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { useIdempotencyKeys } from '../../api/budget';
import { ApiError } from '../../api/errors';
import { OVERRIDE_ROLES } from '../../api/postings';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormDialog } from '../../layout/FormModal';
import { thousands } from '../../lib/format';

interface Overspend {
  available: string;
  requested: string;
}

/** The amounts of a 409 INSUFFICIENT_FUNDS (the body carries them), or null for any other outcome. */
export function overspendOf(err: unknown): Overspend | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.code !== 'INSUFFICIENT_FUNDS') return null;
  const { available, requested } = err.body;
  return { available: String(available ?? ''), requested: String(requested ?? '') };
}

/**
 * A dialog's overspend: set once its write answered INSUFFICIENT_FUNDS and kept until the dialog
 * closes (a later refusal of the override itself must not hide the reason field). Only then, and
 * only for CITY_ADMIN, is an override offered — the service answers anyone else 403.
 */
export function useOverspend(error: unknown, open: boolean) {
  const { hasRole } = useAuth();
  const [seen, setSeen] = useState<Overspend | null>(null);
  useEffect(() => {
    const o = overspendOf(error);
    if (o) setSeen(o);
  }, [error]);
  useEffect(() => {
    if (!open) setSeen(null);
  }, [open]);
  return { overspend: seen, canOverride: !!seen && hasRole(...OVERRIDE_ROLES) };
}

/** The overspend's amounts and, for who may override, the reason that resends the write with `override`. */
export function OverspendNotice({ overspend, canOverride }: ReturnType<typeof useOverspend>) {
  const { t } = useI18n();
  if (!overspend) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('postings.overspend', { available: thousands(overspend.available), requested: thousands(overspend.requested) })}
        description={canOverride ? t('postings.overrideOffer') : undefined}
        data-testid="overspend"
      />
      {canOverride && (
        <Form.Item
          name={['override', 'reason']}
          label={t('postings.overrideReason')}
          extra={t('postings.overrideReasonHint')}
          // optional: left empty, OK resends without override (e.g. after lowering the amount)
          rules={[{ min: 5, max: 500, message: t('postings.overrideReasonHint') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="override-reason" />
        </Form.Item>
      )}
    </>
  );
}

/** The override of a submitted form (a trimmed reason), or none. */
export const overrideOf = (v: { override?: { reason?: string } }) => {
  const reason = v.override?.reason?.trim();
  return reason ? { reason } : undefined;
};

/**
 * The state of a dialog whose write may be overridden: `run` gets the form's override and the
 * Idempotency-Key of its body. One key per opening (`open`) for the plain body (an OK clicked twice
 * books once) and another for the body with `override` — a different body under the same key would
 * be refused as IDEMPOTENCY_KEY_REUSED.
 */
export function useOverridableDialog<TValues extends { override?: { reason?: string } }, TResult, TSubject>(
  run: (values: TValues, subject: TSubject, override: { reason: string } | undefined, key: string) => Promise<TResult>,
  options: { invalidate: QueryKey[]; success: string },
) {
  const keys = useIdempotencyKeys();
  const dialog = useFormDialog<TValues, TResult, TSubject>((v, subject) => {
    const override = overrideOf(v);
    return run(v, subject, override, keys.keyFor(override ? 'override' : 'plain'));
  }, options);
  const open = (subject: TSubject) => {
    keys.renew('plain');
    keys.renew('override');
    (dialog.show as (subject: TSubject) => void)(subject);
  };
  return { ...dialog, open };
}
