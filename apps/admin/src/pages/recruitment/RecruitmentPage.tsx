import { PlusOutlined } from '@ant-design/icons';
import { ROLES_BY_BODY, type VacancyView } from '@cws/workers-contracts';
import { Button, Form, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunities } from '../../api/org';
import { R, useVacancies, type VacancyListItem } from '../../api/recruitment';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { DateItem, FormModal, todayIso, useFormDialog, useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { PagedTable } from '../../layout/PagedTable';
import { placeNamer } from '../../lib/places';
import { CommunitySelect } from '../workers/WorkerFormModals';

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
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const options = useEnumOptions();
  const required = useRequired();
  const [status, setStatus] = useState<string | undefined>('OPEN');
  const vacancies = useVacancies(status);
  const communities = useCommunities({});
  const communityName = placeNamer(communities.data);
  const canWrite = hasRole(...HR_ROLES);
  const create = useFormDialog((v: NewVacancy) => api.post<VacancyView>(`${R}/vacancies`, { ...v, bodyKind: 'STATION' }), {
    invalidate: [['vacancies']],
    onDone: (created) => navigate(`/recruitment/${created.id}`),
  });

  return (
    <PageCard
      title={t('recruitment.title')}
      testId="recruitment-page"
      tools={
        <>
          <Select
            style={{ width: 140 }}
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('recruitment.allStatuses')}
            options={options(['OPEN', 'FILLED'], 'recruitment.status')}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => create.show()} data-testid="new-vacancy">
              {t('recruitment.newVacancy')}
            </Button>
          )}
        </>
      }
    >
      <PagedTable<VacancyListItem>
        pages={vacancies}
        loadMoreTestId="vacancies-load-more"
        size="middle"
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
      <FormModal
        {...create.modal}
        title={t('recruitment.newVacancy')}
        initialValues={{ role: 'STAFF', headcount: 1, opensOn: todayIso(), noticeDays: 7 }}
        testId="vacancy-form"
      >
        <Form.Item name="communityCode" label={t('recruitment.community')} rules={required}>
          <CommunitySelect id="vacancyCommunity" />
        </Form.Item>
        <Form.Item name="role" label={t('recruitment.post')} extra={t('recruitment.stationOnly')} rules={required}>
          <Select options={ROLES_BY_BODY.STATION.map((r) => ({ value: r, label: `${t('org.body.STATION')} · ${t(`enum.role.${r}` as MessageKey)}` }))} />
        </Form.Item>
        <Form.Item name="headcount" label={t('recruitment.headcount')} rules={required}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <DateItem name="opensOn" label={t('recruitment.opensOn')} required />
        <DateItem name="closesOn" label={t('recruitment.closesOn')} required />
        <Form.Item name="noticeDays" label={t('recruitment.noticeDays')} rules={required}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
