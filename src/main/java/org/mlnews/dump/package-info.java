/**
 * Dumps of the store in six RDF formats, written deterministically (the same data gives the same
 * bytes), the line-based ones streamed; the dataset's VoID/DCAT description; releases.
 */
package org.mlnews.dump;
