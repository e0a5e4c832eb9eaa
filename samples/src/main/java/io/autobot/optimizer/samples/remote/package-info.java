/**
 * What the sample's two remote services share: a local HTTP server that behaves like a remote one
 * (simulated latency, a rate limit answering 429), and the client side's retry after a 429.
 */
package io.autobot.optimizer.samples.remote;
