// What a service keeps, as text: every document of every collection of a database, for tests
// that look for a person's values after an erasure (lifecycle conformance, GDPR erasure).

/** The part of a MongoDB Db these reads use (any driver version's Db fits). */
export interface ReadableDb {
  listCollections(): { toArray(): Promise<Array<{ name: string }>> };
  collection(name: string): { find(filter: object): { toArray(): Promise<unknown[]> } };
}

/** `<label>.<collection>: <document as JSON>`, one entry per document. */
export async function storedDocumentTexts(db: ReadableDb, label: string): Promise<string[]> {
  const texts: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    for (const doc of await db.collection(name).find({}).toArray()) {
      texts.push(`${label}.${name}: ${JSON.stringify(doc)}`);
    }
  }
  return texts;
}

/** The same over several databases of one server, each labelled with its name. */
export async function everyStoredDocument(
  client: { db(name: string): ReadableDb },
  dbNames: readonly string[],
): Promise<string[]> {
  const perDb = await Promise.all(
    dbNames.map((name) => storedDocumentTexts(client.db(name), name)),
  );
  return perDb.flat();
}
