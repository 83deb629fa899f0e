/** The HTTP server: Fuseki Main over the store, named queries over HTTP, rebuilds on change. */
package org.mlnews.server;
