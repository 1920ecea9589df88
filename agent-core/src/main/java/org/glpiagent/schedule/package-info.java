/** When targets run: the pure schedule rule and a target's schedule. */
package org.glpiagent.schedule;
