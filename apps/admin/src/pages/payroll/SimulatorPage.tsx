import { CalculatorOutlined, CopyOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { DomainError, formatMoney, parseMoney, type ErrorDetail } from '@cws/kernel';
import type { SimulationInput, SimulationMonthInput, SimulationOutput } from '@cws/payroll-contracts';
import { simulateYear, validateSimulationRequest, type SimulationIssueCode } from '@cws/payroll-engine';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { useApi } from '../../api/context';
import { ApiError, fieldErrors } from '../../api/errors';
import { useErrors } from '../../i18n/useErrors';
import { detailText } from '../../i18n/errors';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';

const AMOUNT_FIELDS = ['gross', 'employeeInsurance', 'specialDeductions', 'taxFree', 'otherDeductions'] as const;
type MonthRow = Required<SimulationMonthInput>;

interface FormValues {
  year: number;
  /** the months employed this year: only these rows are sent (a mid-year hire starts later) */
  firstMonth: number;
  lastMonth: number;
  months: MonthRow[];
  withBonus: boolean;
  bonus?: { amount: string; method: 'SEPARATE' | 'MERGED' };
}

function initialValues(): FormValues {
  return {
    year: new Date().getFullYear(),
    firstMonth: 1,
    lastMonth: 12,
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

/** Normalises "12000" and "12000.5" to "12000.00" / "12000.50" through bigint fen; anything malformed is left for the validation to name. */
export function normaliseAmount(v: string): string {
  const s = (v ?? '').trim();
  try {
    return formatMoney(parseMoney(s));
  } catch {
    return s;
  }
}

/** The request the form describes: only the months in range, amounts as two-place strings. */
export function toRequest(v: FormValues): SimulationInput {
  const first = v.firstMonth ?? 1;
  const last = v.lastMonth ?? 12;
  const body: SimulationInput = {
    year: v.year,
    months: (v.months ?? [])
      .filter((_, i) => i + 1 >= first && i + 1 <= last)
      .map((m) => ({
        month: m.month,
        gross: normaliseAmount(m.gross),
        employeeInsurance: normaliseAmount(m.employeeInsurance),
        specialDeductions: normaliseAmount(m.specialDeductions),
        taxFree: normaliseAmount(m.taxFree),
        otherDeductions: normaliseAmount(m.otherDeductions),
      })),
  };
  if (v.withBonus && v.bonus) body.bonus = { amount: normaliseAmount(v.bonus.amount), method: v.bonus.method };
  return body;
}

/**
 * What the engine's `validateSimulationRequest` (the same check the API runs) finds wrong with a
 * request, as form fields. Whether a separate bonus is still allowed (`bonus.method`) depends on
 * the policy tables, which the server holds: the browser leaves that question to the server.
 */
export function engineFieldErrors(
  request: SimulationInput,
  issueText: (d: ErrorDetail) => string = (d) => d.issue,
): Array<{ name: (string | number)[]; errors: string[] }> {
  const details = validateSimulationRequest(request).filter((d) => d.path !== 'bonus.method');
  return details.length ? simulationFieldErrors(new ApiError(400, 'VALIDATION_FAILED', '', details), request, issueText) : [];
}

/** The form's words for the engine's amount issues, by the issue's code (SimulationIssueCode). */
const AMOUNT_ISSUE_KEYS: Partial<Record<SimulationIssueCode, MessageKey>> = {
  AMOUNT_NEGATIVE: 'payroll.amountNegative',
  AMOUNT_TOO_LARGE: 'payroll.amountTooLarge',
  AMOUNT_NOT_A_NUMBER: 'payroll.amountInvalid',
  AMOUNT_NOT_A_STRING: 'payroll.amountInvalid',
  AMOUNT_TOO_MANY_DECIMALS: 'payroll.amountInvalid',
  AMOUNT_REQUIRED: 'payroll.amountInvalid',
};
export function issueKey(d: ErrorDetail): MessageKey | null {
  return (d.code && AMOUNT_ISSUE_KEYS[d.code as SimulationIssueCode]) || null;
}

/** The engine's own run in the browser, on its default tables: an instant preview, not the server's answer. */
function preview(request: SimulationInput): { result?: ReturnType<typeof simulateYear>; issues?: ErrorDetail[] } {
  try {
    return { result: simulateYear(request) };
  } catch (e) {
    if (e instanceof DomainError) return { issues: e.details };
    return { issues: [{ path: '', issue: e instanceof Error ? e.message : String(e) }] };
  }
}

/**
 * The API's paths index the months *sent* (`months[0]` is the first month listed); the form holds
 * all twelve, so a path is moved to the row of the month it names.
 */
export function simulationFieldErrors(
  err: unknown,
  sent: SimulationInput,
  issueText?: (d: ErrorDetail, err: ApiError) => string,
): Array<{ name: (string | number)[]; errors: string[] }> {
  return fieldErrors(err, issueText).map((f) => {
    if (f.name[0] !== 'months' || typeof f.name[1] !== 'number') return f;
    const month = sent.months[f.name[1]]?.month;
    return month ? { ...f, name: ['months', month - 1, ...f.name.slice(2)] } : f;
  });
}

const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: String(i + 1) }));

/** The months of a simulated year: taxable and tax so far (the server's answer and the in-browser preview alike). */
function TaxMonths({ months }: { months: SimulationOutput['months'] | undefined }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="month"
      pagination={false}
      dataSource={months ?? []}
      columns={[
        { title: t('payroll.month'), dataIndex: 'month', width: 60 },
        { title: t('payroll.cumulativeTaxable'), dataIndex: 'cumulativeTaxable', align: 'right' },
        { title: t('payroll.tax'), dataIndex: 'tax', align: 'right' },
        { title: t('payroll.cumulativeTax'), dataIndex: 'cumulativeTax', align: 'right' },
      ]}
    />
  );
}

export function SimulatorPage() {
  const { t, locale } = useI18n();
  const errors = useErrors();
  const api = useApi();
  const [form] = Form.useForm<FormValues>();
  const withBonus = Form.useWatch('withBonus', form);
  const firstMonth = Form.useWatch('firstMonth', form) ?? 1;
  const lastMonth = Form.useWatch('lastMonth', form) ?? 12;
  const inRange = (index: number) => index + 1 >= firstMonth && index + 1 <= lastMonth;
  const simulate = useMutation({
    mutationFn: (body: SimulationInput) => api.post<SimulationOutput>('/api/payroll/v1/simulations', body),
    onError: (err, sent) => {
      // an amount issue in the words the form uses, anything else from the error's code
      const fields = simulationFieldErrors(err, sent, (d, e) => {
        const key = issueKey(d);
        return key ? t(key) : detailText(locale, e, d);
      });
      if (fields.length) form.setFields(fields as never[]);
    },
  });

  const onFinish = (v: FormValues) => {
    const body = toRequest({ ...(form.getFieldsValue(true) as FormValues), ...v });
    const problems = engineFieldErrors(body, message);
    if (problems.length) {
      form.setFields(problems as never[]);
      return;
    }
    simulate.mutate(body);
  };

  const copyJanuary = () => {
    const months = form.getFieldValue('months') as MonthRow[];
    const jan = months[(form.getFieldValue('firstMonth') as number) - 1] ?? months[0];
    form.setFieldValue(
      'months',
      months.map((m) => ({ ...jan, month: m.month })),
    );
  };

  const message = (d: ErrorDetail) => {
    const key = issueKey(d);
    return key ? t(key) : d.issue;
  };
  /** A field's rule: the engine's validation of the whole request, reporting this field's problem. */
  const engineRule = (name: (string | number)[]): Rule => ({
    validator: () => {
      const mine = engineFieldErrors(toRequest(form.getFieldsValue(true) as FormValues), message).find((f) => f.name.join('.') === name.join('.'));
      return mine ? Promise.reject(new Error(mine.errors[0])) : Promise.resolve();
    },
  });
  const error = simulate.error;

  // the instant preview follows every keystroke
  const watched = Form.useWatch((v: FormValues) => v, { form, preserve: true });
  const live = useMemo(() => (watched?.months ? preview(toRequest(watched)) : {}), [watched]);
  const server = simulate.data;
  const agrees = server && live.result && server.year === live.result.year ? server.totalTax === live.result.totalTax && (server.bonusTax ?? null) === (live.result.bonusTax ?? null) : null;

  return (
    <Row gutter={16}>
      <Col xs={24} xxl={14}>
        <Card title={t('payroll.title')} data-testid="simulator-page">
          <Typography.Paragraph type="secondary">{t('payroll.hint')}</Typography.Paragraph>
          <Form<FormValues> form={form} initialValues={initialValues()} onFinish={onFinish} layout="inline" size="small">
            <Space wrap style={{ marginBottom: 12 }}>
              <Form.Item name="year" label={t('payroll.year')} rules={[{ required: true }, engineRule(['year'])]}>
                <InputNumber min={2019} max={2100} />
              </Form.Item>
              <Form.Item name="firstMonth" label={t('payroll.firstMonth')}>
                <Select style={{ width: 70 }} options={MONTH_OPTIONS} virtual={false} data-testid="first-month" />
              </Form.Item>
              <Form.Item
                name="lastMonth"
                label={t('payroll.lastMonth')}
                dependencies={['firstMonth']}
                rules={[{ validator: (_, v: number) => (v >= form.getFieldValue('firstMonth') ? Promise.resolve() : Promise.reject(new Error(t('payroll.monthRangeInvalid')))) }]}
              >
                <Select style={{ width: 70 }} options={MONTH_OPTIONS} virtual={false} data-testid="last-month" />
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
                  onRow={(f) => ({ style: inRange(f.name) ? undefined : { opacity: 0.45 } })}
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
                        <Form.Item
                          name={[f.name, field]}
                          rules={inRange(f.name) ? [engineRule(['months', f.name, field])] : []}
                          style={{ margin: 0 }}
                        >
                          <Input inputMode="decimal" style={{ width: 110 }} disabled={!inRange(f.name)} data-testid={`m${f.name + 1}-${field}`} />
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
                  <Form.Item name={['bonus', 'amount']} label={t('payroll.bonusAmount')} rules={[engineRule(['bonus', 'amount'])]}>
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
            <Alert type="error" showIcon title={errors.text(error)} style={{ marginBottom: 12 }} data-testid="simulation-error" />
          ) : error ? (
            <QueryError error={error} />
          ) : null}
          <TaxMonths months={simulate.data?.months} />
          {simulate.data?.totalTax != null && (
            <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="total-tax">
              {t('payroll.totalTax')}: {simulate.data.totalTax}
            </Typography.Paragraph>
          )}
          {simulate.data?.bonusTax != null && (
            <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="bonus-tax">
              {t('payroll.bonusTax')}: {simulate.data.bonusTax}
            </Typography.Paragraph>
          )}
          {agrees !== null && (
            <Tag color={agrees ? 'green' : 'orange'} data-testid="preview-agreement">
              {t(agrees ? 'payroll.previewAgrees' : 'payroll.previewDiffers')}
            </Tag>
          )}
        </Card>
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={
            <Space>
              <ThunderboltOutlined />
              {t('payroll.preview')}
              <Tag color="gold">{t('payroll.previewTag')}</Tag>
            </Space>
          }
          data-testid="simulation-preview"
        >
          <Typography.Paragraph type="secondary">{t('payroll.previewHint')}</Typography.Paragraph>
          {live.issues ? (
            <Alert
              type="info"
              showIcon
              title={t('payroll.previewIssues')}
              description={live.issues.slice(0, 3).map((d) => `${d.path ? `${d.path}: ` : ''}${message(d)}`).join('；')}
              data-testid="preview-issues"
            />
          ) : (
            <>
              <TaxMonths months={live.result?.months} />
              {live.result && (
                <Typography.Paragraph style={{ marginTop: 12 }} data-testid="preview-total-tax">
                  {t('payroll.totalTax')}: {live.result.totalTax}
                  {live.result.bonusTax != null && ` · ${t('payroll.bonusTax')}: ${live.result.bonusTax}`}
                </Typography.Paragraph>
              )}
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
