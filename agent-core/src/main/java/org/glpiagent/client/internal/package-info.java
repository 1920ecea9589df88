/** The OkHttp side of the server client: body codecs, TLS checks, authentication. Not API. */
package org.glpiagent.client.internal;
