import { storedDocumentTexts, waitFor } from '@kith/testkit';
import type mongoose from 'mongoose';
import { contactDatabaseNames } from '../../src/store/contact-stores';

/** Every document of every collection of the contact service's databases, as JSON text. */
export async function everyStoredDocument(
  mongo: mongoose.mongo.MongoClient,
  dbName: string,
): Promise<string[]> {
  const texts: string[] = [];
  for (const name of Object.values(contactDatabaseNames(dbName))) {
    texts.push(...(await storedDocumentTexts(mongo.db(name), name)));
  }
  return texts;
}

/** Waits until the relay has published and deleted every outbox intent of the service. */
export async function outboxDrained(
  mongo: mongoose.mongo.MongoClient,
  dbName: string,
): Promise<void> {
  await waitFor(
    async () => (await mongo.db(`${dbName}_outbox`).collection('outbox').countDocuments({})) === 0,
    { what: 'the outbox to drain' },
  );
}
