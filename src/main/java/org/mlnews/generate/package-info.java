/** A synthetic corpus in the newsletter's Markdown layout, for benchmarks and scale tests. */
package org.mlnews.generate;
