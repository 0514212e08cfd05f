/**
 * Yjs editing sessions for the document store's tests (app/modules/documents/store): deterministic
 * edits by several clients, and a check that two documents hold the same content.
 */
import { expect } from "vitest";
import * as Y from "yjs";

/** Deterministic pseudo-random edits by several clients: inserts, deletes, formatting, a map. */
export function simulateEditing(seed: number, count: number): { reference: Y.Doc; updates: Uint8Array[] } {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const reference = new Y.Doc();
  const updates: Uint8Array[] = [];
  const clients = [0, 1, 2].map(() => new Y.Doc());
  for (const client of clients) {
    client.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "relay") return;
      updates.push(update);
      Y.applyUpdate(reference, update);
      // Everyone sees everything (like the server relaying), so edits interleave causally.
      for (const other of clients) if (other !== client) Y.applyUpdate(other, update, "relay");
    });
  }
  for (let i = 0; i < count; i++) {
    const client = clients[Math.floor(random() * clients.length)]!;
    const body = client.getXmlFragment("body");
    if (body.length === 0 || random() < 0.1) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`p${i} `)]);
      body.insert(Math.floor(random() * (body.length + 1)), [paragraph]);
      continue;
    }
    const paragraph = body.get(Math.floor(random() * body.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const roll = random();
    if (roll < 0.6) text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    else if (roll < 0.8 && text.length > 0) text.delete(Math.floor(random() * text.length), 1);
    else if (roll < 0.9 && text.length > 1) text.format(0, 1, { bold: true });
    else client.getMap("fields").set(`field${i % 5}`, i);
  }
  return { reference, updates };
}

/** The document after the first `count` updates. */
export function simulatePrefix(updates: Uint8Array[], count: number): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  });
  return doc;
}

export function docFrom(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

export function sameContent(a: Y.Doc, b: Y.Doc) {
  expect(a.getXmlFragment("body").toString()).toBe(b.getXmlFragment("body").toString());
  expect(a.getMap("fields").toJSON()).toEqual(b.getMap("fields").toJSON());
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(a.store), Y.createDeleteSetFromStructStore(b.store))).toBe(true);
}
