/**
 * A map per database handle, for per-process caches: tests open several databases in one process,
 * and one database's entries must never answer for another's.
 */
import type { Db } from "./client.ts";

export function mapIn<V>(maps: WeakMap<Db, Map<string, V>>, db: Db): Map<string, V> {
  let map = maps.get(db);
  if (!map) maps.set(db, (map = new Map()));
  return map;
}
