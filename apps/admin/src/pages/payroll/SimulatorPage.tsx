import { CalculatorOutlined, CopyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { useApi } from '../../api/context';
import { ApiError, applyFieldErrors } from '../../api/errors';
import type { SimulationMonthInput, SimulationRequest, SimulationResult } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';

/** Decimal strings with at most two places: what the API takes; never turned into floats. */
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const AMOUNT_FIELDS = ['gross', 'employeeInsurance', 'specialDeductions', 'taxFree', 'otherDeductions'] as const;

interface FormValues {
  year: number;
  months: SimulationMonthInput[];
  withBonus: boolean;
  bonus?: { amount: string; method: 'SEPARATE' | 'MERGED' };
}

function initialValues(): FormValues {
  return {
    year: new Date().getFullYear(),
    months: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      gross: '12000.00',
      employeeInsurance: '2100.00',
      specialDeductions: '0.00',
      taxFree: '0.00',
      otherDeductions: '0.00',
    })),
    withBonus: false,
    bonus: { amount: '0.00', method: 'SEPARATE' },
  };
}

/** Normalises "12000" and "12000.5" to "12000.00" / "12000.50" by string padding only. */
export function normaliseAmount(v: string): string {
  const s = v.trim();
  if (!AMOUNT.test(s)) return s;
  const [int, frac = ''] = s.split('.');
  return `${int}.${frac.padEnd(2, '0')}`;
}

export function SimulatorPage() {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<FormValues>();
  const withBonus = Form.useWatch('withBonus', form);
  const simulate = useMutation({
    mutationFn: (body: SimulationRequest) => api.post<SimulationResult>('/api/payroll/v1/simulations', body),
    onError: (err) => applyFieldErrors(form, err),
  });

  const onFinish = (v: FormValues) => {
    const body: SimulationRequest = {
      year: v.year,
      months: v.months.map((m) => ({
        month: m.month,
        gross: normaliseAmount(m.gross),
        employeeInsurance: normaliseAmount(m.employeeInsurance),
        specialDeductions: normaliseAmount(m.specialDeductions),
        taxFree: normaliseAmount(m.taxFree),
        otherDeductions: normaliseAmount(m.otherDeductions),
      })),
    };
    if (v.withBonus && v.bonus) body.bonus = { amount: normaliseAmount(v.bonus.amount), method: v.bonus.method };
    simulate.mutate(body);
  };

  const copyJanuary = () => {
    const months = form.getFieldValue('months') as SimulationMonthInput[];
    const jan = months[0];
    form.setFieldValue(
      'months',
      months.map((m) => ({ ...jan, month: m.month })),
    );
  };

  const amountRule = { pattern: AMOUNT, message: t('payroll.amountInvalid') };
  const error = simulate.error;

  return (
    <Row gutter={16}>
      <Col xs={24} xxl={14}>
        <Card title={t('payroll.title')} data-testid="simulator-page">
          <Typography.Paragraph type="secondary">{t('payroll.hint')}</Typography.Paragraph>
          <Form<FormValues> form={form} initialValues={initialValues()} onFinish={onFinish} layout="inline" size="small">
            <Space wrap style={{ marginBottom: 12 }}>
              <Form.Item name="year" label={t('payroll.year')} rules={[{ required: true }]}>
                <InputNumber min={2019} max={2100} />
              </Form.Item>
              <Button icon={<CopyOutlined />} onClick={copyJanuary}>
                {t('payroll.fillAll')}
              </Button>
            </Space>
            <Form.List name="months">
              {(fields) => (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  scroll={{ x: 760 }}
                  style={{ width: '100%' }}
                  columns={[
                    {
                      title: t('payroll.month'),
                      key: 'month',
                      width: 60,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'month']} noStyle>
                          <span>{f.name + 1}</span>
                        </Form.Item>
                      ),
                    },
                    ...AMOUNT_FIELDS.map((field) => ({
                      title: t(`payroll.${field}`),
                      key: field,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, field]} rules={[{ required: true, message: t('payroll.amountInvalid') }, amountRule]} style={{ margin: 0 }}>
                          <Input inputMode="decimal" style={{ width: 110 }} data-testid={`m${f.name + 1}-${field}`} />
                        </Form.Item>
                      ),
                    })),
                  ]}
                />
              )}
            </Form.List>
            <Space wrap style={{ marginTop: 12 }}>
              <Form.Item name="withBonus" label={t('payroll.bonus')} valuePropName="checked">
                <Switch />
              </Form.Item>
              {withBonus && (
                <>
                  <Form.Item name={['bonus', 'amount']} label={t('payroll.bonusAmount')} rules={[{ required: true, message: t('payroll.amountInvalid') }, amountRule]}>
                    <Input inputMode="decimal" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={['bonus', 'method']} label={t('payroll.bonusMethod')}>
                    <Select
                      style={{ width: 150 }}
                      options={[
                        { value: 'SEPARATE', label: t('payroll.method.SEPARATE') },
                        { value: 'MERGED', label: t('payroll.method.MERGED') },
                      ]}
                    />
                  </Form.Item>
                </>
              )}
            </Space>
            <div style={{ width: '100%', marginTop: 12 }}>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={simulate.isPending} data-testid="simulate">
                {t('payroll.run')}
              </Button>
            </div>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xxl={10}>
        <Card title={t('payroll.results')} data-testid="simulation-results">
          {error instanceof ApiError && error.status !== 404 && error.status !== 502 ? (
            <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="simulation-error" />
          ) : error ? (
            <QueryError error={error} />
          ) : null}
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={simulate.data?.months ?? []}
            columns={[
              { title: t('payroll.month'), dataIndex: 'month', width: 60 },
              { title: t('payroll.cumulativeTaxable'), dataIndex: 'cumulativeTaxable', align: 'right' },
              { title: t('payroll.tax'), dataIndex: 'tax', align: 'right' },
              { title: t('payroll.cumulativeTax'), dataIndex: 'cumulativeTax', align: 'right' },
            ]}
          />
          {simulate.data?.bonusTax != null && (
            <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="bonus-tax">
              {t('payroll.bonusTax')}: {simulate.data.bonusTax}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
    </Row>
  );
}
