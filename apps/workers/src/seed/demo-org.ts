/**
 * The demo city: real Hangzhou district names and codes; streets and communities are
 * fictional except where noted (翠苑街道 / 翠苑一区社区 are well-known names, used as examples).
 */
export interface DemoStreet {
  name: string;
  communities: string[];
}
export interface DemoDistrict {
  code: string;
  name: string;
  streets: DemoStreet[];
}

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    code: '330106',
    name: '西湖区',
    streets: [
      { name: '翠苑街道', communities: ['翠苑一区社区', '翠苑二区社区', '翠苑三区社区', '翠苑四区社区'] },
      { name: '文新街道', communities: ['文新社区', '德加社区', '丰潭社区', '益乐社区'] },
      { name: '古荡街道', communities: ['古荡新村社区', '马塍路社区', '华星社区', '嘉绿苑社区'] },
    ],
  },
  {
    code: '330102',
    name: '上城区',
    streets: [
      { name: '湖滨街道', communities: ['东坡路社区', '岳王路社区', '青年路社区', '东平巷社区'] },
      { name: '清波街道', communities: ['清波门社区', '劳动路社区', '河坊街社区', '柳翠井社区'] },
      { name: '紫阳街道', communities: ['新工社区', '春江社区', '海潮社区', '凤凰社区'] },
    ],
  },
  {
    code: '330105',
    name: '拱墅区',
    streets: [
      { name: '米市巷街道', communities: ['米市巷社区', '大兜路社区', '左家新村社区', '湖墅新村社区'] },
      { name: '大关街道', communities: ['大关南一苑社区', '大关西三苑社区', '东新园社区', '西一社区'] },
      { name: '和睦街道', communities: ['和睦新村社区', '阮家桥社区', '华丰社区', '登云社区'] },
    ],
  },
];

/** Names for generated districts when a benchmark asks for a much larger city. */
export const EXTRA_DISTRICTS: Array<{ code: string; name: string }> = [
  { code: '330108', name: '滨江区' },
  { code: '330109', name: '萧山区' },
  { code: '330110', name: '余杭区' },
  { code: '330111', name: '富阳区' },
  { code: '330112', name: '临安区' },
  { code: '330113', name: '临平区' },
  { code: '330114', name: '钱塘区' },
  { code: '330122', name: '桐庐县' },
  { code: '330127', name: '淳安县' },
  { code: '330182', name: '建德市' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Array<'CITY_ADMIN' | 'DISTRICT_HR' | 'STREET_HR' | 'FINANCE' | 'AUDITOR'>;
  scopeLevel: 'CITY' | 'DISTRICT' | 'STREET';
  scopeDistrict?: string;
  scopeStreet?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'city-admin', displayName: '市民政局管理员', roles: ['CITY_ADMIN'], scopeLevel: 'CITY' },
  { username: 'xihu-hr', displayName: '西湖区人事专员', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330106' },
  { username: 'shangcheng-hr', displayName: '上城区人事专员', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330102' },
  { username: 'cuiyuan-hr', displayName: '翠苑街道人事专员', roles: ['STREET_HR'], scopeLevel: 'STREET', scopeDistrict: '330106', scopeStreet: '330106001' },
  { username: 'finance', displayName: '市财政局', roles: ['FINANCE'], scopeLevel: 'CITY' },
  { username: 'auditor', displayName: '审计员', roles: ['AUDITOR'], scopeLevel: 'CITY' },
];
