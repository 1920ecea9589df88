package org.glpiagent.task;

import java.io.IOException;

/**
 * Where a task's results go: a server, a folder or standard output. Chosen by the target, never by the task.
 *
 * <p>A server sink that cannot deliver keeps the document on disk for a later attempt and then throws, so the
 * run is reported as failed and nothing is lost.
 */
public interface ResultSink {
  /** Delivers one document. */
  void submit(Submission submission) throws IOException;

  /**
   * Delivers one message of the legacy network protocol ({@code QUERY} {@code NETDISCOVERY} or
   * {@code SNMPQUERY}: START, NBIP, a DEVICE, END, EXIT), given as the tree of its {@code CONTENT} element.
   */
  default void legacy(String query, com.fasterxml.jackson.databind.node.ObjectNode content) throws IOException {
    throw new IOException("this target does not take " + query + " messages");
  }
}
