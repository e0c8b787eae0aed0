import type { Db } from './open.js';

/**
 * Runs a big sort (an index build, a GROUP BY over a whole table) with SQLite's helper threads:
 * worth it once an import's own threads are done, and turned off again whatever happens.
 */
export function withSorterThreads<T>(db: Db, sort: () => T): T {
  db.pragma('threads = 2');
  try {
    return sort();
  } finally {
    db.pragma('threads = 0');
  }
}
