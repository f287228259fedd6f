// Every document of every collection of some databases, as text: what erasure tests search
// for a person's values ("nothing personal remains in any store").
import type { MongoClient } from 'mongodb';

export async function everyStoredDocument(
  client: Pick<MongoClient, 'db'>,
  dbNames: readonly string[],
): Promise<string[]> {
  const texts: string[] = [];
  for (const name of dbNames) {
    const db = client.db(name);
    for (const { name: collection } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(collection).find({}).toArray()) {
        texts.push(`${name}.${collection}: ${JSON.stringify(doc)}`);
      }
    }
  }
  return texts;
}
