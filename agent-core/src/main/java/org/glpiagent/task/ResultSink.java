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
}
