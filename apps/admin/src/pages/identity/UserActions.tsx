import { Button, Form, Input, Popconfirm, Select, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { ROLES, type ScopeLevel, type UserRow } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { FormModal } from '../../layout/FormModal';
import { ScopeFields } from './ScopeFields';

interface UserEdit {
  displayName: string;
  roles: string[];
  scopeLevel: ScopeLevel;
  scopeDistrict?: string;
  scopeStreet?: string;
}

/**
 * A user row's actions: 编辑 (name, roles, scope), 重置密码 (the admin types the new one), 停用 / 启用.
 * The service ends the user's sessions on anything that takes rights away; the hints say so.
 */
export function UserActions({ user }: { user: UserRow }) {
  const { t } = useI18n();
  const api = useApi();
  const [dialog, setDialog] = useState<null | 'edit' | 'password'>(null);
  const [editForm] = Form.useForm<UserEdit>();
  const [pwForm] = Form.useForm<{ password: string }>();
  const close = () => setDialog(null);
  const path = `/api/workers/v1/users/${user.id}`;
  const edit = useAction((v: UserEdit) => api.patch<UserRow>(path, v), { form: editForm, invalidate: [['users']], success: t('common.saved'), onDone: close });
  const reset = useAction((v: { password: string }) => api.post<void>(`${path}/reset-password`, v), { form: pwForm, success: t('users.passwordReset'), onDone: close });
  const toggle = useAction(() => api.post<UserRow>(`${path}/${user.active ? 'disable' : 'enable'}`), { invalidate: [['users']], success: t(user.active ? 'users.disabled' : 'users.enabled') });
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Space size="small" data-testid={`user-actions-${user.username}`}>
      <Button size="small" onClick={() => setDialog('edit')} data-testid="user-edit">{t('common.edit')}</Button>
      <Button size="small" onClick={() => setDialog('password')} data-testid="user-reset">{t('users.resetPassword')}</Button>
      <Popconfirm
        title={t(user.active ? 'users.disableConfirm' : 'users.enableConfirm')}
        onConfirm={() => toggle.mutate(undefined)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: user.active, 'data-testid': 'user-toggle-ok' } as ButtonProps}
      >
        <Button size="small" danger={user.active} loading={toggle.isPending} data-testid="user-toggle">
          {t(user.active ? 'users.disable' : 'users.enable')}
        </Button>
      </Popconfirm>
      <FormModal
        open={dialog === 'edit'}
        title={`${t('common.edit')} · ${user.username}`}
        form={editForm}
        onSubmit={(v) => edit.mutate(v)}
        onClose={close}
        pending={edit.isPending}
        initialValues={{ displayName: user.displayName, roles: user.roles, scopeLevel: user.scopeLevel, scopeDistrict: user.scopeDistrict ?? undefined, scopeStreet: user.scopeStreet ?? undefined }}
        testId="user-edit-form"
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[...required, { max: 100 }]}>
          <Input id="editDisplayName" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={required} extra={t('users.rightsHint')}>
          <Select id="editRoles" mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
        <ScopeFields form={editForm} levels={['CITY', 'DISTRICT', 'STREET']} />
      </FormModal>
      <FormModal open={dialog === 'password'} title={`${t('users.resetPassword')} · ${user.username}`} form={pwForm} onSubmit={(v) => reset.mutate(v)} onClose={close} pending={reset.isPending} testId="user-reset-form">
        <Form.Item name="password" label={t('users.newPassword')} rules={[...required, { min: 8, message: t('users.passwordMin') }]} extra={t('users.resetHint')}>
          <Input.Password id="resetPassword" autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
