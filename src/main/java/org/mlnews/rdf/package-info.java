/** RDF for mlnews: vocabulary constants, the one place that mints IRIs, and the issue mapping. */
package org.mlnews.rdf;
