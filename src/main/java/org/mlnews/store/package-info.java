/** TDB2 access: one named graph per issue, replaced inside one write transaction. */
package org.mlnews.store;
