/** Turns the files of {@code data/} into the store: extract, tag, date, map, replace changed graphs. */
package org.mlnews.build;
