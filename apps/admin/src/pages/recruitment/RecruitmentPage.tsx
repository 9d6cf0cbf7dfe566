import { PlusOutlined } from '@ant-design/icons';
import { ROLES_BY_BODY } from '@cws/workers-contracts';
import { Button, Card, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunities } from '../../api/org';
import { R, useVacancies, type VacancyListItem } from '../../api/recruitment';
import { useAction } from '../../api/useAction';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { DateItem, FormModal, todayIso } from '../../layout/FormModal';
import { QueryError } from '../../layout/PageState';
import { CommunitySelect } from '../workers/WorkerFormModals';

const WRITE_ROLES = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'];

interface NewVacancy {
  communityCode: string;
  role: string;
  headcount: number;
  opensOn: string;
  closesOn: string;
  noticeDays: number;
}

/**
 * 招聘: the vacancies in your scope (newest first; the station's posts — the party and committee
 * posts are elected) with their applicants, the selected in public notice and the hired; 新增岗位.
 * A vacancy opens its candidates: scores, ranking, selection with 公示, objections and hire.
 */
export function RecruitmentPage() {
  const { t } = useI18n();
  const api = useApi();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>('OPEN');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewVacancy>();
  const vacancies = useVacancies(status);
  const communities = useCommunities({});
  const communityName = (code: string) => communities.data?.find((c) => c.code === code)?.name ?? code;
  const canWrite = !!me?.roles.some((r) => WRITE_ROLES.includes(r));
  const create = useAction((v: NewVacancy) => api.post<{ id: number }>(`${R}/vacancies`, { ...v, bodyKind: 'STATION' }), {
    form,
    invalidate: [['vacancies']],
    onDone: (created) => navigate(`/recruitment/${created.id}`),
  });
  const items = vacancies.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title={t('recruitment.title')}
      data-testid="recruitment-page"
      extra={
        <Space>
          <Select
            style={{ width: 140 }}
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('recruitment.allStatuses')}
            options={['OPEN', 'FILLED'].map((s) => ({ value: s, label: t(`recruitment.status.${s}` as MessageKey) }))}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-vacancy">
              {t('recruitment.newVacancy')}
            </Button>
          )}
        </Space>
      }
    >
      {vacancies.error && <QueryError error={vacancies.error} />}
      <Table<VacancyListItem>
        rowKey="id"
        size="middle"
        loading={vacancies.isPending}
        dataSource={items}
        pagination={false}
        data-testid="vacancies-table"
        columns={[
          { title: t('recruitment.community'), key: 'c', render: (_, v) => <Link to={`/recruitment/${v.id}`}>{communityName(v.communityCode)}</Link> },
          { title: t('recruitment.post'), key: 'p', render: (_, v) => `${t(`org.body.${v.bodyKind}` as MessageKey)} · ${t(`enum.role.${v.role}` as MessageKey)}` },
          { title: t('recruitment.headcount'), dataIndex: 'headcount', align: 'right' },
          { title: t('recruitment.period'), key: 'd', render: (_, v) => `${v.opensOn} ~ ${v.closesOn}` },
          { title: t('recruitment.candidates'), dataIndex: 'candidates', align: 'right' },
          { title: t('recruitment.selected'), dataIndex: 'selected', align: 'right' },
          { title: t('recruitment.hired'), dataIndex: 'hired', align: 'right' },
          { title: t('recruitment.state'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'OPEN' ? 'blue' : 'default'}>{t(`recruitment.status.${s}` as MessageKey)}</Tag> },
        ]}
      />
      {vacancies.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => void vacancies.fetchNextPage()} loading={vacancies.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <FormModal
        open={open}
        title={t('recruitment.newVacancy')}
        form={form}
        onSubmit={(v) => create.mutate(v)}
        onClose={() => setOpen(false)}
        pending={create.isPending}
        initialValues={{ role: 'STAFF', headcount: 1, opensOn: todayIso(), noticeDays: 7 }}
        testId="vacancy-form"
      >
        <Form.Item name="communityCode" label={t('recruitment.community')} rules={[{ required: true, message: t('common.required') }]}>
          <CommunitySelect id="vacancyCommunity" />
        </Form.Item>
        <Form.Item name="role" label={t('recruitment.post')} extra={t('recruitment.stationOnly')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={ROLES_BY_BODY.STATION.map((r) => ({ value: r, label: `${t('org.body.STATION')} · ${t(`enum.role.${r}` as MessageKey)}` }))} />
        </Form.Item>
        <Form.Item name="headcount" label={t('recruitment.headcount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <DateItem name="opensOn" label={t('recruitment.opensOn')} required />
        <DateItem name="closesOn" label={t('recruitment.closesOn')} required />
        <Form.Item name="noticeDays" label={t('recruitment.noticeDays')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
