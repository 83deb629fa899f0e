/** The linked-data browser: every IRI the graph mints, served as HTML pages and as RDF, with search. */
package org.mlnews.server.pages;
