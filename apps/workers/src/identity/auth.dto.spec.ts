import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateApiClientDto, CreateUserDto } from './auth.dto';

/** The account-name rule (ACCOUNT_NAME, workers contracts) as both create DTOs apply it: the refusals of `field` alone. */
function refusals(cls: ClassConstructor<object>, body: object, field: string): string[] {
  return validateSync(plainToInstance(cls, body)).flatMap((e) => (e.property === field ? Object.values(e.constraints ?? {}) : []));
}

const user = (username: string) => ({ username, displayName: 'x', password: 'S3cure!pass', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330102' });
const client = (clientId: string) => ({ clientId, name: 'x', scopeLevel: 'CITY', permissions: ['budget:read'] });

describe('account names', () => {
  it.each([
    [CreateUserDto, user, 'username'],
    [CreateApiClientDto, client, 'clientId'],
  ] as const)('%p takes lower-case letters, digits, . _ - (3–60, a letter or digit first) and refuses the rest as before', (cls, body, field) => {
    for (const ok of ['abc', 'gongshu-hr', 'a.b_c-9', '9ab', 'a'.repeat(60)]) expect(refusals(cls, body(ok), field)).toEqual([]);
    for (const bad of ['ab', 'Gongshu', '-ab', '.ab', 'a b', 'a'.repeat(61), '拱墅区']) {
      expect(refusals(cls, body(bad), field)).toEqual([`${field} must match /^[a-z0-9][a-z0-9._-]{2,59}$/ regular expression`]);
    }
  });
});
