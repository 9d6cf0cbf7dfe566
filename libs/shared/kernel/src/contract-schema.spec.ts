import { Contract, Fields, Int, Nullable, Text } from './contract-schema';

describe('Fields', () => {
  it('joins field lists in order, a later list overriding a field in place, into one contract', () => {
    const shared = { id: Int('id'), note: Nullable(Text('note')) };
    const c = Contract('SpecFields', 'fields', Fields(shared, { name: Text('name') }, { id: Int('the id again') }));
    expect(Object.keys(c.properties)).toEqual(['id', 'note', 'name']);
    expect(c.properties.id.description).toBe('the id again');
    expect(c.required).toEqual(['id', 'note', 'name']);
    expect(shared.id.description).toBe('id');
  });
});
