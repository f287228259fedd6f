// The contact lifecycle every service must follow, as one suite each service runs against its
// own real process: a merge moves everything the victim had to the survivor, once, however often
// it is delivered; an erasure leaves none of the person's values in any store the service keeps,
// however often it is asked, also for what was merged into the person, and touches no other
// tenant; its personal-data export answers a section about the person and, after the erasure,
// none of their values. The service says how to act and what it holds through a
// LifecycleSubject; the suite decides what must be true. The contact service (the owner) acts
// through its own calls; any other service (a consumer) learns the same from kith.contact.v1
// events, which a ContactEventFeed publishes to real Kafka. (docs/privacy.md lists the stores;
// docs/architecture.md the merge.)
import { randomBytes } from 'node:crypto';
// Jest's globals, not an import of @jest/globals: that module throws when loaded outside Jest,
// and the benches load this package's index.
import { waitFor } from './test-env';

/** Values distinctive enough that finding one in a stored document can only mean this person. */
export interface PersonValues {
  firstName: string;
  lastName: string;
  email: string;
}

/** What a service's ExportPersonalData answered (kith.privacy.v1.PersonalDataService). */
export interface ExportedPersonalData {
  service: string;
  sections: Array<{ name: string; json: string }>;
}

export interface LifecycleSubject {
  /**
   * 'owner': the contact service, where merge and erasure are calls that refuse an id the
   * tenant does not have. 'consumer': a service that learns them from events.
   */
  role: 'owner' | 'consumer';
  /** The name the service answers exports with (its key in the gateway's assembled export). */
  serviceName: string;
  /** A new tenant id, never used before. */
  newTenant(): string;
  /** Creates the person (in the contact service, or as the service's projection learns it). */
  createPerson(tenant: string, values: PersonValues): Promise<string>;
  /**
   * Gives the person the records this service keeps about people; returns their keys: what
   * names a record whichever contact holds it (its id, or what it is where a re-pointed record
   * is stored anew).
   */
  attachRecords(tenant: string, contactId: string): Promise<string[]>;
  /** Keys of this service's live records that belong to the contact now ([] if it is gone). */
  recordsOf(tenant: string, contactId: string): Promise<string[]>;
  /** Merges the victim into the survivor (a call, or the event delivered to the service). */
  merge(tenant: string, survivorId: string, victimId: string): Promise<unknown>;
  /** Erases the person (a call, or the event delivered to the service). */
  erase(tenant: string, contactId: string): Promise<unknown>;
  /** Every document of every store the service keeps, as text, once its consumers caught up. */
  storedDocuments(): Promise<string[]>;
  /** The service's own ExportPersonalData for the contact, in the tenant. */
  exportOf(tenant: string, contactId: string): Promise<ExportedPersonalData>;
}

const settled = (work: Promise<unknown>) =>
  work.then(
    () => 'ok',
    (err: unknown) => err,
  );

function distinctPerson(): PersonValues {
  const tag = randomBytes(5).toString('hex');
  return {
    firstName: `Ysolde${tag}`,
    lastName: `Marchbank${tag}`,
    email: `ysolde.${tag}@example.org`,
  };
}

const exportTexts = (exported: ExportedPersonalData): string[] =>
  exported.sections.map((section) => `${section.name}: ${section.json}`);

function leaksOf(documents: string[], values: PersonValues): string[] {
  const needles = Object.values(values).map((v) => v.toLowerCase());
  return documents.filter((text) => needles.some((n) => text.toLowerCase().includes(n)));
}

/** Waits until none of the stored documents holds a value of any of `people`. */
const untilNoneStored = (s: LifecycleSubject, ...people: PersonValues[]) =>
  waitFor(
    async () => {
      const documents = await s.storedDocuments();
      return people.every((person) => leaksOf(documents, person).length === 0);
    },
    { what: "no stored document with the erased person's values" },
  );

/** Registers the conformance tests of one service under `describe(name)`. */
export function describeLifecycleConformance(name: string, subject: () => LifecycleSubject): void {
  describe(`${name}: contact lifecycle conformance`, () => {
    it('moves every record of a merged victim to the survivor once, when the merge arrives twice at once', async () => {
      const s = subject();
      const tenant = s.newTenant();
      const survivor = await s.createPerson(tenant, distinctPerson());
      const victim = await s.createPerson(tenant, distinctPerson());
      const victimRecords = await s.attachRecords(tenant, victim);
      const survivorRecords = await s.recordsOf(tenant, survivor);

      await Promise.all([
        settled(s.merge(tenant, survivor, victim)),
        settled(s.merge(tenant, survivor, victim)),
      ]);

      const moved = await waitFor(
        async () => {
          const now = await s.recordsOf(tenant, survivor);
          return victimRecords.every((id) => now.includes(id)) ? now : undefined;
        },
        { what: "the victim's records on the survivor" },
      );
      expect([...moved].sort()).toEqual(
        [...new Set([...survivorRecords, ...victimRecords])].sort(),
      );
      expect(await s.recordsOf(tenant, victim)).toEqual([]);
    });

    it('leaves none of the values of a person erased twice at once, nor of what was merged into them', async () => {
      const s = subject();
      const tenant = s.newTenant();
      const person = distinctPerson();
      const duplicate = distinctPerson();
      const id = await s.createPerson(tenant, person);
      await s.attachRecords(tenant, id);
      const merged = await s.createPerson(tenant, duplicate);
      await s.attachRecords(tenant, merged);
      await s.merge(tenant, id, merged);
      expect(leaksOf(await s.storedDocuments(), person)).not.toEqual([]);

      const answers = await Promise.all([
        settled(s.erase(tenant, id)),
        settled(s.erase(tenant, id)),
      ]);

      expect(answers).toEqual(['ok', 'ok']);
      await untilNoneStored(s, person, duplicate);
      expect(await s.recordsOf(tenant, id)).toEqual([]);
    });

    it("keeps another tenant's person with the same values when one tenant erases theirs", async () => {
      const s = subject();
      const person = distinctPerson();
      const [mine, theirs] = [s.newTenant(), s.newTenant()];
      const erased = await s.createPerson(mine, person);
      await s.attachRecords(mine, erased);
      const kept = await s.createPerson(theirs, person);
      const keptRecords = await s.attachRecords(theirs, kept);

      await s.erase(mine, erased);
      // Its own failure to erase: the other tenant's id does not exist in this one.
      const foreign = await settled(s.erase(mine, kept));

      // A consumer cannot refuse an event; it must only leave the other tenant alone.
      if (s.role === 'owner') expect(foreign).not.toBe('ok');
      expect(await s.recordsOf(theirs, kept)).toEqual(expect.arrayContaining(keptRecords));
      expect(leaksOf(await s.storedDocuments(), person)).not.toEqual([]);
    });

    it('answers its export section for a person it holds records of, without their values once erased', async () => {
      const s = subject();
      const tenant = s.newTenant();
      const person = distinctPerson();
      const id = await s.createPerson(tenant, person);
      await s.attachRecords(tenant, id);

      const exported = await s.exportOf(tenant, id);

      expect(exported.service).toBe(s.serviceName);
      expect(exported.sections.length).toBeGreaterThan(0);
      for (const section of exported.sections) expect(() => JSON.parse(section.json)).not.toThrow();
      expect(
        exportTexts(exported).some(
          (text) => text.includes(id) || leaksOf([text], person).length > 0,
        ),
      ).toBe(true);
      await s.erase(tenant, id);
      await untilNoneStored(s, person);
      expect(leaksOf(exportTexts(await s.exportOf(tenant, id)), person)).toEqual([]);
    });
  });
}
