import type mongoose from 'mongoose';
import { contactDatabaseNames } from '../../src/store/contact-stores';

/** Every document of every collection of the contact service's databases, as JSON text. */
export async function everyStoredDocument(
  mongo: mongoose.mongo.MongoClient,
  dbName: string,
): Promise<string[]> {
  const texts: string[] = [];
  for (const name of Object.values(contactDatabaseNames(dbName))) {
    const db = mongo.db(name);
    for (const { name: collection } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(collection).find({}).toArray()) {
        texts.push(`${name}.${collection}: ${JSON.stringify(doc)}`);
      }
    }
  }
  return texts;
}
