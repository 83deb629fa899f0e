/** Publishing the store's graphs to another triple store with the SPARQL 1.1 Graph Store Protocol. */
package org.mlnews.publish;
