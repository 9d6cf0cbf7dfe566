import {
  ApartmentOutlined,
  AccountBookOutlined,
  AuditOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  DashboardOutlined,
  HomeOutlined,
  InboxOutlined,
  LockOutlined,
  KeyOutlined,
  MoneyCollectOutlined,
  LogoutOutlined,
  PartitionOutlined,
  ProfileOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  TranslationOutlined,
  TransactionOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useApi } from '../api/context';
import { useDistricts, useStreets } from '../api/org';
import { useAuth } from '../auth/AuthProvider';
import { canSee, type Screen } from '../auth/access';
import { useI18n, type MessageKey } from '../i18n/I18nProvider';
import { useErrors } from '../i18n/useErrors';

const { Header, Sider, Content } = Layout;
/** Bull Board, outside the UI: served through the gateway by the workers service. */
const QUEUE_BOARD = '/admin/queues';

interface Item {
  screen: Screen;
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  /** Only for city-scoped users (the service answers everyone else 403 CITY_SCOPE_REQUIRED). */
  cityOnly?: boolean;
}

const MAIN: Item[] = [
  { screen: 'dashboard', path: '/', label: 'menu.dashboard', icon: <DashboardOutlined /> },
  { screen: 'org', path: '/org', label: 'menu.org', icon: <ApartmentOutlined /> },
  { screen: 'workers', path: '/workers', label: 'menu.workers', icon: <TeamOutlined /> },
  { screen: 'elections', path: '/elections', label: 'menu.elections', icon: <FlagOutlined /> },
  { screen: 'gradePolicy', path: '/grade-policy', label: 'menu.gradePolicy', icon: <RiseOutlined /> },
  { screen: 'training', path: '/training', label: 'menu.training', icon: <BookOutlined /> },
  { screen: 'recruitment', path: '/recruitment', label: 'menu.recruitment', icon: <SolutionOutlined /> },
  { screen: 'payrollRuns', path: '/payroll/runs', label: 'menu.payrollRuns', icon: <AccountBookOutlined /> },
  { screen: 'rosters', path: '/rosters', label: 'menu.rosters', icon: <ScheduleOutlined /> },
  { screen: 'rosterSetup', path: '/rosters/calendar', label: 'menu.calendar', icon: <CalendarOutlined /> },
  { screen: 'payroll', path: '/payroll/simulator', label: 'menu.payroll', icon: <CalculatorOutlined /> },
  { screen: 'benchmark', path: '/payroll/benchmark', label: 'menu.benchmark', icon: <FundOutlined /> },
  { screen: 'funding', path: '/payroll/funding', label: 'menu.funding', icon: <MoneyCollectOutlined /> },
  { screen: 'policy', path: '/payroll/policy', label: 'menu.policy', icon: <ProfileOutlined /> },
  { screen: 'budget', path: '/budget', label: 'menu.budget', icon: <WalletOutlined /> },
  { screen: 'budget', path: '/budget/allocations', label: 'menu.budgetAllocations', icon: <PartitionOutlined /> },
  { screen: 'budget', path: '/budget/postings', label: 'menu.budgetPostings', icon: <TransactionOutlined /> },
  { screen: 'budget', path: '/budget/unmatched', label: 'menu.budgetUnmatched', icon: <InboxOutlined /> },
  { screen: 'budget', path: '/budget/ledger', label: 'menu.budgetLedger', icon: <FileTextOutlined /> },
  { screen: 'budget', path: '/budget/households', label: 'menu.budgetHouseholds', icon: <HomeOutlined /> },
  { screen: 'budget', path: '/budget/closes', label: 'menu.budgetCloses', icon: <LockOutlined />, cityOnly: true },
  { screen: 'audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined /> },
];
const SYSTEM: Item[] = [
  { screen: 'users', path: '/users', label: 'menu.users', icon: <UserOutlined /> },
  { screen: 'apiClients', path: '/api-clients', label: 'menu.apiClients', icon: <KeyOutlined /> },
  { screen: 'queues', path: QUEUE_BOARD, label: 'menu.queues', icon: <DatabaseOutlined /> },
];

/** The menu item of a path: the longest match, so /budget/allocations is its own item and not /budget's. */
function selectedKey(pathname: string): string {
  const matches = [...MAIN, ...SYSTEM].filter((i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}

export function AppLayout() {
  const { me, logout } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const api = useApi();
  const { message } = App.useApp();
  const errors = useErrors();
  // The board is opened by navigation, which sends no bearer token: first trade it for the board's cookie.
  const openQueueBoard = async () => {
    try {
      await api.post<void>(`${QUEUE_BOARD}/session`);
      if (!window.open(QUEUE_BOARD, '_blank')) window.location.assign(QUEUE_BOARD);
    } catch (err) {
      message.error(errors.text(err));
    }
  };
  const [collapsed, setCollapsed] = useState(false);
  const districts = useDistricts();
  const streets = useStreets(me?.scope.district, me?.scope.level === 'STREET');

  const items = useMemo<MenuProps['items']>(() => {
    const roles = me?.roles;
    const main = MAIN.filter((i) => canSee(roles, i.screen) && (!i.cityOnly || me?.scope.level === 'CITY')).map((i) => ({ key: i.path, icon: i.icon, label: t(i.label) }));
    const system = SYSTEM.filter((i) => canSee(roles, i.screen)).map((i) => ({ key: i.path, icon: i.icon, label: t(i.label) }));
    return system.length ? [...main, { type: 'group' as const, key: 'system', label: t('menu.system'), children: system }] : main;
  }, [me, t]);

  const scopeLabel = useMemo(() => {
    if (!me) return '';
    const s = me.scope;
    if (s.level === 'CITY') return t('scope.CITY');
    const district = districts.data?.find((d) => d.code === s.district)?.name ?? s.district;
    if (s.level === 'DISTRICT') return district ?? '';
    const street = streets.data?.find((x) => x.code === s.street)?.name ?? s.street;
    return `${district ?? ''} · ${street ?? ''}`;
  }, [me, districts.data, streets.data, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="dark" width={208}>
        <div style={{ color: '#fff', padding: '18px 16px', fontWeight: 600, fontSize: collapsed ? 12 : 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? 'CWS' : t('app.short')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
          onClick={({ key }) => (key === QUEUE_BOARD ? void openQueueBoard() : navigate(String(key)))}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <Space size="middle">
            <Space size={4} data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong title={me?.name} data-testid="current-user-name">
                {me?.displayName || me?.name}
              </Typography.Text>
              {me?.roles.map((r) => (
                <Tag key={r} color="blue">
                  {t(`role.${r}` as MessageKey)}
                </Tag>
              ))}
              <Tag color="green" data-testid="current-scope">
                {t('header.scope')}: {scopeLabel}
              </Tag>
            </Space>
            <Button icon={<TranslationOutlined />} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="lang-switch">
              {t('lang.switch')}
            </Button>
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
              data-testid="logout"
            >
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
