import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { inspectInput, moneyIssue, MAX_JSON_DEPTH, nullsNotAllowed } from './validation';

class Child {
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() note!: string | null;
  @ApiProperty() @IsString() name!: string;
}
class Parent {
  @ApiPropertyOptional() @IsOptional() @IsString() title?: string;
  @ApiProperty({ type: Child }) child!: Child;
}

describe('hardened validation', () => {
  it('names each lone surrogate, unsafe whole number and over-deep value by its path', () => {
    expect(inspectInput({ a: ['ok', 'x\ud800'], b: { c: '\udc00' }, n: 1e308, m: 1.5, k: 2 ** 53 - 1 }, '')).toEqual([
      { path: 'a[1]', issue: 'contains an unpaired UTF-16 surrogate' },
      { path: 'b.c', issue: 'contains an unpaired UTF-16 surrogate' },
      { path: 'n', issue: 'is beyond the largest whole number accepted (2^53 − 1)' },
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 2; i++) deep = [deep];
    expect(inspectInput({ deep }, '')[0].issue).toMatch(/nests deeper/);
    expect(inspectInput('😀𠀀\u200f', 'q')).toEqual([]);
  });

  it('refuses null where OpenAPI does not say nullable, nested DTOs included', () => {
    const p = Object.assign(new Parent(), { title: null, child: Object.assign(new Child(), { note: null, name: null }) });
    expect(nullsNotAllowed(p).map((e) => e.property)).toEqual(['title', 'child.name']);
  });

  it('checks money against the column', () => {
    expect(moneyIssue('9999999999999.99')).toBeNull();
    expect(moneyIssue('10000000000000.00')).toMatch(/largest/);
    expect(moneyIssue('100000.00', { precision: 7 })).toMatch(/largest/);
    expect(moneyIssue('0.00', { positive: true })).toMatch(/greater than 0/);
    expect(moneyIssue(12.5)).toMatch(/decimal amount/);
  });
});
