// The merge saga's waiting rule, with fakes: a victim whose own absorbed records are still
// being re-pointed is not merged away until that finishes.
import { ContactMergeService } from '../src/app/contact-merge.service';
import type { Contact } from '../src/domain/contact';
import { ContactError, ContactErrorCode } from '../src/domain/contact-error';
import type { MergeRecord } from '../src/store/contact-merge.repository';
import { aContact } from './support/contact-fixture';

const TENANT = 'tenant-a';

/** B absorbed A; A's re-pointing finishes after `pendingChecks` checks (never if Infinity). */
function given(pendingChecks: number) {
  let checks = 0;
  const steps: string[] = [];
  const contact = (id: string, extra: Partial<Contact> = {}) =>
    ({
      contact: aContact({ id, tenantId: TENANT, person: { firstName: id }, ...extra }),
    }) as never;
  const record = { _id: `${TENANT}:a`, survivorId: 'b', tracksRepointing: true } as MergeRecord;
  const service = new ContactMergeService({
    waitMs: 300,
    contacts: {
      findById: async (_tenant: string, id: string) =>
        contact(id, id === 'b' ? { mergedFrom: ['a'] } : {}),
    } as never,
    merges: {
      find: async (_tenant: string, id: string) => (id === 'a' ? record : undefined),
      awaitsRepointing: async () => checks++ < pendingChecks,
      claim: async () => {
        steps.push('claim');
        throw new Error('stop after the claim');
      },
    } as never,
    leases: { hold: async (_tenant, _ids, _deadline, work) => work() },
  });
  const mergeBIntoC = () =>
    service.merge({ tenantId: TENANT, survivorId: 'c', victimId: 'b', fieldChoices: {} });
  return { mergeBIntoC, steps };
}

describe('merging a survivor whose own merge is still being re-pointed', () => {
  it('waits for the re-pointing to finish, then merges', async () => {
    const { mergeBIntoC, steps } = given(2);

    await expect(mergeBIntoC()).rejects.toThrow('stop after the claim');

    expect(steps).toEqual(['claim']);
  });

  it('answers BUSY without claiming anything when the re-pointing does not finish in time', async () => {
    const { mergeBIntoC, steps } = given(Infinity);

    const refused = await mergeBIntoC().then(
      () => undefined,
      (err: unknown) => err,
    );

    expect(refused).toBeInstanceOf(ContactError);
    expect(refused).toMatchObject({ code: ContactErrorCode.BUSY });
    expect((refused as ContactError).message).toContain('contact b absorbed a');
    expect(steps).toEqual([]);
  });
});
