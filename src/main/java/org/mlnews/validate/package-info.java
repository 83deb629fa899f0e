/** SHACL validation of the store or of a dump file against {@code ontology/shapes.ttl}, with a readable report. */
package org.mlnews.validate;
