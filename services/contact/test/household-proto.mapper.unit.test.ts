import type { householdV1 } from '@kith/contracts';
import { HouseholdError } from '../src/domain/household-error';
import { updateChangesFromProto } from '../src/grpc/household-proto.mapper';

function request(
  paths: string[],
  overrides: Partial<householdV1.UpdateHouseholdRequest__Output> = {},
): householdV1.UpdateHouseholdRequest__Output {
  return {
    id: 'h-1',
    expectedVersion: '1',
    nameOverride: '',
    greetingOverride: '',
    mailingAddress: null,
    updateMask: { paths },
    ...overrides,
  };
}

describe('household update requests', () => {
  it('changes only the masked paths', () => {
    const changes = updateChangesFromProto(
      request(['name_override'], { nameOverride: 'The Smiths', greetingOverride: 'ignored' }),
    );

    expect(changes).toEqual({ nameOverride: 'The Smiths' });
  });

  it('clears a masked path that carries no value', () => {
    const changes = updateChangesFromProto(request(['greeting_override', 'mailing_address']));

    expect(changes).toEqual({ greetingOverride: null, mailingAddress: null });
  });

  it('refuses an empty mask', () => {
    expect(() => updateChangesFromProto(request([]))).toThrow(HouseholdError);
  });

  it('refuses a path that is not a household field', () => {
    expect(() => updateChangesFromProto(request(['members']))).toThrow(/unknown path members/);
  });
});
