/**
 * The self-contained HTML pages the agent's export and the sample's benchmark write: one file with
 * inline CSS and inline SVG charts, no script and nothing fetched from the network (the page's
 * content security policy forbids it), every text escaped. Shared so that both pages look alike.
 */
package io.autobot.optimizer.protocol.html;
