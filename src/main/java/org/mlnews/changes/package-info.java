/** Change sets: what each build added and removed, as RDF Patch files in the store's {@code changes/} folder. */
package org.mlnews.changes;
