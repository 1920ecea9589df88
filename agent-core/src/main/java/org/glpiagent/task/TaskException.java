package org.glpiagent.task;

/**
 * A task could not do what it was asked: bad instructions from the server, or a failure that ends the task.
 * Logged once by the runner; the next task goes on.
 */
public final class TaskException extends Exception {
  private static final long serialVersionUID = 1L;

  public TaskException(String message) {
    super(message);
  }

  public TaskException(String message, Throwable cause) {
    super(message, cause);
  }
}
