package org.mlnews.query;

/** A parameter value that cannot be bound; the message names the parameter and says why. */
public final class ParamException extends Exception {
  public ParamException(String message) {
    super(message);
  }
}
