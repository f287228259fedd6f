// Applies the current call's budget to every query of a mongoose model: reads get the time
// left as `maxTimeMS` (MongoDB and FerretDB 1.24 abort find, count and aggregate at it,
// docs/operations.md), and writes are not started once the caller has gone.
import type { Aggregate, MongooseQueryMiddleware, Query, Schema } from 'mongoose';
import { assertBudgetLeft, remainingMs } from './call-budget';

const READS: MongooseQueryMiddleware[] = ['find', 'findOne', 'countDocuments', 'distinct'];
const WRITES: MongooseQueryMiddleware[] = [
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
];

function limitQuery(query: Query<unknown, unknown>): void {
  const left = remainingMs();
  const explicit = query.getOptions().maxTimeMS;
  if (left !== undefined) query.maxTimeMS(Math.min(left, explicit ?? Infinity));
}

function limitAggregate(aggregate: Aggregate<unknown>): void {
  const left = remainingMs();
  const explicit = aggregate.options.maxTimeMS;
  if (left !== undefined) aggregate.option({ maxTimeMS: Math.min(left, explicit ?? Infinity) });
}

/** Register with `connection.plugin(callBudgetPlugin)` before the models are compiled. */
export function callBudgetPlugin(schema: Schema): void {
  schema.pre(READS, function (this: Query<unknown, unknown>) {
    assertBudgetLeft('read');
    limitQuery(this);
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    assertBudgetLeft('aggregate');
    limitAggregate(this);
  });
  schema.pre(WRITES, () => assertBudgetLeft('write'));
  schema.pre('save', () => assertBudgetLeft('write'));
  schema.pre('insertMany', () => assertBudgetLeft('write'));
  schema.pre('bulkWrite', () => assertBudgetLeft('write'));
}
