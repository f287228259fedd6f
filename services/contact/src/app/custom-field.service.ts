// Use cases of custom field definitions: read the stored definition, let the pure decisions
// decide, store state and events together. The contact write path (not here) loads
// definitions through CustomFieldRepository.forRecordType and runs the pure validator.
import { isCustomFieldRecordType, type CustomFieldDefinition } from '../domain/custom-field';
import {
  customFieldNotFound,
  decideArchive,
  decideChange,
  decideDefine,
  idOfRef,
  type ArchiveCustomFieldCommand,
  type ChangeCustomFieldCommand,
  type CustomFieldDecision,
  type DefineCustomFieldCommand,
  type FieldRef,
} from '../domain/custom-field-decisions';
import {
  encodeFieldPageToken,
  parseCustomFieldListQuery,
  type ListCustomFieldsInput,
} from '../domain/custom-field-list-query';
import { toCustomFieldOutboxItems } from '../events/custom-field-events';
import type { CustomFieldRepository, StoredCustomField } from '../store/custom-field.repository';

export interface CustomFieldServiceDeps {
  repository: CustomFieldRepository;
  now?: () => string;
  /** Told after every definition write, e.g. to drop a cache of definitions. */
  onChanged?: (tenantId: string) => void;
}

export interface CustomFieldPage {
  definitions: CustomFieldDefinition[];
  nextPageToken?: string;
}

export class CustomFieldService {
  private readonly repository: CustomFieldRepository;
  private readonly now: () => string;
  private readonly onChanged: (tenantId: string) => void;

  constructor(deps: CustomFieldServiceDeps) {
    this.repository = deps.repository;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.onChanged = deps.onChanged ?? (() => undefined);
  }

  async define(command: DefineCustomFieldCommand): Promise<CustomFieldDefinition> {
    // One scan of the small definitions collection answers both "is the key taken" and
    // "is the record type full". Two concurrent creates may both pass the cap by one; the
    // key itself cannot be taken twice (the outbox's version claim and the unique _id).
    const siblings = isCustomFieldRecordType(command.recordType)
      ? await this.repository.forRecordType(command.tenantId, command.recordType)
      : [];
    const existing = siblings.find((d) => d.key === command.key);
    const { definition, events } = decideDefine(
      command,
      { existing, definedCount: siblings.length },
      this.now(),
    );
    await this.repository.insert(definition, toCustomFieldOutboxItems(events));
    this.onChanged(command.tenantId);
    return definition;
  }

  /** Archived definitions still read: stored values name them. */
  async get(ref: FieldRef): Promise<CustomFieldDefinition> {
    const stored = await this.find(ref);
    if (!stored) throw customFieldNotFound(ref);
    return stored.definition;
  }

  async change(command: ChangeCustomFieldCommand): Promise<CustomFieldDefinition> {
    return this.write(command, (current) => decideChange(current, command, this.now()));
  }

  async archive(command: ArchiveCustomFieldCommand): Promise<CustomFieldDefinition> {
    return this.write(command, (current) => decideArchive(current, command, this.now()));
  }

  async list(input: ListCustomFieldsInput): Promise<CustomFieldPage> {
    const query = parseCustomFieldListQuery(input);
    const { definitions, hasMore } = await this.repository.list(query);
    const last = definitions.at(-1);
    return hasMore && last
      ? { definitions, nextPageToken: encodeFieldPageToken(query, last.id) }
      : { definitions };
  }

  private async find(ref: FieldRef): Promise<StoredCustomField | undefined> {
    const id = idOfRef(ref);
    return id === undefined ? undefined : this.repository.findById(ref.tenantId, id);
  }

  private async write(
    command: FieldRef & { expectedVersion: number },
    decide: (current: CustomFieldDefinition | undefined) => CustomFieldDecision,
  ): Promise<CustomFieldDefinition> {
    const stored = await this.find(command);
    const { definition, events } = decide(stored?.definition);
    if (!stored || events.length === 0) return definition;
    await this.repository.update(
      definition,
      command.expectedVersion,
      stored.outboxLog,
      toCustomFieldOutboxItems(events),
    );
    this.onChanged(command.tenantId);
    return definition;
  }
}
