// How custom field definitions are stored: one small `custom_fields` collection, `_id` =
// `<tenantId>:<recordType>:<key>` so reads and writes of one definition are `{_id}` lookups
// (the one filter FerretDB 1.x answers without a scan). Lists scan it; it stays small
// (tens of definitions per tenant and record type).
import { Schema, type Connection, type Model } from 'mongoose';
import type { OutboxLogRecord } from '@kith/bus';
import type {
  CustomFieldOption,
  CustomFieldRecordType,
  CustomFieldType,
  CustomFieldValidation,
} from '../domain/custom-field';

export const CUSTOM_FIELDS_COLLECTION = 'custom_fields';

export interface CustomFieldDocument {
  _id: string;
  tenantId: string;
  recordType: CustomFieldRecordType;
  key: string;
  label: string;
  description?: string;
  type: CustomFieldType;
  required: boolean;
  options: CustomFieldOption[];
  validation: CustomFieldValidation;
  archived: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  _outboxLog?: OutboxLogRecord[];
}

export const customFieldSchema = new Schema<CustomFieldDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recordType: { type: String, required: true },
    key: { type: String, required: true },
    label: { type: String, required: true },
    description: String,
    type: { type: String, required: true },
    required: { type: Boolean, required: true },
    // Written as the domain validated them; Mixed avoids mongoose re-casting them.
    options: { type: Schema.Types.Mixed, default: () => [] },
    validation: { type: Schema.Types.Mixed, default: () => ({}) },
    archived: { type: Boolean, required: true },
    version: { type: Number, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    _outboxLog: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: CUSTOM_FIELDS_COLLECTION, versionKey: false, autoIndex: false, minimize: false },
);

// For real MongoDB: the list query (tenant, record type, key order). FerretDB scans anyway.
customFieldSchema.index({ tenantId: 1, recordType: 1, key: 1 });

export type CustomFieldModel = Model<CustomFieldDocument>;

export function customFieldModel(connection: Connection): CustomFieldModel {
  return connection.model<CustomFieldDocument>(
    'CustomField',
    customFieldSchema,
    CUSTOM_FIELDS_COLLECTION,
  );
}

export async function ensureCustomFieldIndexes(model: CustomFieldModel): Promise<void> {
  await model.createIndexes();
}
