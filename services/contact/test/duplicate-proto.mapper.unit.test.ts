import type { duplicateV1 } from '@kith/contracts';
import { ContactErrorCode } from '../src/domain/contact-error';
import { mergeCommandFromProto } from '../src/grpc/duplicate-proto.mapper';

function request(
  overrides: Partial<duplicateV1.MergeContactsRequest__Output> = {},
): duplicateV1.MergeContactsRequest__Output {
  return {
    survivorId: ' s-1 ',
    victimId: 'v-1',
    expectedSurvivorVersion: '0',
    expectedVictimVersion: '0',
    fieldChoices: {},
    ...overrides,
  };
}

describe('merge requests from proto', () => {
  it('reads version 0 as "not checked" and takes the tenant and actor from the call', () => {
    const command = mergeCommandFromProto(request(), { tenantId: 't-1', userId: 'u-1' });

    expect(command).toEqual({
      tenantId: 't-1',
      survivorId: 's-1',
      victimId: 'v-1',
      fieldChoices: {},
      actorId: 'u-1',
    });
  });

  it('passes expected versions and field choices on', () => {
    const command = mergeCommandFromProto(
      request({
        expectedSurvivorVersion: '3',
        expectedVictimVersion: '2',
        fieldChoices: { firstName: 'victim' },
      }),
      { tenantId: 't-1' },
    );

    expect(command).toMatchObject({
      expectedSurvivorVersion: 3,
      expectedVictimVersion: 2,
      fieldChoices: { firstName: 'victim' },
    });
  });

  it('refuses a version that is not a number', () => {
    expect(() =>
      mergeCommandFromProto(request({ expectedVictimVersion: 'x' }), { tenantId: 't-1' }),
    ).toThrow(expect.objectContaining({ code: ContactErrorCode.VALIDATION_FAILED }));
  });
});
