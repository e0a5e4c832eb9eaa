/**
 * Records as JMX clients and the JSON export see them: a record of the report or the cache
 * statistics becomes, through the MXBean mapping, a {@code CompositeData} whose items are its
 * components, each with the description and unit of its {@link Figure}; and, for the export, a map
 * under the same names. Nothing here knows the report's figures.
 */
package io.autobot.optimizer.management.opendata;
