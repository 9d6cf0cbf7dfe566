// Entry for `node --test apps/admin-e2e/src/`: Node 20 discovers only *.test.mjs (and similar)
// names in a directory, so this file pulls in the suite, which keeps its descriptive name.
import './admin.e2e.mjs';
