/** Named SPARQL queries loaded from {@code queries/}, parameters bound as RDF terms, results written in standard formats. */
package org.mlnews.query;
