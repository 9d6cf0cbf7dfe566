import { Button, Popconfirm, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A button that asks first: its OK (test id `<testId>-ok`, danger like the button) runs `onConfirm`. */
export function ConfirmButton({
  title,
  onConfirm,
  testId,
  danger,
  size,
  loading,
  children,
}: {
  title: ReactNode;
  onConfirm: () => void;
  testId: string;
  danger?: boolean;
  size?: ButtonProps['size'];
  loading?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm title={title} onConfirm={onConfirm} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger, 'data-testid': `${testId}-ok` } as ButtonProps}>
      <Button size={size} danger={danger} loading={loading} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}
