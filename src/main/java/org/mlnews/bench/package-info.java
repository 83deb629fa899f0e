/** The scale benchmark: full and incremental builds against TDB2's bulk loader, queries, pages, heap, disk. */
package org.mlnews.bench;
