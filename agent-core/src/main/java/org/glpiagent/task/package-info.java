/**
 * The contract between the agent and its tasks: {@link org.glpiagent.task.Task}, what the server asked
 * ({@link org.glpiagent.task.ServerInstructions}), what a task may use ({@link org.glpiagent.task.TaskContext})
 * and where its results go ({@link org.glpiagent.task.ResultSink}).
 */
package org.glpiagent.task;
