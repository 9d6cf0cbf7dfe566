import { PlusOutlined } from '@ant-design/icons';
import { COURSE_CATEGORIES, type ShortfallReportView, type TrainingCourseView, type TrainingProviderView } from '@cws/workers-contracts';
import { useQuery } from '@tanstack/react-query';
import { districtOf, streetOf } from '@cws/kernel';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunities } from '../../api/org';
import { useTrainingClasses, type TrainingClass } from '../../api/workers';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { DateItem, EnumItem, FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { filledIn } from '../../lib/filledIn';
import { placeNamer, placeOptions } from '../../lib/places';
import { TRAINING_POSTING_ROLES, TrainingPostings } from './TrainingPostings';

const T = '/api/workers/v1/training';

/** A required pick from a list, with a button beside it that adds to the list. */
function PickOrAdd({ name, label, options, onAdd }: { name: string; label: ReactNode; options: Array<{ value: number; label: string }>; onAdd: () => void }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <Form.Item label={label} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={name} noStyle rules={required}>
          <Select style={{ width: '100%' }} options={options} />
        </Form.Item>
        <Button onClick={onAdd}>{t('common.add')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}

/** 培训: classes (with their course and provider, created here), and who falls short of the year's required hours. */
export function TrainingPage() {
  const { t } = useI18n();
  const api = useApi();
  const { me, hasRole } = useAuth();
  const mayCreate = hasRole('CITY_ADMIN', 'DISTRICT_HR');
  const classes = useTrainingClasses();
  const courses = useQuery({ queryKey: ['training-courses'], queryFn: () => api.get<TrainingCourseView[]>(`${T}/courses`) });
  const providers = useQuery({ queryKey: ['training-providers'], queryFn: () => api.get<TrainingProviderView[]>(`${T}/providers`) });
  const communities = useCommunities({});
  const nameOf = placeNamer(communities.data);
  const communityName = (code: string | null) => (code ? nameOf(code) : '-');
  const createClass = useFormDialog(
    (v: Record<string, string | number>) =>
      api.post(`${T}/classes`, {
        ...filledIn(v),
        hours: String(v.hours),
        cost: v.cost ? String(v.cost) : '0.00', // a cleared cost field ('') is no cost
        ...(me?.scope.level !== 'CITY' ? { districtCode: me?.scope.district } : {}),
      }),
    { invalidate: [['training-classes'], ['training-postings']], success: t('common.saved') },
  );
  // a course or provider is added from the class form, which opens again after
  const createNamed = useFormDialog((v: Record<string, string>, kind: 'course' | 'provider') => api.post(`${T}/${kind === 'course' ? 'courses' : 'providers'}`, v), {
    invalidate: [['training-courses'], ['training-providers']],
    success: t('common.saved'),
    onDone: () => createClass.show(),
  });
  const backToClass = () => {
    createNamed.close();
    createClass.show();
  };
  const addNamed = (kind: 'course' | 'provider') => {
    createClass.close();
    createNamed.show(kind);
  };
  const named = createNamed.subject;
  const [year, setYear] = useState(new Date().getFullYear());
  const shortfall = useQuery({ queryKey: ['training-shortfall', year], queryFn: () => api.get<ShortfallReportView>(`${T}/shortfall`, { year }) });
  // 设置应修学时: the year's required hours and where they come from (CITY_ADMIN, as the service allows)
  const mayRule = hasRole('CITY_ADMIN');
  const setRule = useFormDialog((v: { requiredHours: string; source: string }) => api.put(`${T}/rules/${year}`, { requiredHours: String(v.requiredHours).trim(), source: v.source.trim() }), {
    invalidate: [['training-shortfall', year]],
    success: t('common.saved'),
  });
  const required = useRequired();

  return (
    <PageCard title={t('training.title')} testId="training-page">
      <Tabs
        items={[
          {
            key: 'classes',
            label: t('training.classes'),
            children: (
              <>
                {mayCreate && (
                  <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => createClass.show()} data-testid="new-class">
                    {t('training.newClass')}
                  </Button>
                )}
                <QueryTable<TrainingClass>
                  query={classes}
                  data-testid="classes-table"
                  columns={[
                    { title: t('workers.class'), dataIndex: 'title' },
                    { title: t('workers.course'), dataIndex: 'courseId', render: (id: number) => courses.data?.find((c) => c.id === id)?.name ?? id },
                    { title: t('training.provider'), dataIndex: 'providerId', render: (id: number) => providers.data?.find((c) => c.id === id)?.name ?? id },
                    { title: t('common.from'), dataIndex: 'startDate' },
                    { title: t('common.to'), dataIndex: 'endDate' },
                    { title: t('workers.hours'), dataIndex: 'hours', align: 'right' },
                    { title: t('training.cost'), dataIndex: 'cost', align: 'right' },
                    { title: t('training.chargeCommunity'), dataIndex: 'chargeCommunityCode', render: (c: string | null) => communityName(c) },
                  ]}
                />
              </>
            ),
          },
          ...(hasRole(...TRAINING_POSTING_ROLES)
            ? [{ key: 'postings', label: t('training.postings'), children: <TrainingPostings classes={classes.data} communityName={communityName} /> }]
            : []),
          {
            key: 'shortfall',
            label: t('training.shortfall'),
            children: (
              <>
                <Space style={{ marginBottom: 16 }}>
                  {t('benchmark.year')}
                  <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="shortfall-year" />
                  {mayRule && (
                    <Button onClick={() => setRule.show()} data-testid="training-rule">
                      {t('training.setRule', { year })}
                    </Button>
                  )}
                </Space>
                {shortfall.error ? (
                  <Alert type="info" showIcon title={t('training.noRule', { year })} />
                ) : (
                  shortfall.data && (
                    <>
                      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('training.requirement', { year, hours: shortfall.data.requiredHours, source: shortfall.data.source })} />
                      <Table
                        size="small"
                        rowKey="communityCode"
                        title={() => t('training.byCommunity')}
                        dataSource={shortfall.data.communities}
                        pagination={false}
                        data-testid="shortfall-communities"
                        columns={[
                          { title: t('org.community'), dataIndex: 'communityCode', render: (c: string) => <Link to={`/workers?community=${c}&street=${streetOf(c)}&district=${districtOf(c)}`}>{communityName(c)}</Link> },
                          { title: t('training.shortCount'), dataIndex: 'short', align: 'right' },
                        ]}
                      />
                      <Table
                        size="small"
                        rowKey="workerId"
                        style={{ marginTop: 16 }}
                        title={() => t('training.byWorker')}
                        dataSource={shortfall.data.workers}
                        data-testid="shortfall-workers"
                        columns={[
                          { title: t('workers.name'), dataIndex: 'name', render: (n: string, w) => <Link to={`/workers/${w.workerId}`}>{n}</Link> },
                          { title: t('org.community'), dataIndex: 'communityCode', render: (c: string) => communityName(c) },
                          { title: t('training.hoursDone'), dataIndex: 'hours', align: 'right', render: (h: string) => <Tag color="orange">{h} / {shortfall.data?.requiredHours}</Tag> },
                        ]}
                      />
                    </>
                  )
                )}
              </>
            ),
          },
        ]}
      />
      <FormModal {...createClass.modal} title={t('training.newClass')} initialValues={{ cost: '0.00' }} testId="class-form" width={560}>
        <Form.Item name="title" label={t('workers.class')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <PickOrAdd name="courseId" label={t('workers.course')} options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.name }))} onAdd={() => addNamed('course')} />
        <PickOrAdd name="providerId" label={t('training.provider')} options={(providers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} onAdd={() => addNamed('provider')} />
        <DateItem name="startDate" label={t('common.from')} required />
        <DateItem name="endDate" label={t('common.to')} required />
        <Form.Item name="hours" label={t('workers.hours')} rules={[...required, { pattern: /^\d{1,4}(\.\d)?$/, message: t('training.hoursFormat') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="cost" label={t('training.cost')} rules={[{ pattern: /^\d{1,13}(\.\d{1,2})?$/, message: t('payroll.amountInvalid') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="chargeCommunityCode" label={t('training.chargeCommunity')} extra={t('training.chargeHint')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={placeOptions(communities.data)} />
        </Form.Item>
      </FormModal>
      <FormModal
        {...createNamed.modal}
        onClose={backToClass}
        title={named === 'course' ? t('training.newCourse') : t('training.newProvider')}
        initialValues={named === 'course' ? { category: 'PROFESSIONAL_SKILLS' } : {}}
        testId="named-form"
      >
        <Form.Item name="name" label={t('org.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        {named === 'course' && (
          <EnumItem name="category" label={t('workers.category')} values={COURSE_CATEGORIES} prefix="enum.category" />
        )}
      </FormModal>
      <FormModal
        {...setRule.modal}
        title={t('training.setRule', { year })}
        initialValues={shortfall.data ? { requiredHours: shortfall.data.requiredHours, source: shortfall.data.source } : {}}
        testId="training-rule-form"
      >
        <Form.Item name="requiredHours" label={t('training.requiredHours')} rules={[...required, { pattern: /^\d{1,4}(\.\d)?$/, message: t('training.hoursFormat') }]} extra={t('training.requiredHoursHint')}>
          <Input inputMode="decimal" placeholder="40" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="source" label={t('training.ruleSource')} rules={required}>
          <Input maxLength={200} placeholder={t('training.ruleSourcePlaceholder')} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
