import { getStore, type Store } from '../store/store';

/**
 * The served build: the one layer that reads the store (INDEX_DIR, loaded once per process) and
 * hands its catalogue, topics and search engine to routes. lib/catalogue, lib/topics and
 * lib/search never import it or the store, so data flows one way: store → served → app.
 */
export function getServedBuild(): Promise<Store> {
  return getStore();
}
