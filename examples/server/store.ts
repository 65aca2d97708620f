// In-memory item store shared by every route family (/items, /strict, /weak-window, /gzip):
// they are different *views* of the same resources, so a write through one is visible
// through all of them — handy for showing that only the validators differ.
import { EntityTag, strongEtagFor } from './etag';

export type JsonObject = { [key: string]: unknown };

export interface StoredItem {
  readonly id: string;
  readonly value: JsonObject;
  /** The exact bytes served for GET; the ETag is computed from these. */
  readonly body: string;
  readonly etag: EntityTag;
  /** Precise write time (ms). Last-Modified truncates it; the weak window needs the precision. */
  readonly modifiedAt: number;
}

const SEED: ReadonlyArray<JsonObject> = [
  { id: 1, name: 'Widget', price: 10 },
  { id: 2, name: 'Gadget', price: 25 },
  { id: 3, name: 'Gizmo', price: 7, tags: ['sale'] },
];

/** Seed data pretends to be an hour old so it is never inside a weak window on startup. */
const SEED_AGE_MS = 60 * 60 * 1000;

export class ItemStore {
  private readonly items = new Map<string, StoredItem>();
  private nextId = 1;

  constructor(private readonly clock: () => number) {
    this.reset();
  }

  reset(): void {
    this.items.clear();
    const seededAt = this.clock() - SEED_AGE_MS;
    for (const value of SEED) this.write(String(value.id), structuredClone(value), seededAt);
    this.nextId = SEED.length + 1;
  }

  get(id: string): StoredItem | undefined {
    return this.items.get(id);
  }

  list(): StoredItem[] {
    return [...this.items.values()];
  }

  /** Creates or replaces; the caller has already evaluated preconditions. */
  put(id: string, value: JsonObject): { item: StoredItem; created: boolean } {
    const created = !this.items.has(id);
    return { item: this.write(id, value, this.clock()), created };
  }

  /** POST /items: allocates the next free numeric id. */
  create(value: JsonObject): StoredItem {
    while (this.items.has(String(this.nextId))) this.nextId++;
    return this.write(String(this.nextId++), value, this.clock());
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  private write(id: string, value: JsonObject, at: number): StoredItem {
    // The URL is the identity: the stored `id` always mirrors it, whatever the client sent.
    // Listing `id` first and re-assigning it keeps it as the first key of the JSON body.
    const idValue = /^[1-9]\d{0,14}$/.test(id) ? Number(id) : id;
    const stored: JsonObject = { id: idValue, ...value };
    stored.id = idValue;
    const body = JSON.stringify(stored);
    const item: StoredItem = { id, value: stored, body, etag: strongEtagFor(body), modifiedAt: at };
    this.items.set(id, item);
    return item;
  }
}
