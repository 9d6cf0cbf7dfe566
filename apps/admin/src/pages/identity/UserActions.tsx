import { Button, Form, Input, Select, Space } from 'antd';
import { useApi } from '../../api/context';
import { ROLES, type ScopeLevel, type UserRow } from '../../api/types';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
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
  const options = useEnumOptions();
  const required = useRequired();
  const path = `/api/workers/v1/users/${user.id}`;
  const edit = useFormDialog((v: UserEdit) => api.patch<UserRow>(path, v), { invalidate: [['users']], success: t('common.saved') });
  const reset = useFormDialog((v: { password: string }) => api.post<void>(`${path}/reset-password`, v), { success: t('users.passwordReset') });
  const toggle = useAction(() => api.post<UserRow>(`${path}/${user.active ? 'disable' : 'enable'}`), { invalidate: [['users']], success: t(user.active ? 'users.disabled' : 'users.enabled') });

  return (
    <Space size="small" data-testid={`user-actions-${user.username}`}>
      <Button size="small" onClick={() => edit.show()} data-testid="user-edit">{t('common.edit')}</Button>
      <Button size="small" onClick={() => reset.show()} data-testid="user-reset">{t('users.resetPassword')}</Button>
      <ConfirmButton
        title={t(user.active ? 'users.disableConfirm' : 'users.enableConfirm')}
        onConfirm={() => toggle.mutate(undefined)}
        testId="user-toggle"
        size="small"
        danger={user.active}
        loading={toggle.isPending}
      >
        {t(user.active ? 'users.disable' : 'users.enable')}
      </ConfirmButton>
      <FormModal
        {...edit.modal}
        title={`${t('common.edit')} · ${user.username}`}
        initialValues={{ displayName: user.displayName, roles: user.roles, scopeLevel: user.scopeLevel, scopeDistrict: user.scopeDistrict ?? undefined, scopeStreet: user.scopeStreet ?? undefined }}
        testId="user-edit-form"
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[...required, { max: 100 }]}>
          <Input id="editDisplayName" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={required} extra={t('users.rightsHint')}>
          <Select id="editRoles" mode="multiple" options={options(ROLES, 'role')} />
        </Form.Item>
        <ScopeFields form={edit.form} levels={['CITY', 'DISTRICT', 'STREET']} />
      </FormModal>
      <FormModal {...reset.modal} title={`${t('users.resetPassword')} · ${user.username}`} testId="user-reset-form">
        <Form.Item name="password" label={t('users.newPassword')} rules={[...required, { min: 8, message: t('users.passwordMin') }]} extra={t('users.resetHint')}>
          <Input.Password id="resetPassword" autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
