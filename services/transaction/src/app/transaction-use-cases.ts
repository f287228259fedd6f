// Builds the transaction service's use cases from what the kit opened, for main.ts: the gift
// store, the contact projection with its merge and erasure hooks, the idempotent creates.
import type { Outbox } from '@kith/bus';
import { ContactLifecycle, type PersonalDataExporter } from '@kith/contact-lifecycle';
import { IdempotentCreates } from '@kith/idempotency';
import type { Db } from 'mongodb';
import { DonationRepository } from '../store/donation.repository';
import { DonationContacts, type DonationContactsOptions } from './donation-contacts';
import { donationExporter } from './donation-export';
import { DonationLifecycleService } from './donation-lifecycle.service';
import { DonationService } from './donation.service';

export interface TransactionUseCases {
  donations: DonationService;
  lifecycle: DonationLifecycleService;
  /** The projection of kith.contact.v1 and its hooks; its handlers make the consumer group. */
  contacts: ContactLifecycle;
  creates: IdempotentCreates;
  exporter: PersonalDataExporter;
  repository: DonationRepository;
}

export async function transactionUseCases(
  db: Db,
  outbox: Outbox,
  opts: { secondaryIndexes: boolean } & DonationContactsOptions,
): Promise<TransactionUseCases> {
  const repository = new DonationRepository(db, outbox);
  const contacts = new ContactLifecycle(db);
  if (opts.secondaryIndexes) {
    await repository.ensureIndexes();
    await contacts.store.ensureIndexes();
  }
  const lifecycle = new DonationLifecycleService({ donations: repository });
  // The hooks run before the projection says merged or erased (@kith/contact-lifecycle).
  contacts
    .onMerged(
      async (victim, survivor, ctx) => void (await lifecycle.onMerged(victim, survivor, ctx)),
    )
    .onErased(async (contactId, ctx) => void (await lifecycle.onErased(contactId, ctx)));
  const donations = new DonationService({
    donations: repository,
    contacts: new DonationContacts(contacts.store, opts),
    projection: contacts.store,
  });
  return {
    donations,
    lifecycle,
    contacts,
    creates: new IdempotentCreates(db),
    exporter: donationExporter(repository),
    repository,
  };
}
