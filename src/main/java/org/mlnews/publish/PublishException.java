package org.mlnews.publish;

/** A publish that cannot go on: the target refused the credentials. */
public final class PublishException extends RuntimeException {
  public PublishException(String message) {
    super(message);
  }
}
