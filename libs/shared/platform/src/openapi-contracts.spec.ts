import { Contract, MoneyString, NamedEnum, Nullable, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { addContractSchemas, apiArraySchema, apiSchema } from './openapi-contracts';
import { describeDocument } from './openapi-describe';

describe('contracts in the OpenAPI document', () => {
  const Colour = NamedEnum('SpecColour', ['RED', 'BLUE'] as const, 'A colour');
  const Inner = Contract('SpecInner', 'inner', { amount: MoneyString('an amount', '1.00') });
  const Outer = Contract('SpecOuter', 'outer', {
    colour: Colour,
    maybeColour: Nullable(Colour),
    inner: Inner,
    list: Type.Array(Inner, { description: 'many' }),
    note: Nullable(Text('a note')),
  });

  it('adds the referenced contract and the named schemas nested in it, as $refs, without TypeBox symbols or $id', () => {
    const doc = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: apiArraySchema(Outer) } } } } } } } };
    addContractSchemas(doc as never);
    const schemas = (doc as unknown as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
    expect(Object.keys(schemas).sort()).toEqual(['SpecColour', 'SpecInner', 'SpecOuter']);
    expect(schemas.SpecOuter).toEqual({
      type: 'object',
      description: 'outer',
      required: ['colour', 'maybeColour', 'inner', 'list', 'note'],
      properties: {
        colour: { $ref: '#/components/schemas/SpecColour' },
        maybeColour: { allOf: [{ $ref: '#/components/schemas/SpecColour' }], nullable: true },
        inner: { $ref: '#/components/schemas/SpecInner' },
        list: { type: 'array', description: 'many', items: { $ref: '#/components/schemas/SpecInner' } },
        note: { type: 'string', description: 'a note', nullable: true },
      },
    });
    expect(schemas.SpecColour).toEqual({ type: 'string', enum: ['RED', 'BLUE'], description: 'A colour' });
    expect(schemas.SpecInner.properties).toEqual({ amount: { type: 'string', pattern: '^-?\\d{1,13}(\\.\\d{1,2})?$', description: 'an amount', example: '1.00' } });
  });

  it('describes a property that only references a named schema with that schema’s own description', () => {
    const doc = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: apiSchema(Outer) } } } } } } } };
    addContractSchemas(doc as never);
    describeDocument(doc as never);
    const outer = (doc as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }).components.schemas.SpecOuter;
    expect(outer.properties.inner).toEqual({ allOf: [{ $ref: '#/components/schemas/SpecInner' }], description: 'inner' });
    expect(outer.properties.maybeColour).toEqual({ allOf: [{ $ref: '#/components/schemas/SpecColour' }], nullable: true, description: 'A colour' });
  });

  it('refuses an unnamed schema and two different contracts under one name', () => {
    expect(() => apiSchema(Type.Object({}))).toThrow(/needs a name/);
    expect(() => apiSchema(Contract('SpecOuter', 'another', {}))).toThrow(/two different contracts/);
  });
});
