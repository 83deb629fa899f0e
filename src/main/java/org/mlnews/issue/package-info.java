/** The parsed newsletter issue as plain immutable records: no Jena, no commonmark, one JSON shape. */
package org.mlnews.issue;
