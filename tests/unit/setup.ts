// A fresh, in-memory IndexedDB for Node: storage tests run against the real idb code paths.
import 'fake-indexeddb/auto';
