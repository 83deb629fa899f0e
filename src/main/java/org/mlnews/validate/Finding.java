package org.mlnews.validate;

import org.apache.jena.graph.Node;

/**
 * One result of a validation, in the terms a reader needs.
 *
 * @param severity   {@code Violation}, {@code Warning} or {@code Info}
 * @param focus      the node that does not conform
 * @param path       the property path, as Turtle ({@code ml:headline}), or null for a node constraint
 * @param message    the shape's message
 * @param value      the offending value, or null
 * @param shape      the shape that was not met
 * @param constraint the constraint component ({@code sh:MinCountConstraintComponent})
 */
public record Finding(String severity, Node focus, String path, String message, Node value, Node shape,
    Node constraint) {
  public boolean isViolation() {
    return severity.equals("Violation");
  }
}
