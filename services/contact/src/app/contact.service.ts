// Use cases: read the current state, let the pure decisions decide, store state and events
// together. Transports (gRPC today) call these; nothing here knows about proto.
import { KeyedLanes, retryOnVersionConflict } from '@kith/bus';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Contact, ContactPage } from '../domain/contact';
import {
  decideCreate,
  decideDelete,
  decideRecordConsent,
  decideUpdate,
  type CreateContactCommand,
  type Decision,
  type DeleteContactCommand,
  type RecordConsentCommand,
  type UpdateContactCommand,
} from '../domain/contact-decisions';
import { ContactError } from '../domain/contact-error';
import type { ConsentRecord } from '../domain/consent';
import { parseListQuery, type ListContactsInput } from '../domain/contact-list-query';
import { contactPageTokens } from '../domain/contact-list-position';
import { toOutboxItems } from '../events/contact-events';
import type { ContactRepository } from '../store/contact.repository';
import { customFieldFilter } from '../domain/custom-field-filter';
import type { CustomFieldDefinition } from '../domain/custom-field';
import type { ContactKind } from '../domain/contact';
import type { CustomFieldDefinitionSource } from './custom-field-definitions.cache';
import { contactNotFound } from './merge-chain';

/** Namespace of consent record ids derived from an idempotency key (uuid v5). */
const CONSENT_KEY_NAMESPACE = '6d1f6a52-5c1e-4f0e-9a57-2f3c8e7b9d41';

export interface ContactServiceDeps {
  repository: ContactRepository;
  /** The tenant's custom field definitions; none when absent. */
  customFields?: CustomFieldDefinitionSource;
  /** Injected so tests can pin time; UTC ISO-8601. */
  now?: () => string;
  newId?: () => string;
}

export class ContactService {
  private readonly repository: ContactRepository;
  private readonly customFields: CustomFieldDefinitionSource | undefined;
  private readonly now: () => string;
  private readonly newId: () => string;
  /** This process's consent writers of one contact queue instead of racing (KeyedLanes). */
  private readonly consentLanes = new KeyedLanes();

  constructor(deps: ContactServiceDeps) {
    this.repository = deps.repository;
    this.customFields = deps.customFields;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? uuidv7;
  }

  /** `id`: chosen by the caller when a create must land under one id (an idempotency key). */
  async create(command: CreateContactCommand, id = this.newId()): Promise<Contact> {
    const customFields = await this.definitions(command.tenantId, command.kind);
    const { contact, events } = decideCreate(command, {
      id,
      now: this.now(),
      customFields,
    });
    await this.repository.insert(contact, toOutboxItems(events, { actorId: command.actorId }));
    return contact;
  }

  /** A soft-deleted contact no longer reads: NOT_FOUND, like a foreign tenant's. */
  async get(tenantId: string, id: string): Promise<Contact> {
    const stored = await this.repository.findById(tenantId, id);
    if (!stored || stored.contact.deletedAt) {
      // A merge victim says where its data went now (the gateway puts it in the 404).
      throw await contactNotFound(this.repository, tenantId, id, stored?.contact);
    }
    return stored.contact;
  }

  async update(command: UpdateContactCommand): Promise<Contact> {
    // Definitions only when a custom field is written (its key names the record type's).
    const writesCustomFields = command.updateMask.some((p) =>
      /^(customFields|custom_fields)\./.test(p),
    );
    return this.change(command, async (current) => {
      const definitions =
        writesCustomFields && current ? await this.definitions(command.tenantId, current.kind) : [];
      return decideUpdate(current, command, this.now(), definitions);
    });
  }

  async delete(command: DeleteContactCommand): Promise<Contact> {
    return this.change(command, (current) => decideDelete(current, command, this.now()));
  }

  /**
   * Consent has no expected version (a sign-up form cannot know it): it applies to whatever
   * is current. Writers of one contact in this process take turns; a write another replica
   * won is retried on the newer state. With an idempotency key the record's id is derived
   * from it, so a retry (say after the gateway's deadline) finds its record and stores none.
   */
  async recordConsent(
    command: RecordConsentCommand,
  ): Promise<{ contact: Contact; record: ConsentRecord }> {
    const recordId = command.idempotencyKey
      ? uuidv5(
          [command.tenantId, command.userId ?? '', command.id, command.idempotencyKey].join('\n'),
          CONSENT_KEY_NAMESPACE,
        )
      : this.newId();
    return this.consentLanes.run(`${command.tenantId}:${command.id}`, () =>
      retryOnVersionConflict(() => this.recordConsentOnce(command, recordId)),
    );
  }

  private async recordConsentOnce(
    command: RecordConsentCommand,
    recordId: string,
  ): Promise<{ contact: Contact; record: ConsentRecord }> {
    const stored = await this.repository.findById(command.tenantId, command.id);
    const decided = decideRecordConsent(stored?.contact, command, { now: this.now(), recordId });
    // The decision threw NOT_FOUND already; the check narrows the type. No events: a replay.
    if (!stored || decided.events.length === 0) return decided;
    await this.repository.update(
      decided.contact,
      stored.contact.version,
      stored.outboxLog,
      toOutboxItems(decided.events, { actorId: command.userId }),
    );
    return decided;
  }

  /** Every consent record, oldest first. */
  async consentHistory(tenantId: string, id: string): Promise<ConsentRecord[]> {
    return (await this.get(tenantId, id)).consentHistory;
  }

  private async definitions(
    tenantId: string,
    kind: ContactKind,
  ): Promise<readonly CustomFieldDefinition[]> {
    return this.customFields ? this.customFields.forRecordType(tenantId, kind) : [];
  }

  /** Read the contact, let the pure decision decide, store the new state with its events. */
  private async change(
    command: UpdateContactCommand | DeleteContactCommand,
    decide: (current: Contact | undefined) => Decision | Promise<Decision>,
  ): Promise<Contact> {
    const stored = await this.repository.findById(command.tenantId, command.id);
    if (command.expectedKind && stored?.contact.deletedAt) {
      // A caller naming the kind reads a deleted record as GetContact does: a merge victim's
      // NOT_FOUND names its survivor (the decision refuses the rest of the mismatches).
      throw await contactNotFound(this.repository, command.tenantId, command.id, stored.contact);
    }
    const { contact, events } = await decide(stored?.contact);
    // Nothing changed: no write, no event, and the version stays. (`!stored` cannot happen
    // here, the decision threw NOT_FOUND; the check narrows the type.)
    if (!stored || events.length === 0) return contact;
    await this.repository.update(
      contact,
      command.expectedVersion,
      stored.outboxLog,
      toOutboxItems(events, { actorId: command.actorId }),
    );
    return contact;
  }

  async list(
    input: ListContactsInput & { customFieldFilters?: Record<string, string> },
  ): Promise<ContactPage> {
    const query = parseListQuery(input);
    const filters = input.customFieldFilters ?? {};
    if (Object.keys(filters).length > 0) {
      if (!query.kind) {
        throw ContactError.validation([
          { field: 'kind', message: 'custom field filters need a kind (person or organization)' },
        ]);
      }
      const { filter, errors } = customFieldFilter(
        await this.definitions(input.tenantId, query.kind),
        filters,
      );
      if (errors.length > 0) throw ContactError.validation(errors);
      query.customFieldFilter = filter;
    }
    const { contacts, next } = await this.repository.list(query);
    return next
      ? { contacts, nextPageToken: contactPageTokens.encode(next, input.tenantId) }
      : { contacts };
  }
}
